// The sandbox's HTTP server: every order API of the registry at the path of its real URL,
// answered in its wire format (the catalogue's `endpoints.encoding`), with fault injection per
// request. Plain http on loopback by default: the extension allows http only for loopback
// addresses.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { catalogues, type ApiCatalogue, type EndpointSpec } from '../../common/src/catalogue';
import type { SandboxAnswer, SandboxRequest } from './answer';
import { answerAutoApply, type AnswerOptions } from './comodo';
import type { CsrPolicy } from './csr';
import { FAULT_HEADER, HTML_ERROR_PAGE, parseFaults, splitFaultPath, type Faults } from './faults';
import { answerJsonOrder } from './jsonOrder';

export const DEFAULT_SANDBOX_PORT = 8790;
const MAX_REQUEST_BYTES = 1024 * 1024;

/** How the sandbox answers the APIs of one wire format. */
interface WireFormat {
  answer: (api: ApiCatalogue, req: SandboxRequest, options: AnswerOptions) => SandboxAnswer;
  /** The body of the `malformed` fault. */
  malformed: (api: ApiCatalogue) => string;
  /** The body of the `unknown-status` fault. */
  unknownStatus: string;
}

const WIRE_FORMATS: Record<EndpointSpec['encoding'], WireFormat> = {
  form: {
    answer: answerAutoApply,
    malformed: () => 'OK\nThe sandbox was asked for a body that is not the documented format.\n',
    unknownStatus: '99\nA status code the document does not have.\n',
  },
  json: {
    answer: answerJsonOrder,
    malformed: (api) =>
      `{"StatusCode": 0, "${api.responseFields.find((f) => f.orderNumber)?.name ?? 'OrderNumber'}": 12`,
    unknownStatus: '{"StatusCode": 7, "APIError": null}',
  },
};

interface Route {
  api: ApiCatalogue;
  format: WireFormat;
}

/** The registry's APIs, read at each request: one registered by a test is served too. */
function routes(): Route[] {
  return catalogues.map((api) => ({ api, format: WIRE_FORMATS[api.endpoints.encoding] }));
}

/** The path of an API's production URL: the sandbox serves each API at the real path. */
export function routePath(api: ApiCatalogue): string {
  return decodeURIComponent(new URL(api.endpoints.production).pathname);
}

export interface SandboxOptions {
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** One line per request (method, path, status, faults); never a body. */
  log?: (line: string) => void;
  /** CSR key and signature rules: `current` (default, today's practice) or `document` (Comodo v1.11). */
  csrPolicy?: CsrPolicy;
}

export interface RunningSandbox {
  host: string;
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The URL of each API in the sandbox, by API id. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
    });
    req.on('end', () =>
      resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function help(origin: string): string {
  return [
    'Certificate Orders sandbox: the order APIs, for trying the extension without an account.',
    ...routes().map((r) => `  POST ${origin}${encodeURI(routePath(r.api))}  (${r.api.title})`),
    'Fault injection: header "X-Sandbox-Fault: delay=2000,status=500" or the path prefix /__fault/<faults>/.',
    'Faults: delay=MS status=HTTP html malformed empty reset truncate partial content-type=TYPE code=N unknown-status big=BYTES',
    '',
  ].join('\n');
}

/** Applies the body-changing faults to the documented answer. */
function faulted(answer: SandboxAnswer, faults: Faults, route: Route): SandboxAnswer {
  let out = { ...answer };
  if (faults.httpStatus !== undefined)
    out = {
      status: faults.httpStatus,
      contentType: 'text/html; charset=utf-8',
      body: HTML_ERROR_PAGE(faults.httpStatus),
    };
  if (faults.html) out = { status: 200, contentType: 'text/html; charset=utf-8', body: HTML_ERROR_PAGE(200) };
  if (faults.malformed) out = { ...out, body: route.format.malformed(route.api) };
  if (faults.unknownStatus) out = { ...out, body: route.format.unknownStatus };
  if (faults.empty) out = { ...out, body: '' };
  if (faults.bigBytes !== undefined) out = { ...out, body: 'A'.repeat(faults.bigBytes) };
  if (faults.contentType !== undefined) out = { ...out, contentType: faults.contentType };
  if (faults.truncate) out = { ...out, body: out.body.slice(0, Math.floor(out.body.length / 2)) };
  return out;
}

export function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let origin = '';

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const { spec: pathSpec, path } = splitFaultPath(url.pathname);
    const specs = [pathSpec, req.headers[FAULT_HEADER]]
      .flat()
      .filter((s): s is string => typeof s === 'string');
    const parsed = parseFaults(specs.join(','));
    const finish = (status: number, contentType: string, body: string, note = ''): void => {
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      log(`${req.method} ${url.pathname} -> ${status}${note}`);
    };
    if (!parsed.ok) return finish(400, 'text/plain; charset=utf-8', `Bad X-Sandbox-Fault: ${parsed.error}\n`);
    const faults = parsed.faults;
    const faultNote = specs.length > 0 ? ` [${specs.join(',')}]` : '';
    const body = await readBody(req);
    if (faults.delayMs) await wait(faults.delayMs);
    if (res.destroyed || req.socket.destroyed) return;
    if (faults.reset) {
      log(`${req.method} ${url.pathname} -> reset${faultNote}`);
      req.socket.destroy();
      return;
    }
    let decodedPath = path;
    try {
      decodedPath = decodeURIComponent(path);
    } catch {
      // keep it as sent
    }
    const route = routes().find((r) => routePath(r.api) === decodedPath);
    if (!route) {
      if (decodedPath === '/') return finish(200, 'text/plain; charset=utf-8', help(origin));
      return finish(404, 'text/plain; charset=utf-8', `Not found: ${decodedPath}\n\n${help(origin)}`);
    }
    if (body === undefined) return finish(413, 'text/plain; charset=utf-8', 'Request too large.\n');
    const request: SandboxRequest = {
      method: req.method ?? 'GET',
      contentType: req.headers['content-type'] ?? '',
      body,
    };
    const answer = faulted(
      route.format.answer(route.api, request, {
        statusCode: faults.statusCode,
        csrPolicy: options.csrPolicy ?? 'current',
      }),
      faults,
      route,
    );
    if (faults.partial) {
      // Announce the whole body, send half, and break the connection.
      const bytes = Buffer.from(answer.body.length > 1 ? answer.body : 'partial body');
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': bytes.length });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
        log(`${req.method} ${url.pathname} -> ${answer.status} (partial, then reset)${faultNote}`);
        setImmediate(() => req.socket.destroy());
      });
      return;
    }
    finish(answer.status, answer.contentType, answer.body, faultNote);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`${req.method} ${req.url} -> 500 (${err instanceof Error ? err.message : String(err)})`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Sandbox error.\n');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SANDBOX_PORT, host, () => {
      const port = (server.address() as AddressInfo).port;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      const urls = Object.fromEntries(routes().map((r) => [r.api.id, origin + encodeURI(routePath(r.api))]));
      resolve({
        host,
        port,
        origin,
        urls,
        close: () =>
          new Promise<void>((done) => {
            for (const t of timers) clearTimeout(t);
            timers.clear();
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
