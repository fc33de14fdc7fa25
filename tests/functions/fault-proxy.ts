import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  endpoint: string;
  /** answer matching requests with `fault` (503 SlowDown unless set) instead of forwarding them */
  failWhen: ((req: IncomingMessage) => boolean) | null;
  fault: { status: number; code: string; message: string };
  /** how many requests were refused */
  refused: number;
  stop(): Promise<void>;
}

/** A loopback HTTP proxy in front of a local S3 that can refuse chosen requests, like S3 under load. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const proxy: FaultProxy = {
    endpoint: '',
    failWhen: null,
    fault: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
    refused: 0,
    stop: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    if (proxy.failWhen?.(req)) {
      proxy.refused += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(proxy.fault.status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${proxy.fault.code}</Code><Message>${proxy.fault.message}</Message></Error>`,
        );
      });
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
