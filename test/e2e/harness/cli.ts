import { parseArgs } from 'node:util';
import { startHarness } from './server';

// `npm run harness -- [--port N] [--data-dir DIR]`: the built renderer over HTTP with the real core.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError('--port must be 0-65535');
  const harness = await startHarness({
    port,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  });
  process.stdout.write(`KYC Desk harness (127.0.0.1 only). Open:\n  ${harness.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await harness.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`harness: ${error instanceof Error ? error.message : 'failed to start'}\n`);
  process.exit(1);
});
