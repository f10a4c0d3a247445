import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A loopback proxy in front of the simulator that lets a test play a hostile Ondato: it forwards every
 * request unchanged, except that the KYC identification's JSON goes through `kyc` (which returns the raw
 * text to send, so it can be anything: 5,000 files, nesting 100,000 deep, a field of megabytes). File
 * ids the test invents can be aliased to a real file so their downloads succeed.
 */

export type KycTransform = (kyc: Record<string, unknown>) => string;

export interface HostileProxy {
  url: string;
  /** The simulator's URL; may be set after the proxy started. */
  upstream: string;
  kyc: KycTransform | null;
  /** Invented file id → the real one the simulator serves. */
  aliases: Map<string, string>;
  /** Files requested through the proxy (by the id asked for). */
  fileRequests: string[];
  stop(): Promise<void>;
}

const KYC_GET = /^\/v1\/identifications\/([^/?]+)$/;
const KYC_FILE = /^\/v1\/identifications\/([^/?]+)\/files\/([^/?]+)$/;

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startHostileProxy(upstream = ''): Promise<HostileProxy> {
  const proxy: HostileProxy = {
    url: '',
    upstream,
    kyc: null,
    aliases: new Map(),
    fileRequests: [],
    stop: () => Promise.resolve(),
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let path = req.url ?? '/';
    const file = KYC_FILE.exec(path);
    if (file) {
      const asked = decodeURIComponent(file[2] ?? '');
      proxy.fileRequests.push(asked);
      const real = proxy.aliases.get(asked);
      if (real !== undefined) path = `/v1/identifications/${file[1] ?? ''}/files/${encodeURIComponent(real)}`;
    }
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept', 'return-total-count']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await bodyOf(req);
    const upstreamResponse = await fetch(`${proxy.upstream}${path}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body ? { body } : {}),
      redirect: 'manual',
    });
    const bytes = Buffer.from(await upstreamResponse.arrayBuffer());
    const contentType = upstreamResponse.headers.get('content-type') ?? 'application/octet-stream';
    if (req.method === 'GET' && KYC_GET.test(path) && upstreamResponse.ok && proxy.kyc) {
      const text = proxy.kyc(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text);
      return;
    }
    res.writeHead(upstreamResponse.status, { 'content-type': contentType });
    res.end(bytes);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 502;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** The KYC's first document file id (the real one every invented id can alias). */
export function firstFileId(kyc: Record<string, unknown>): string {
  const document = kyc['document'] as { files?: { fileId: string }[] } | undefined;
  const id = document?.files?.[0]?.fileId;
  if (id === undefined) throw new Error('the KYC has no document file yet');
  return id;
}
