/** Errors cross the process boundary as data: a stable code, a message fit for an officer, field messages. */
export interface IpcError {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
