// The public types of the order language service: what it needs (I/O, passed in) and what it
// gives. No `vscode` import, no LSP connection: text in, LSP types out.
import type { ApiCatalogue, FieldSpec } from '../../../common/src/catalogue';
import type { OrderSettings } from '../../../common/src/settings';
import type { DiagnosticSeverity, Range } from 'vscode-languageserver-types';

export type { OrderSettings };

/**
 * Reads a file the order references (a `file:` CSR). Rejects when it cannot be read, or may not
 * be (outside the order's workspace folder: `orderUri` is the order that names it).
 */
export type ReadFile = (uri: string, orderUri?: string) => Promise<Uint8Array>;

/** One entry of a directory listing. */
export interface DirectoryEntry {
  name: string;
  type: 'file' | 'directory';
}

/** Lists a directory (a URI ending in `/`). Rejects when it cannot be listed. */
export type ListDirectory = (uri: string) => Promise<DirectoryEntry[]>;

export interface OrderLanguageServiceParams {
  /** Injected I/O, like json-languageservice's `schemaRequestService`. Without it, `file:` references are not checked. */
  readFile?: ReadFile;
  /**
   * Injected I/O: completion offers the `.csr`/`.pem` files next to the order for a CSR field,
   * and the shipped schema for `$schema`. Without it, neither is offered.
   */
  listDirectory?: ListDirectory;
  /** The CSR engineer's decoder, rules and hover (issue 3). Without it, only presence and readability are checked. */
  csr?: CsrParticipant;
  /** Inputs past these are answered with one diagnostic instead of a full check. */
  limits?: Partial<OrderLimits>;
}

export interface OrderLimits {
  /** Characters; an order is a few KB, a huge one is a mistake or junk. */
  maxLength: number;
  /** Nesting of objects and arrays; an order nests two deep. */
  maxDepth: number;
  /** Diagnostics of one document, every rule included; past it the rest are counted in one `too-many-problems`. */
  maxProblems: number;
}

export const defaultLimits: OrderLimits = { maxLength: 4 * 1024 * 1024, maxDepth: 64, maxProblems: 1000 };

/** `data` of every diagnostic the service returns: what a quick fix needs. */
export interface OrderDiagnosticData {
  /** The document version the diagnostic (and its fixes) was computed for. */
  version: number;
  /** Edits that are certain to fix the problem. */
  fixes?: QuickFix[];
  /** JSON path of the object a `missing-field` diagnostic is about (`[]`: the root). */
  objectPath?: (string | number)[];
  /**
   * Fields a conditional requirement wants in that object (Comodo `days`, `servers`): "add all
   * missing required fields" adds them with the schema's missing fields.
   */
  adds?: [string, unknown][];
}

export interface QuickFix {
  title: string;
  edits: { range: Range; newText: string }[];
  /** The one fix to apply with "auto fix". */
  preferred?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The CSR seam (issue 3 plugs in here).

/** Facts about the order around a CSR, for rules that depend on the product or other fields. */
export interface OrderFacts {
  api: ApiCatalogue;
  /** Comodo `product` codes as written (empty when absent or malformed; SSL2Buy: empty). */
  products: number[];
  /** Top-level values by the catalogue's spelling (Comodo names normalised), nested objects as plain objects. */
  values: Readonly<Record<string, unknown>>;
}

/** Where a CSR field's text comes from. */
export type CsrSource =
  | { kind: 'inline' }
  /** `"file:relative/path.csr"`: `uri` is resolved against the order; `bytes` is the file's content when it was read. */
  | { kind: 'file'; reference: string; uri: string; bytes?: Uint8Array };

export interface CsrInput {
  /** The catalogue field that holds the CSR (`csr: true`). */
  field: FieldSpec;
  /** The JSON string's value, escapes decoded (PEM with real newlines, or `file:...`). */
  value: string;
  /** Range of the JSON string in the order, quotes included: where CSR diagnostics go by default. */
  range: Range;
  /** The JSON string as written (the document's text of `range`), to place a finding inside it. */
  raw?: string;
  /** Where a top-level field of the order is written (by its catalogue name), to place a finding about it. */
  locate?(fieldName: string): { key: Range; value?: Range } | undefined;
  source: CsrSource;
  /** The order's URI: what the hover's "Open full decode" link names, with `range`. */
  orderUri?: string;
  order: OrderFacts;
  settings: OrderSettings;
}

/** A CSR finding; `range` defaults to the CSR string (or the `file:` reference). */
export interface CsrProblem {
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  range?: Range;
  /**
   * Top-level fields whose absence the problem is (Comodo streetAddress1 when the CSR has no street
   * address): the service offers to add them, and puts the problem on the order's object when the
   * CSR is a `file:` reference (the reference is not where the fix goes).
   */
  adds?: [string, unknown][];
}

/**
 * What the CSR engineer provides: called with the CSR of an order (inline text, or the referenced
 * file's bytes) on every validation and hover. Must not throw; may cache by the CSR's bytes.
 */
export interface CsrParticipant {
  validate?(input: CsrInput): CsrProblem[] | Promise<CsrProblem[]>;
  /** Markdown appended to the hover over the CSR value or reference. */
  hover?(input: CsrInput): string | undefined | Promise<string | undefined>;
}
