// Sending one request with undici: connect and response timeouts, an optional proxy, a cap on
// the response size, no redirects and no retry. A failure says whether the request can have
// reached the server: after it was sent, the order may have been placed.
// No vscode import: the tests send through it to the sandbox on loopback.
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { isLoopbackHost } from '../../../common/src/protocol/endpoint';
import type {
  HttpRequestSpec,
  HttpResponseData,
  SendOutcome,
  TransportFailure,
} from '../../../common/src/protocol/types';

export interface SendOptions {
  connectTimeoutMs: number;
  /** Waiting for the headers, and between chunks of the body. */
  responseTimeoutMs: number;
  /**
   * The whole answer, from sending to the body's end: a server dripping a byte now and then never
   * trips `responseTimeoutMs`. Unset: no overall deadline.
   */
  totalTimeoutMs?: number;
  maxResponseBytes: number;
  /** `http.proxy`; loopback hosts and `http.noProxy` hosts are reached directly. */
  proxy?: { url: string; strictSSL: boolean; noProxy?: readonly string[] };
}

export type Send = (req: HttpRequestSpec) => Promise<SendOutcome>;

/** The failure's code when `totalTimeoutMs` ran out. */
export const TOTAL_TIMEOUT_CODE = 'CERT_ORDER_TOTAL_TIMEOUT';

/** Errors raised before a byte of the request can have reached the server. */
const NOT_SENT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return 'UNKNOWN';
}

function errorMessage(err: unknown): string {
  const e = err as { message?: unknown; cause?: { message?: unknown } } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const cause = typeof e?.cause?.message === 'string' ? ` (${e.cause.message})` : '';
  return message + cause;
}

/**
 * undici's error when the proxy refuses the CONNECT (407, 403, 502...): the tunnel to the CA was
 * never opened, so nothing reached it. Matched on the message; should undici reword it, the
 * failure falls back to the cautious "may have been placed".
 */
const PROXY_REFUSED = /^Proxy response \(\d+\) !== 200 when HTTP Tunneling/;

/** Classifies a transport error: `not-sent` only when it certainly never reached the server. */
export function classifyFailure(err: unknown, phase: 'request' | 'body'): TransportFailure {
  const code = errorCode(err);
  const message = errorMessage(err);
  if (phase === 'request' && NOT_SENT_CODES.has(code)) return { kind: 'not-sent', code, message };
  if (phase === 'request' && PROXY_REFUSED.test(message))
    return { kind: 'not-sent', code, message: `The proxy (http.proxy) refused the connection: ${message}` };
  if (TIMEOUT_CODES.has(code))
    return { kind: 'maybe-sent', code, message: `Timed out waiting for the answer: ${message}` };
  return { kind: 'maybe-sent', code, message };
}

function bypassesProxy(url: URL, noProxy: readonly string[] = []): boolean {
  if (isLoopbackHost(url.hostname)) return true;
  const host = url.hostname.toLowerCase();
  return noProxy.some((entry) => {
    const e = entry
      .trim()
      .toLowerCase()
      .replace(/^\*?\./, '');
    return e !== '' && (host === e || host.endsWith(`.${e}`));
  });
}

function dispatcherFor(url: URL, options: SendOptions): Dispatcher {
  const timeouts = { headersTimeout: options.responseTimeoutMs, bodyTimeout: options.responseTimeoutMs };
  if (options.proxy && options.proxy.url !== '' && !bypassesProxy(url, options.proxy.noProxy)) {
    const tls = { timeout: options.connectTimeoutMs, rejectUnauthorized: options.proxy.strictSSL };
    return new ProxyAgent({ uri: options.proxy.url, requestTls: tls, proxyTls: tls, ...timeouts });
  }
  return new Agent({ connect: { timeout: options.connectTimeoutMs }, ...timeouts });
}

function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Sends with a fresh dispatcher each time (no connection reuse between orders), never retrying. */
export function createSender(options: SendOptions): Send {
  return async (req) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch (err) {
      return {
        kind: 'failure',
        failure: { kind: 'not-sent', code: 'ERR_INVALID_URL', message: errorMessage(err) },
      };
    }
    let dispatcher: Dispatcher;
    try {
      dispatcher = dispatcherFor(url, options);
    } catch (err) {
      // A proxy setting undici cannot use (no scheme, not a URL): nothing left. The message is
      // undici's, which does not repeat the URL (it may hold proxy credentials).
      return {
        kind: 'failure',
        failure: {
          kind: 'not-sent',
          code: errorCode(err),
          message: `http.proxy cannot be used: ${errorMessage(err)}`,
        },
      };
    }
    // The overall deadline aborts the request or its body. Once the request may have left, that is
    // "may have been placed", like the other timeouts after sending.
    const total = options.totalTimeoutMs;
    const deadline = new AbortController();
    const timer = total !== undefined && total > 0 ? setTimeout(() => deadline.abort(), total) : undefined;
    const failed = (err: unknown, phase: 'request' | 'body'): TransportFailure =>
      deadline.signal.aborted
        ? {
            kind: 'maybe-sent',
            code: TOTAL_TIMEOUT_CODE,
            message: `Timed out: the whole answer did not arrive within ${total} ms (certOrder.http.totalTimeoutMs)`,
          }
        : classifyFailure(err, phase);
    try {
      let res: Dispatcher.ResponseData;
      try {
        // undici's request() follows no redirects: a 3xx comes back as an unexpected response.
        res = await request(url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          dispatcher,
          signal: deadline.signal,
        });
      } catch (err) {
        return { kind: 'failure', failure: failed(err, 'request') };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const status = res.statusCode;
      const headers = headerRecord(res.headers);
      try {
        for await (const chunk of res.body) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
          if (size + buf.length > options.maxResponseBytes) {
            chunks.push(buf.subarray(0, options.maxResponseBytes - size));
            size = options.maxResponseBytes;
            truncated = true;
            break;
          }
          chunks.push(buf);
          size += buf.length;
        }
      } catch (err) {
        const failure = failed(err, 'body');
        const partial: HttpResponseData = {
          status,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
          truncated: true,
        };
        return { kind: 'failure', failure: { ...failure, partial } };
      }
      if (truncated) res.body.destroy();
      const response: HttpResponseData = { status, headers, body: Buffer.concat(chunks).toString('utf8') };
      if (truncated) response.truncated = true;
      return { kind: 'response', response };
    } finally {
      clearTimeout(timer);
      dispatcher.destroy().catch(() => undefined);
    }
  };
}
