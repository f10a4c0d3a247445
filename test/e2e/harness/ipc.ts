import { dispatch } from '../../../src/main/ipc/handle';
import type { RequestChannel } from '../../../src/shared/ipc/channels';
import type { Input, Output } from '../../../src/shared/ipc/contract';
import type { Harness } from './server';

/** Calls a main-side handler directly (the seeding a test, bench or script does around the page). */
export async function ipc<C extends RequestChannel>(
  harness: Harness,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = await dispatch(harness.core.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Output<C>;
}
