// Request builders: an order (its CSR already read), the credentials and the endpoint in, the
// HTTP request out, with its masked copy. The catalogue says which fields are credentials and
// how the API is encoded; nothing here knows a field name of its own.
import { CSR_FILE_PREFIX, type ApiCatalogue } from '../catalogue';
import type { ResolvedEndpoint } from './endpoint';
import { credentialField, csrReference, fieldsWithoutCredentials, type Order } from './order';
import { MASK, redactDeep } from './redact';
import type { BuiltRequest, HttpRequestSpec } from './types';

export interface Credentials {
  /** Comodo `loginName`, SSL2Buy `PartnerEmail`. */
  user: string;
  /** Comodo `loginPassword`, SSL2Buy `ApiKey`. */
  secret: string;
}

export interface BuildInput {
  /** The order with its CSR field holding the CSR text (a `file:` reference already read). */
  order: Order;
  credentials: Credentials;
  endpoint: ResolvedEndpoint;
  /** `User-Agent` header. */
  userAgent?: string;
}

export class OrderBuildError extends Error {}

const DEFAULT_USER_AGENT = 'cert-order-tools';

function checkCsrResolved(order: Order): void {
  const ref = csrReference(order);
  if (ref?.inline?.startsWith(CSR_FILE_PREFIX) || ref?.file !== undefined)
    throw new OrderBuildError('The CSR file reference has not been read.');
}

/** Comodo's arguments are flat: strings and integers. */
function formValue(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new OrderBuildError(`"${key}" must be a string or a number to be sent as a form argument.`);
}

/**
 * The catalogue's test-flag field (Comodo document 1.05: `test` = Y, "the account will not be
 * charged and the order will be processed as a test order").
 */
function testFlagName(api: ApiCatalogue): string {
  const field = api.fields.find((f) => f.testFlag);
  if (!field)
    throw new Error(`The catalogue of ${api.id} reaches its demo by a test flag but has no testFlag field.`);
  return field.name;
}

/** The keys of the order that spell the test flag (names are case-insensitive: `test`, `Test`). */
function testFlagKeys(order: Order): string[] {
  if (order.api.endpoints.demoMode !== 'testFlag') return [];
  const name = testFlagName(order.api).toLowerCase();
  return Object.keys(order.fields).filter((k) => k.toLowerCase() === name);
}

/**
 * The command decides the environment, never the file: a production submission of an order that
 * says `test=Y` would be an uncharged test order while the user confirmed a charged one, so it is
 * refused (demo always sends `test=Y`, whatever the order says).
 */
export function testFlagProblem(order: Order, endpoint: ResolvedEndpoint): string | undefined {
  if (endpoint.environment !== 'production') return undefined;
  const on = testFlagKeys(order).find((k) => {
    const v = order.fields[k];
    return typeof v === 'string' && v.trim().toUpperCase() === 'Y';
  });
  if (on === undefined) return undefined;
  return (
    `The order says "${on}": "Y": ${order.api.title} would process it as a test order and charge nothing, ` +
    `so it would not be a production order. Remove "${on}" to place a real order, or use Submit Order to Demo.`
  );
}

/** Comodo !AutoApplySSL: an `application/x-www-form-urlencoded` POST (never GET: status -17). */
export function buildAutoApplyRequest(input: BuildInput): BuiltRequest {
  const { order, credentials, endpoint } = input;
  const api = order.api;
  checkCsrResolved(order);
  const testProblem = testFlagProblem(order, endpoint);
  if (testProblem) throw new OrderBuildError(testProblem);
  const build = (secret: string): HttpRequestSpec => {
    const params = new URLSearchParams();
    params.append(credentialField(api, 'user').name, credentials.user);
    params.append(credentialField(api, 'secret').name, secret);
    const fields = fieldsWithoutCredentials(order);
    // On demo every spelling of the flag in the order gives way to one `test=Y`.
    const testKeys = endpoint.testFlag ? testFlagKeys(order) : [];
    for (const [key, value] of Object.entries(fields))
      if (!testKeys.includes(key)) params.append(key, formValue(key, value));
    if (endpoint.testFlag) params.append(testKeys[0] ?? testFlagName(api), 'Y');
    return {
      url: endpoint.url,
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/plain',
        'user-agent': input.userAgent ?? DEFAULT_USER_AGENT,
      },
      body: params.toString(),
    };
  };
  return withRedacted(build(credentials.secret), build(MASK), credentials.secret);
}

/** SSL2Buy full order: a JSON POST whose body is the order's fields plus PartnerEmail and ApiKey. */
export function buildSsl2BuyRequest(input: BuildInput): BuiltRequest {
  const { order, credentials, endpoint } = input;
  const api = order.api;
  checkCsrResolved(order);
  const build = (secret: string): HttpRequestSpec => ({
    url: endpoint.url,
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'user-agent': input.userAgent ?? DEFAULT_USER_AGENT,
    },
    body: JSON.stringify({
      [credentialField(api, 'user').name]: credentials.user,
      [credentialField(api, 'secret').name]: secret,
      ...fieldsWithoutCredentials(order),
    }),
  });
  return withRedacted(build(credentials.secret), build(MASK), credentials.secret);
}

function withRedacted(real: HttpRequestSpec, masked: HttpRequestSpec, secret: string): BuiltRequest {
  return { ...real, redacted: redactDeep(masked, [secret]) };
}

/** The builder for an API, by its catalogue's encoding. */
export function buildRequest(input: BuildInput): BuiltRequest {
  return requestBuilder(input.order.api)(input);
}

export function requestBuilder(api: ApiCatalogue): (input: BuildInput) => BuiltRequest {
  if (api.endpoints.encoding === 'form') return buildAutoApplyRequest;
  return buildSsl2BuyRequest;
}
