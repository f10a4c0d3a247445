import { z } from 'zod';
import type { RequestChannel } from './channels';

export interface AppInfo {
  name: string;
  version: string;
  versions: Record<string, string>;
}

/** What each request channel returns. */
export interface Outputs {
  'app:info': AppInfo;
}

/** What each request channel accepts; main parses every call with these before a handler runs. */
export const inputs = {
  'app:info': z.undefined(),
} satisfies Record<RequestChannel, z.ZodType>;

export type Input<C extends RequestChannel> = z.infer<(typeof inputs)[C]>;
export type Output<C extends RequestChannel> = Outputs[C];
