// The shape of a CSR rule and of what it finds. One rule, one place: each rule is a small function
// with a stable code (the diagnostic's `code`), the status code the CA would answer, and a test
// that triggers it and one that does not (test/unit/csr/rules.*.test.ts).
import { statusMeaning, vendorName, type ApiCatalogue } from '../../catalogue';
import type { CsrAnalysis } from '../analyse';
import type { DecodedCsr, SubjectAttribute } from '../types';

/** An order API's id (`$api`): its catalogue's `csrRules` say which rules apply and how. */
export type CsrApi = string;

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
  /** The API's catalogue; undefined for an id no catalogue has (then no rule applies). */
  catalogue: ApiCatalogue | undefined;
  /** The codes of the rules that apply (the catalogue's `csrRules.codes`). */
  rules: ReadonlySet<string>;
  /** The rules' status codes are the API's own (`csrRules.quoteStatusCodes`). */
  quoteStatusCodes: boolean;
  /** `csr.keyPolicy: "document"` means this API's document (`csrRules.documentKeyPolicy`). */
  documentKeyPolicy: boolean;
}

export interface CsrRule {
  code: string;
  /** The Comodo status code, when there is one. */
  statusCode?: number;
  /** One line for documentation and tests. */
  description: string;
  /**
   * The rule reads the order (its products or other fields), not only the API and the key policy.
   * The others' findings are kept per CSR and reused for every order (CsrCache), so a rule that
   * starts reading the order must say so here.
   */
  readsOrder?: true;
}

/** A rule about the text or the DER, before there is a decoded CSR. */
export interface CsrInputRule extends CsrRule {
  check(analysis: CsrAnalysis, ctx: RuleContext): CsrFinding[];
}

/** A rule about a decoded CSR. */
export interface CsrContentRule extends CsrRule {
  check(csr: DecodedCsr, ctx: RuleContext): CsrFinding[];
}

/**
 * ` Comodo would answer: "The CSR uses an unsupported key size!"`, to end a message with. The
 * status code itself leads the diagnostic (`findingText`), so the line starts with what matters.
 */
export function vendorSays(ctx: RuleContext, statusCode: number | undefined, field?: string): string {
  if (!ctx.quoteStatusCodes || !ctx.catalogue || statusCode === undefined) return '';
  let meaning = statusMeaning(ctx.catalogue, statusCode) ?? '';
  if (field) meaning = meaning.replace('xxxx', field);
  return ` ${vendorName(ctx.catalogue)} would answer: "${meaning}"`;
}

/** A finding as a diagnostic's message: `-13: The key is RSA 1024-bit, too small. ...`. */
export function findingText(finding: CsrFinding): string {
  return finding.statusCode === undefined ? finding.message : `${finding.statusCode}: ${finding.message}`;
}

/** The status code to attach: the rules' codes only mean something to the API whose codes they are. */
export function statusFor(ctx: RuleContext, statusCode: number | undefined): number | undefined {
  return ctx.quoteStatusCodes ? statusCode : undefined;
}

export function attributeRef(a: SubjectAttribute): NonNullable<CsrFinding['attribute']> {
  return { index: a.index, oid: a.oid, shortName: a.shortName, value: a.value };
}

/** A value quoted for a message: JSON-style, control characters escaped, long values cut. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
