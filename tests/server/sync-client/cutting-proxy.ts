// A TCP proxy in front of the server that can cut a connection in the middle of a request
// or a response: the client sees a real broken socket, not a mocked error.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Cut = {
  /** Which request to cut, matched against its request line ("GET /api/v1/sync/pull?…"). */
  match: RegExp;
  /** Cut the server's answer, or the client's request body. */
  direction: 'response' | 'request';
  /** Bytes let through before the cut. */
  afterBytes: number;
};

export type CuttingProxy = {
  baseUrl: string;
  /** Arms one cut (the next matching request). */
  cutNext: (cut: Cut) => void;
  cuts: () => number;
  close: () => Promise<void>;
};

const requestLine = /^(GET|POST|PUT|HEAD|DELETE) \S+ HTTP\/1\.1/;

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let armed: Cut | null = null;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let line = '';
    let passed = 0;
    const cut = (target: Socket, data: Buffer): void => {
      const rest = Math.max(0, (armed?.afterBytes ?? 0) - passed);
      armed = null;
      cuts += 1;
      target.write(data.subarray(0, rest), () => {
        client.destroy();
        upstream.destroy();
      });
    };
    const due = (direction: Cut['direction'], data: Buffer): boolean =>
      armed !== null &&
      armed.direction === direction &&
      armed.match.test(line) &&
      passed + data.length > armed.afterBytes;
    client.on('data', (data: Buffer) => {
      const text = data.subarray(0, 200).toString('latin1');
      if (requestLine.test(text)) {
        line = text.split('\r\n', 1)[0] ?? '';
        passed = 0;
      }
      if (due('request', data)) return cut(upstream, data);
      if (armed?.direction === 'request') passed += data.length;
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      if (due('response', data)) return cut(client, data);
      if (armed?.direction === 'response') passed += data.length;
      client.write(data);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cutNext: (cut) => {
      armed = cut;
    },
    cuts: () => cuts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
