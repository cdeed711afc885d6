// The vendor catalogue, as data. Every field, type, length, allowed value and status code the
// extension knows about an order API is declared once in a table of these types, each entry
// traceable to the vendor's document. Completion, hover, validation, the JSON Schema, the request
// builder and the response parser all read the same table.

/** Where a fact comes from: the vendor document and the part of it. */
export interface SpecRef {
  /** The vendor document's title and version, e.g. `Comodo !AutoApplySSL document, version 1.11`. */
  document: string;
  /** Section or row, e.g. `1. Request: product`. */
  section: string;
}

/** One allowed value of a coded field (product code, serverSoftware id, Y/N, validity). */
export interface ValueSpec {
  value: string | number;
  label: string;
  description?: string;
  /**
   * In an integer list (`format: 'integer-list'`): a base, exactly one per list, or an add-on,
   * each at most once after the base (Comodo `product`). Completion offers the combinations.
   */
  listRole?: 'base' | 'addon';
  /** A base that takes no add-ons (Comodo Trial SSL and Intranet SSL). */
  noAddons?: boolean;
}

export type FieldType = 'string' | 'integer' | 'char' | 'object';

/** What a value must look like beyond its type and length. */
export type FieldFormat =
  /** An e-mail address. */
  | 'email'
  /** An ISO-3166 country: its alpha-2 code, or its English name. */
  | 'iso3166-country'
  /** A comma-separated string of integers (Comodo `product`); a single JSON integer is accepted too. */
  | 'integer-list';

/** How a field relates to the credentials kept in SecretStorage. */
export type CredentialRole =
  /** The account name: may be written in the order or in settings. */
  | 'user'
  /** The secret (API key, password): never in a file; comes from SecretStorage at submission. */
  | 'secret';

/**
 * How the production confirmation's summary shows a request field (issue 4: "API, product names,
 * validity, CN from the CSR, organisation").
 */
export type SummaryRole =
  /** Product codes, each with its name from `values`. */
  | 'products'
  /** A validity period in years, shown as "N years". */
  | 'validity-years'
  /** A validity period in days, shown as "N days". */
  | 'validity-days'
  /** Number of server licences. */
  | 'servers'
  /** The organisation's name (a member of an object field); preferred to the CSR's O. */
  | 'organisation'
  /** One part of the contact's name (members of an object field), joined in the table's order. */
  | 'contact-name'
  /** The partner's own order ID, shown under the field's name. */
  | 'order-id';

/** A hash-based domain-control-validation value a response carries (SSL2Buy MD5/SHA1/UniqueValue). */
export type DcvRole = 'md5' | 'sha1' | 'uniqueValue' | 'domainName';

export interface FieldSpec {
  /** The vendor's own spelling. */
  name: string;
  type: FieldType;
  maxLength?: number;
  /** `true`: always required; `'conditional'`: required in the cases `requiredWhen` describes. */
  required: boolean | 'conditional';
  /** The document's words for a conditional requirement. */
  requiredWhen?: string;
  description: string;
  /** The document's own notes on the field, shown in hover. */
  notes?: string;
  /** Allowed values, when the document lists them. */
  values?: ValueSpec[];
  /** The document accepts the values in either case (Comodo: "Y (or y)"); the listed case is hinted. */
  valuesCaseInsensitive?: boolean;
  format?: FieldFormat;
  /** Members of an object field. */
  fields?: FieldSpec[];
  credential?: CredentialRole;
  /** The field holds a CSR (PEM, bare base64, or `file:relative/path.csr` in an order file). */
  csr?: boolean;
  /** The API's test flag (`endpoints.demoMode: 'testFlag'`): `Y` makes a test order (Comodo `test`). */
  testFlag?: boolean;
  /** What the production confirmation shows this field as. */
  summary?: SummaryRole;
  /** Response field: the panel offers a copy button (order numbers, validation values). */
  copyable?: boolean;
  /** Response field: the order number to quote; the first one present, in the table's order. */
  orderNumber?: boolean;
  /** Response field: a value for hash-based domain-control validation. */
  dcv?: DcvRole;
  /** Example placeholder for quick fixes and snippets. */
  placeholder?: string | number;
  source: SpecRef;
}

export interface StatusCodeSpec {
  code: number;
  meaning: string;
  success: boolean;
  /** The message names a field as `'xxxx'` (Comodo -3, -4). */
  namesField?: boolean;
}

export interface EndpointSpec {
  production: string;
  /** A distinct demo URL, when the document gives one. */
  demo?: string;
  /** How the demo is reached: its own URL, or a flag on the production URL (Comodo `test=Y`). */
  demoMode: 'url' | 'testFlag';
  method: 'POST';
  encoding: 'json' | 'form';
}

/**
 * A new order as a snippet: every field required in the file (credentials excluded), plus
 * `alsoFields`, in the table's order. A field's value is its `placeholder`, else a choice of its
 * `values`, else empty for the user to fill in.
 */
export interface SnippetSpec {
  /** What the user types for it: `order-comodo`. The API's id is offered too. */
  prefix: string;
  /** Fields that are not always required but that a new order needs (Comodo: `days`, one of years/days). */
  alsoFields?: string[];
}

/**
 * Which CSR rules (common/src/csr/rules, by code) judge the CSR of this API's orders, and how.
 * The codes are data here so that adding an API is adding its catalogue; a unit test checks that
 * each one names a rule and that every rule is some shipped API's.
 */
export interface CsrRulesSpec {
  codes: readonly string[];
  /**
   * The status codes the CSR rules carry (-5 to -20, from the Comodo document) are this API's own:
   * findings lead with them and end with its `statusCodes` meaning ("Comodo would answer: ...").
   */
  quoteStatusCodes?: boolean;
  /**
   * The setting `csr.keyPolicy: "document"` applies this API's document's key and signature rule
   * (Comodo v1.11: RSA 512-1024, MD5/SHA-1); otherwise today's practice always applies.
   */
  documentKeyPolicy?: boolean;
}

export interface ApiCatalogue {
  /** The value of `$api` in an order file. */
  id: string;
  title: string;
  /**
   * The API's settings: `certOrder.<settingsPrefix>.productionUrl`, `.demoUrl`, and the account
   * name, named after the user credential field (`certOrder.comodo.loginName`). Declared, never
   * derived from `id`: two APIs of one vendor must not share an endpoint. The registry refuses a
   * catalogue whose settings are another's.
   */
  settingsPrefix: string;
  /**
   * The credentials' environment variables: `CERT_ORDER_<envPrefix>_[DEMO_|PRODUCTION_]<FIELD>`
   * (`CERT_ORDER_COMODO_LOGIN_PASSWORD`). Declared for the same reason as `settingsPrefix`.
   */
  envPrefix: string;
  /** The snippet of a new order (server/src/service/newOrder.ts: completion and New Order...). */
  snippet: SnippetSpec;
  /** The vendor document this catalogue is read from: its title and version (cited in hover and the schema). */
  document: string;
  /** Comodo: argument names are case-insensitive; SSL2Buy: JSON names are exact. */
  caseInsensitiveNames: boolean;
  endpoints: EndpointSpec;
  fields: FieldSpec[];
  responseFields: FieldSpec[];
  statusCodes: StatusCodeSpec[];
  /** The CSR rules of its orders; none when absent. */
  csrRules?: CsrRulesSpec;
  /** Kind of certificate, for messages and the CSR rules. */
  certificateKind: 'tls' | 'smime';
  /**
   * The status code the API answers for a generic problem with an argument, where the document
   * gives one (Comodo: -2 unrecognised, -3 missing, -4 invalid). Diagnostics quote it.
   */
  problemStatus?: { unknownField?: number; missingField?: number; invalidValue?: number };
  /**
   * Fields whose values identify one order: re-sending to production an order with the same
   * values as an earlier production success asks first (issue 4).
   */
  duplicateKeyFields?: string[];
}
