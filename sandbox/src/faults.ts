// Fault injection, per request: a header `X-Sandbox-Fault: delay=2000,status=500` or a path
// prefix `/__fault/delay=2000,status=500/products/!AutoApplySSL` (for clients that cannot set
// headers, such as the extension pointed at the sandbox through its endpoint settings).

export const FAULT_HEADER = 'x-sandbox-fault';
export const FAULT_PATH_PREFIX = '/__fault/';

export interface Faults {
  /** Wait this long before answering (a client timeout then loses the answer). */
  delayMs?: number;
  /** Answer with this HTTP status and an HTML error page. */
  httpStatus?: number;
  /** 200 with an HTML page (holding a script, to prove the panel escapes it). */
  html?: boolean;
  /** 200 with the right content type and a body that is not the documented format. */
  malformed?: boolean;
  /** 200 with the right content type and an empty body. */
  empty?: boolean;
  /** Close the connection without answering. */
  reset?: boolean;
  /** The documented answer cut in half, sent cleanly (Content-Length of the half). */
  truncate?: boolean;
  /** Headers and half the body, then the connection is destroyed. */
  partial?: boolean;
  /** Answer with this content type instead of the documented one. */
  contentType?: string;
  /** Answer with this documented status code (Comodo -15, 1, ...; SSL2Buy -1). */
  statusCode?: number;
  /** A status code the document does not have. */
  unknownStatus?: boolean;
  /** A body of this many bytes (for the response size cap). */
  bigBytes?: number;
}

export type FaultParse = { ok: true; faults: Faults } | { ok: false; error: string };

const int = (v: string | undefined): number | undefined =>
  v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;

/** `delay=2000,status=500` (also `|` or `;` between items). */
export function parseFaults(spec: string): FaultParse {
  const faults: Faults = {};
  for (const item of spec
    .split(/[,|;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [name, value] = item.split('=', 2).map((s) => s.trim());
    switch (name.toLowerCase()) {
      case 'delay':
        faults.delayMs = int(value);
        if (faults.delayMs === undefined || faults.delayMs < 0)
          return { ok: false, error: `bad delay: ${item}` };
        break;
      case 'status':
        faults.httpStatus = int(value);
        if (faults.httpStatus === undefined || faults.httpStatus < 100 || faults.httpStatus > 599)
          return { ok: false, error: `bad status: ${item}` };
        break;
      case 'code':
        faults.statusCode = int(value);
        if (faults.statusCode === undefined) return { ok: false, error: `bad code: ${item}` };
        break;
      case 'big':
        faults.bigBytes = int(value);
        if (faults.bigBytes === undefined || faults.bigBytes < 0)
          return { ok: false, error: `bad big: ${item}` };
        break;
      case 'content-type':
        if (!value) return { ok: false, error: `bad content-type: ${item}` };
        faults.contentType = decodeURIComponent(value);
        break;
      case 'html':
      case 'malformed':
      case 'empty':
      case 'reset':
      case 'truncate':
      case 'partial':
        faults[name.toLowerCase() as 'html'] = true;
        break;
      case 'unknown-status':
        faults.unknownStatus = true;
        break;
      default:
        return { ok: false, error: `unknown fault: ${item}` };
    }
  }
  return { ok: true, faults };
}

/** Splits `/__fault/<spec>/rest` into the spec and `/rest`. */
export function splitFaultPath(pathname: string): { spec?: string; path: string } {
  if (!pathname.startsWith(FAULT_PATH_PREFIX)) return { path: pathname };
  const rest = pathname.slice(FAULT_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return { spec: decodeURIComponent(rest), path: '/' };
  return { spec: decodeURIComponent(rest.slice(0, slash)), path: rest.slice(slash) };
}

export const HTML_ERROR_PAGE = (status: number): string =>
  `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1>` +
  `<p>The sandbox was asked to fail.</p><script>alert("not escaped")</script></body></html>\n`;
