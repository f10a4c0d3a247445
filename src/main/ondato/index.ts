export { createTokenProvider, refreshMarginMs, type AccessToken, type TokenProvider } from './auth';
export { silentLogger, type Logger } from './body';
export { markOverCap, overCapOf, RESPONSE_LIMITS, type OverCap } from './bounds';
export {
  createOndatoClient,
  type ConnectionCheck,
  type KycFilterRange,
  type KycFilterResult,
  type OndatoClient,
  type OndatoClientOptions,
} from './client';
export { customerHostOf, customerOrigin, customerUrl, isCustomerUrl } from './customer-url';
export {
  checkBaseUrl,
  isLoopbackHost,
  KNOWN_ENDPOINTS,
  ONDATO_ENVIRONMENTS,
  resolveEndpoints,
  type EndpointOverrides,
  type OndatoEndpoints,
  type OndatoEnvironment,
} from './environments';
export { isOndatoError, ONDATO_ERROR_CODES, OndatoError, type OndatoErrorCode } from './errors';
export { DEFAULT_MAX_FILE_BYTES, type KycFileContent } from './files';
export { DEFAULT_TIMEOUT_MS, type Clock, type FetchLike, type Sleep } from './http';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry';
export * from '../../shared/wire/schemas';
export { isImageMime, sniffMime, type SniffedMime } from './sniff';
