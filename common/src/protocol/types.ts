// Types shared by the request builders, the response parsers, the history and the panel.
// Pure data: nothing here touches vscode, the network or the disk.

/** Where an order is sent. */
export type Environment = 'demo' | 'production';

/** An HTTP request as the builders make it and the sender sends it. */
export interface HttpRequestSpec {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** A built request and its copy with every secret masked (what is logged, stored and shown). */
export interface BuiltRequest extends HttpRequestSpec {
  redacted: HttpRequestSpec;
}

/** What came back over HTTP, before it is interpreted. */
export interface HttpResponseData {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The body was cut at the size cap (`certOrder.http.maxResponseBytes`). */
  truncated?: boolean;
}

/** One labelled value of a parsed response, shown in the panel. */
export interface ParsedField {
  /** The vendor's name (`SSL2BuyOrderNumber`) or the document's line (`orderNumber`). */
  name: string;
  label: string;
  value: string;
  /** The documented meaning of a coded value (a status code, a delivery time). */
  meaning?: string;
  /** Worth a copy button: order numbers and validation values. */
  copy?: boolean;
}

/** An error that names a field of the order (SSL2Buy `ErrorField`; Comodo -3/-4 `'xxxx'`). */
export interface FieldError {
  /** The field as the vendor named it, e.g. `csr`, `PACOrderInfo.FirstName`, `FirstName`. */
  field: string;
  message: string;
}

/** Hash values the CA returned for hash-based domain validation (SSL2Buy MD5/SHA1/UniqueValue). */
export interface ReturnedHashes {
  md5?: string;
  sha1?: string;
  uniqueValue?: string;
  domainName?: string;
}

interface ParsedBase {
  /** Every documented field found, labelled, in the document's order. */
  fields: ParsedField[];
}

export interface ParsedSuccess extends ParsedBase {
  kind: 'success';
  statusCode: number;
  statusMeaning: string;
  /** The order number to quote (Comodo line 2; SSL2Buy `SSL2BuyOrderNumber`). */
  orderNumber?: string;
  hashes?: ReturnedHashes;
}

export interface ParsedError extends ParsedBase {
  kind: 'error';
  statusCode: number;
  statusMeaning: string;
  message: string;
  fieldError?: FieldError;
}

/** Not a documented response: shown with its raw body, not forced into fields. */
export interface ParsedUnexpected {
  kind: 'unexpected';
  reason: string;
}

export type ParsedResponse = ParsedSuccess | ParsedError | ParsedUnexpected;

/** How sending failed when no (complete) response came back. */
export interface TransportFailure {
  /**
   * `not-sent`: the request never left (connection refused, DNS, TLS, connect timeout);
   * `maybe-sent`: the request was sent and the answer was lost (timeout, reset): the order may
   * have been placed.
   */
  kind: 'not-sent' | 'maybe-sent';
  code: string;
  message: string;
  /** What had arrived when the connection broke (status, headers, part of the body). */
  partial?: HttpResponseData;
}

export type SendOutcome =
  { kind: 'response'; response: HttpResponseData } | { kind: 'failure'; failure: TransportFailure };
