// Throwaway TLS servers on 127.0.0.1 that fail the handshake on purpose, with a certificate made
// by openssl at test time (its own CA: the sender is told to trust only it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';

export interface TestCertificate {
  key: string;
  cert: string;
}

/** A self-signed P-256 certificate for IP 127.0.0.1, valid for a day. */
export function makeCertificate(): TestCertificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-order-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Listening {
  url: string;
  /** Bytes of application data the server's TLS layer handed up (the request, if it got through). */
  received: () => number;
  close(): Promise<void>;
}

export async function listen(server: net.Server, received: () => number = () => 0): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/products/!AutoApplySSL`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that answers the ClientHello with one fatal TLS alert (RFC 8446 6: level 2). */
export function alertServer(description: number): net.Server {
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, description])));
  });
}

/** Reads the ClientHello, then resets the connection (RST) in the middle of the handshake. */
export function resetDuringHandshake(): net.Server {
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.resetAndDestroy());
  });
}

/** A real TLS server; counts the application bytes it receives and answers `answer` to them. */
export function tlsServer(
  certificate: TestCertificate,
  options: tls.TlsOptions,
  answer?: (socket: tls.TLSSocket) => void,
): { server: tls.Server; received: () => number } {
  let bytes = 0;
  const server = tls.createServer({ ...certificate, ...options }, (socket) => {
    socket.on('error', () => undefined);
    socket.on('data', (d: Buffer) => {
      bytes += d.length;
      answer?.(socket);
    });
  });
  server.on('tlsClientError', () => undefined);
  return { server, received: () => bytes };
}
