/** JSON as stored in the cache: payloads are kept whole so fields Ondato adds later survive. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
