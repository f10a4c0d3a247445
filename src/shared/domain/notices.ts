/**
 * Sync-error code of a standing notice, not a failure: Ondato's response for the case went beyond what
 * KYC Desk keeps (too deep, too large, too many files), so only part of it was stored.
 */
export const RESPONSE_TRIMMED_CODE = 'response_trimmed';
