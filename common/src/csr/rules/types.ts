// The shape of a CSR rule and of what it finds. One rule, one place: each rule is a small function
// with a stable code (the diagnostic's `code`), the status code the CA would answer, and a test
// that triggers it and one that does not (test/unit/csr/rules.*.test.ts).
import { comodoAutoApplySsl, statusMeaning } from '../../catalogue';
import type { CsrAnalysis } from '../analyse';
import type { DecodedCsr, SubjectAttribute } from '../types';

export type CsrApi = 'comodo-autoapplyssl' | 'ssl2buy-sectigo-pac-enterprise';

/** `csr.keyPolicy`: today's CA practice, or the Comodo document v1.11 as written. */
export type CsrPolicy = 'current' | 'document';

export type CsrSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface CsrCheckContext {
  api: CsrApi;
  /** The order's `product` integers, base product and add-ons (Comodo). Unknown: product rules skip. */
  products?: readonly number[];
  /** Default `current`. */
  policy?: CsrPolicy;
  /** The order's other arguments by name (Comodo names are case-insensitive). Unknown: order-field rules skip. */
  orderFields?: Readonly<Record<string, string>>;
  /** The order's prioritiseCSRValues; the document's default is Y. */
  prioritiseCSRValues?: string;
}

export interface CsrFinding {
  /** Stable rule code, e.g. `csr-not-base64`. */
  code: string;
  /** The Comodo status code the rule stands for, when the CA is Comodo and the document gives one. */
  statusCode?: number;
  severity: CsrSeverity;
  /** What is wrong, what is allowed, and the vendor's rule. */
  message: string;
  /** The subject attribute concerned, so the caller can place or label the finding. */
  attribute?: { index: number; oid: string; shortName: string; value: string };
  /** The order argument concerned (prioritiseCSRValues and required-if-in-CSR rules). */
  orderField?: string;
  /** `orderField` is absent from the order, and adding it resolves the finding. */
  missingArgument?: boolean;
  /** Offset in the CSR text, for findings about the text itself (a bad base64 character). */
  offset?: number;
}

/** The context with its defaults applied. */
export interface RuleContext {
  api: CsrApi;
  products: readonly number[] | undefined;
  policy: CsrPolicy;
  orderFields: Readonly<Record<string, string>> | undefined;
  /** Non-empty order fields by lower-case name (Comodo names are case-insensitive). */
  orderFieldIndex: ReadonlyMap<string, { name: string; value: string }>;
  prioritiseCSRValues: 'Y' | 'N';
  /** TLS order with Comodo's document rules (not the S/MIME API). */
  comodo: boolean;
}

export interface CsrRule {
  code: string;
  /** The Comodo status code, when there is one. */
  statusCode?: number;
  /** Which APIs the rule applies to. */
  apis: readonly CsrApi[];
  /** One line for documentation and tests. */
  description: string;
}

/** A rule about the text or the DER, before there is a decoded CSR. */
export interface CsrInputRule extends CsrRule {
  check(analysis: CsrAnalysis, ctx: RuleContext): CsrFinding[];
}

/** A rule about a decoded CSR. */
export interface CsrContentRule extends CsrRule {
  check(csr: DecodedCsr, ctx: RuleContext): CsrFinding[];
}

export const BOTH_APIS: readonly CsrApi[] = ['comodo-autoapplyssl', 'ssl2buy-sectigo-pac-enterprise'];
export const COMODO_ONLY: readonly CsrApi[] = ['comodo-autoapplyssl'];

/**
 * ` Comodo would answer: "The CSR uses an unsupported key size!"`, to end a message with. The
 * status code itself leads the diagnostic (`findingText`), so the line starts with what matters.
 */
export function vendorSays(ctx: RuleContext, statusCode: number | undefined, field?: string): string {
  if (ctx.api !== 'comodo-autoapplyssl' || statusCode === undefined) return '';
  let meaning = statusMeaning(comodoAutoApplySsl, statusCode) ?? '';
  if (field) meaning = meaning.replace('xxxx', field);
  return ` Comodo would answer: "${meaning}"`;
}

/** A finding as a diagnostic's message: `-13: The key is RSA 1024-bit, too small. ...`. */
export function findingText(finding: CsrFinding): string {
  return finding.statusCode === undefined ? finding.message : `${finding.statusCode}: ${finding.message}`;
}

/** The status code to attach: Comodo's codes only mean something for a Comodo order. */
export function statusFor(ctx: RuleContext, statusCode: number | undefined): number | undefined {
  return ctx.api === 'comodo-autoapplyssl' ? statusCode : undefined;
}

export function attributeRef(a: SubjectAttribute): NonNullable<CsrFinding['attribute']> {
  return { index: a.index, oid: a.oid, shortName: a.shortName, value: a.value };
}

/** A value quoted for a message: JSON-style, control characters escaped, long values cut. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
