/*
 * JSON has no bytes: a Uint8Array (document images, QR PNGs) travels as `{ "$bytes": "<base64>" }`,
 * both ways. The bridge (bridge.ts) has the browser half of the same rules.
 */

export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encodeBytes(item);
    return out;
  }
  return value;
}

export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const only = entries.length === 1 ? entries[0] : undefined;
    if (only && only[0] === '$bytes' && typeof only[1] === 'string')
      return new Uint8Array(Buffer.from(only[1], 'base64'));
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) out[key] = decodeBytes(item);
    return out;
  }
  return value;
}
