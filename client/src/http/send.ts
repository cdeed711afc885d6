// Sending one request with undici: connect and response timeouts, an optional proxy, a cap on
// the response size, no redirects and no retry. A failure says whether the request can have
// reached the server: after it was sent, the order may have been placed.
// No vscode import: the tests send through it to the sandbox on loopback.
import { Agent, buildConnector, ProxyAgent, request, type Dispatcher } from 'undici';
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
  /**
   * Certificate authorities to trust instead of Node's bundled ones (PEM). Not a setting: the
   * tests' throwaway TLS servers on 127.0.0.1 are signed by one made at test time.
   */
  ca?: string | string[];
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

/**
 * TLS alerts a server sends only while the handshake is under way (RFC 8446 6.2, RFC 5246
 * 7.2.2): it had not accepted the connection, so nothing sent on it reached the HTTP server. In
 * TLS 1.3 the client's side of the handshake ends first and the request can be written before the
 * server's `certificate_required` arrives; that request was discarded with the connection.
 */
const HANDSHAKE_ALERT =
  /^ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_(HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_REVOKED|CERTIFICATE_EXPIRED|CERTIFICATE_UNKNOWN|ILLEGAL_PARAMETER|UNKNOWN_CA|ACCESS_DENIED|PROTOCOL_VERSION|INSUFFICIENT_SECURITY|INAPPROPRIATE_FALLBACK|MISSING_EXTENSION|UNSUPPORTED_EXTENSION|UNRECOGNIZED_NAME|NO_APPLICATION_PROTOCOL|CERTIFICATE_REQUIRED)$/;

/** What a handshake failure means, in words, by the code Node gives it. */
function handshakeWords(code: string): string {
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|WRONG_VERSION_NUMBER/.test(code))
    return 'the server and this extension have no TLS version in common';
  if (/CERTIFICATE_REQUIRED|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNKNOWN_CA|ACCESS_DENIED/.test(code))
    return 'the server requires a client certificate (or refused the connection)';
  if (/HANDSHAKE_FAILURE|INSUFFICIENT_SECURITY/.test(code))
    return 'the server refused the handshake (no cipher or setting in common)';
  if (/CERT|SELF_SIGNED|LEAF_SIGNATURE|ISSUER|ALTNAME/.test(code))
    return "the server's certificate is not valid for it or not trusted";
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return 'the connection was reset during the TLS handshake';
  return 'the TLS handshake did not complete';
}

/** How far the connection got: the request is written only once the connector called back. */
export interface ConnectionState {
  /** The TCP connection (and for https the client's side of the TLS handshake) completed. */
  connected: boolean;
  /** The first handshake alert the socket reported after that (TLS 1.3 client certificates). */
  lateAlert?: string;
  /** `https:`: the failure is described as a TLS handshake. */
  tls: boolean;
  /** `host:port`, for the message. */
  where: string;
}

/** Errors of the TCP connection itself (or of the request's own arguments), before any TLS. */
const NO_CONNECTION_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_INVALID_ARG',
]);

function notSentBeforeConnection(code: string, message: string, state: ConnectionState): TransportFailure {
  if (!state.tls || NO_CONNECTION_CODES.has(code))
    return {
      kind: 'not-sent',
      code,
      message: `Not sent: no connection to ${state.where}. Detail: ${message.trim()}`,
    };
  return {
    kind: 'not-sent',
    code,
    message: `Not sent: the TLS handshake with ${state.where} failed: ${handshakeWords(code)}, so the request never reached the server. Detail: ${code}: ${message.trim()}`,
  };
}

/**
 * Classifies a transport error: `not-sent` only when it certainly never reached the server.
 * `state` (the direct connection's progress) makes that exact; without it (through a proxy) the
 * error's code decides.
 */
export function classifyFailure(
  err: unknown,
  phase: 'request' | 'body',
  state?: ConnectionState,
): TransportFailure {
  const code = errorCode(err);
  const message = errorMessage(err);
  if (phase === 'request' && state && !state.connected) return notSentBeforeConnection(code, message, state);
  if (phase === 'request' && state?.lateAlert !== undefined)
    return notSentBeforeConnection(state.lateAlert, `${message} after the alert ${state.lateAlert}`, state);
  if (
    phase === 'request' &&
    (HANDSHAKE_ALERT.test(code) || (/^ERR_SSL_/.test(code) && NOT_SENT_CODES.has(code)))
  )
    return {
      kind: 'not-sent',
      code,
      message: `Not sent: the TLS handshake failed: ${handshakeWords(code)}, so the request never reached the server. Detail: ${code}: ${message.trim()}`,
    };
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

function dispatcherFor(url: URL, options: SendOptions, state: ConnectionState): Dispatcher {
  const timeouts = { headersTimeout: options.responseTimeoutMs, bodyTimeout: options.responseTimeoutMs };
  const ca = options.ca !== undefined ? { ca: options.ca } : {};
  if (options.proxy && options.proxy.url !== '' && !bypassesProxy(url, options.proxy.noProxy)) {
    const tls = { timeout: options.connectTimeoutMs, rejectUnauthorized: options.proxy.strictSSL };
    return new ProxyAgent({
      uri: options.proxy.url,
      requestTls: { ...tls, ...ca },
      proxyTls: tls,
      ...timeouts,
    });
  }
  // The connector calls back once the connection (and TLS handshake) is up; undici writes the
  // request only after that, so an error before it means nothing was sent.
  const connector = buildConnector({ timeout: options.connectTimeoutMs, ...ca });
  const connect: buildConnector.connector = (opts, callback) =>
    connector(opts, (...args) => {
      const socket = args[1];
      if (socket) {
        state.connected = true;
        socket.on('error', (err: unknown) => {
          const code = errorCode(err);
          if (state.lateAlert === undefined && HANDSHAKE_ALERT.test(code)) state.lateAlert = code;
        });
      }
      callback(...args);
    });
  return new Agent({ connect, ...timeouts });
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
    const state: ConnectionState = {
      connected: false,
      tls: url.protocol === 'https:',
      where: url.host,
    };
    let dispatcher: Dispatcher;
    try {
      dispatcher = dispatcherFor(url, options, state);
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
    const direct = dispatcher instanceof Agent;
    const failed = (err: unknown, phase: 'request' | 'body'): TransportFailure => {
      if (!deadline.signal.aborted) return classifyFailure(err, phase, direct ? state : undefined);
      if (direct && !state.connected)
        return {
          kind: 'not-sent',
          code: TOTAL_TIMEOUT_CODE,
          message: `Not sent: no connection to ${state.where} within ${total} ms (certOrder.http.totalTimeoutMs)`,
        };
      return {
        kind: 'maybe-sent',
        code: TOTAL_TIMEOUT_CODE,
        message: `Timed out: the whole answer did not arrive within ${total} ms (certOrder.http.totalTimeoutMs)`,
      };
    };
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
