// vscode-json-languageservice reports syntax and schema problems in generic terms ("Missing
// property", "String is longer than..."). Each becomes a coded diagnostic that names the field,
// says what is allowed and what the vendor would answer, with a fix where one is certain.
//
// The service's messages are English today and localised once @vscode/l10n has a bundle, and they
// may be reworded in any release: a problem is classified by what the service gives structurally
// (its ErrorCode, the node at its range) and by the catalogue field that node holds, which is what
// the schema was generated from (schema/orderSchema.ts). The only use of the message is the one a
// missing property has no other way to say: which name it is, found as the name itself in the
// message, whatever the language around it. Where the service places each problem (a missing
// property on the object's key or `{`) is 5.7's: package.json pins the minor version.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  ErrorCode,
  type ASTNode,
  type Diagnostic,
  type ObjectASTNode,
  type PropertyASTNode,
} from 'vscode-json-languageservice';
import {
  API_KEY,
  catalogues,
  findField,
  type ApiCatalogue,
  type FieldSpec,
} from '../../../../common/src/catalogue';
import { apiListText } from '../docs';
import { renameKey, replaceValue } from '../edits';
import { enclosingProperty, isKey, type OrderModel } from '../model';
import { INTEGER_LIST_PATTERN, requiredInFile, SCHEMA_KEY } from '../schema/orderSchema';
import { closestName, integerRanges, orList } from '../text';
import type { QuickFix } from '../types';
import type { RuleFinding } from './rule';
import { statusAnswer, statusLead, vendorMessage, vendorName, vendorRule } from './vendorText';

export interface SchemaFinding extends RuleFinding {
  code: string;
  severity: DiagnosticSeverity;
}

/** Codes of the problems the schema finds, in the order the README lists them. */
export const schemaCodes = [
  'json-syntax',
  'api-missing',
  'api-unknown',
  'missing-field',
  'unknown-field',
  'wrong-type',
  'too-long',
  'value-not-allowed',
  'invalid-format',
  'invalid-email',
  'schema',
  'too-many-problems',
] as const;

const E = DiagnosticSeverity.Error;

/** One value, one problem: `"1"` for years is the wrong type; that it is not 1, 2 or 3 follows. */
const VALUE_PRIORITY: Record<string, number> = {
  'wrong-type': 0,
  'value-not-allowed': 1,
  'invalid-format': 2,
  'invalid-email': 2,
  'too-long': 3,
};

export interface CodedSchemaProblems {
  findings: SchemaFinding[];
  /** The json service's problems past `max`, not looked at (validation counts them in too-many-problems). */
  unread: number;
}

/** Codes the json service's problems; only the first `max` are worded, the rest counted. */
export function codeSchemaProblems(model: OrderModel, raw: Diagnostic[], max: number): CodedSchemaProblems {
  if (raw.length === 0) return { findings: [], unread: 0 };
  // The parser's own problems are handed over as they are (some carry no code).
  const syntax = new Set<Diagnostic>(
    (model.json as { syntaxErrors?: Diagnostic[] } | undefined)?.syntaxErrors ?? [],
  );
  const out: SchemaFinding[] = [];
  const best = new Map<string, number>();
  const seen = new Set<string>();
  const at = (f: SchemaFinding) =>
    `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
  for (const d of raw.length > max ? raw.slice(0, max) : raw) {
    const finding = syntax.has(d) && d.code !== ErrorCode.DuplicateKey ? syntaxProblem(d) : codeOne(model, d);
    if (!finding) continue;
    // `"$api": 5` is both the wrong type and not in the enum: one api-unknown is enough.
    const key = `${finding.code}@${at(finding)}@${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
    const p = VALUE_PRIORITY[finding.code];
    if (p !== undefined) best.set(at(finding), Math.min(p, best.get(at(finding)) ?? p));
  }
  const findings = out.filter(
    (f) => VALUE_PRIORITY[f.code] === undefined || VALUE_PRIORITY[f.code] === best.get(at(f)),
  );
  return { findings, unread: Math.max(0, raw.length - max) };
}

function codeOne(model: OrderModel, raw: Diagnostic): SchemaFinding | undefined {
  // Newer LSP types allow Markdown messages; this service's are plain text.
  const d = { ...raw, message: plain(raw.message) };
  const code = errorCode(d);
  // The duplicate-field rule reports duplicates (case-insensitively where the API is); the
  // credential rule reports credentials (the schema marks them deprecated).
  if (code === ErrorCode.DuplicateKey || code === ErrorCode.Deprecated) return undefined;
  if (code !== undefined && code !== ErrorCode.EnumValueMismatch && code !== ErrorCode.Undefined) {
    const schemaTrouble = code === ErrorCode.SchemaUnsupportedFeature || code >= ErrorCode.SchemaResolveError;
    return {
      code: schemaTrouble ? 'schema' : 'json-syntax',
      severity: schemaTrouble ? DiagnosticSeverity.Warning : E,
      range: d.range,
      message: d.message,
    };
  }
  const offset = model.document.offsetAt(d.range.start);
  const node = model.nodeAt(offset);
  if (!node) return other(d);
  // The service places a missing property on the key of the object's property, or on the
  // object's `{` at the root; a property that is not allowed, on its own key.
  if (node.type === 'object' && node === model.root && d.range.start.line === d.range.end.line) {
    if (model.document.offsetAt(d.range.end) - offset === 1) return missingField(model, d, node);
  }
  if (isKey(node)) {
    const property = enclosingProperty(node);
    if (!property) return other(d, node);
    if (!allowedKey(model, property)) return unknownField(model, d, node);
    if (property.valueNode?.type === 'object') return missingField(model, d, property.valueNode);
    return other(d, node);
  }
  return valueProblem(model, d, node);
}

/** Whether the object the property is in allows its key (in another case where the API's names are case-insensitive). */
function allowedKey(model: OrderModel, property: PropertyASTNode): boolean {
  const object = property.parent;
  if (object?.type !== 'object') return true;
  const name = property.keyNode.value;
  if (object === model.root && (name === API_KEY || name === SCHEMA_KEY)) return true;
  if (!model.api) return object !== model.root;
  const fields = fieldsOfObject(model, object);
  return !fields || findField(fields, name, model.api.caseInsensitiveNames) !== undefined;
}

function syntaxProblem(d: Diagnostic): SchemaFinding {
  return { code: 'json-syntax', severity: E, range: d.range, message: plain(d.message) };
}

function plain(message: unknown): string {
  return typeof message === 'string' ? message : String((message as { value?: unknown }).value);
}

/** A schema problem no rule words: vscode-json-languageservice's message, after the key it is about. */
function other(d: Diagnostic, node?: ASTNode): SchemaFinding {
  const path = node ? pathOf(node) : [];
  const message = path.length ? `'${path.join('.')}': ${d.message}` : d.message;
  return { code: 'schema', severity: E, range: d.range, message };
}

function pathOf(node: ASTNode): string[] {
  const path: string[] = [];
  for (let n: ASTNode | undefined = node; n; n = n.parent)
    if (n.type === 'property') path.unshift(n.keyNode.value);
  return path;
}

/** The fields an object may hold: the API's at the root, the parent field's members inside. */
function fieldsOfObject(model: OrderModel, object: ObjectASTNode): readonly FieldSpec[] | undefined {
  const api = model.api;
  if (!api) return undefined;
  if (object === model.root) return api.fields;
  const property = object.parent;
  return property?.type === 'property' ? model.fieldOf(property)?.field.fields : undefined;
}

function missingField(model: OrderModel, d: Diagnostic, object: ObjectASTNode): SchemaFinding | undefined {
  const api = model.api;
  const atRoot = object === model.root;
  const present = new Set(object.properties.map((p) => p.keyNode.value));
  if (!api) {
    if (!atRoot || present.has(API_KEY)) return other(d);
    return {
      code: 'api-missing',
      severity: E,
      range: d.range,
      message: `Missing "${API_KEY}": name the API this order is for: ${apiListText(catalogues)}.`,
      fixes: guessApiFixes(model),
    };
  }
  const fields = fieldsOfObject(model, object) ?? [];
  // The schema requires these names (orderSchema.ts); those absent as written are what it reports.
  const absent = [...(atRoot ? [API_KEY] : []), ...requiredInFile(fields).map((f) => f.name)].filter(
    (n) => !present.has(n),
  );
  const name = namedIn(d.message, absent);
  if (name === undefined) return other(d);
  const field = fields.find((f) => f.name === name);
  if (!field) return other(d);
  // Written in another case: the field-name-case rule hints the documented spelling.
  if (model.properties(object, fields).some((b) => b.field === field)) return undefined;
  const path = pathOf(object);
  const where = path.length ? `${path.join('.')}.${name}` : name;
  return {
    code: 'missing-field',
    severity: E,
    range: d.range,
    message: vendorMessage(
      api,
      'missingField',
      field,
      `'${where}' is missing (${field.description.replace(/\.$/, '')}), a required field.${fixMeaning(field)}`,
    ),
    objectPath: path,
  };
}

/**
 * Which of the names the message quotes: the service writes the name as it is into its message in
 * every language (`Missing property "years".`, `Fehlende Eigenschaft "years".`). The longest
 * wins, so that `Email` is not taken for `ApprovalEmail`; a name counts only between non-word characters.
 */
export function namedIn(message: string, names: readonly string[]): string | undefined {
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...names]
    .sort((a, b) => b.length - a.length)
    .find((n) => new RegExp(`(^|[^\\w$])${escape(n)}($|[^\\w])`).test(message));
}

/** ` The quick fix writes "N": Comodo will validate the customer.` when the placeholder is a listed value. */
function fixMeaning(field: FieldSpec): string {
  const value = field.values?.find((v) => v.value === field.placeholder);
  return value?.description
    ? ` The quick fix writes ${JSON.stringify(value.value)}: ${value.description}`
    : '';
}

function unknownField(model: OrderModel, d: Diagnostic, key: ASTNode): SchemaFinding | undefined {
  const api = model.api;
  const property = key.parent;
  if (!api || property?.type !== 'property' || property.parent?.type !== 'object') return other(d);
  const object = property.parent;
  const fields = fieldsOfObject(model, object) ?? [];
  const name = property.keyNode.value;
  const atRoot = object === model.root;
  const candidates = [...fields.map((f) => f.name), ...(atRoot ? [API_KEY, SCHEMA_KEY] : [])];
  const closest = closestName(name, candidates);
  const guess = closest ? ` Did you mean '${closest}'?` : '';
  const fixes: QuickFix[] = closest
    ? [{ title: `Rename to '${closest}'`, edits: [renameKey(model, property, closest)], preferred: true }]
    : [];
  const within = atRoot ? '' : ` in ${pathOf(object).join('.')}`;
  const answer = statusAnswer(api, 'unknownField', name);
  const message =
    name.startsWith('$') && atRoot
      ? `'${name}' is not an order key: the extension's own keys are ${API_KEY} and ${SCHEMA_KEY}.${guess}`
      : answer !== undefined
        ? `${statusLead(api, 'unknownField')}'${name}' is not a ${vendorName(api)} argument${within}.${guess} ${answer}`
        : `'${name}' is not a field${within || ' of the request'} in the ${vendorName(api)} document (${api.document}).${guess}`;
  return {
    code: 'unknown-field',
    severity: answer !== undefined ? E : DiagnosticSeverity.Warning,
    range: d.range,
    message: message.trimEnd(),
    fixes,
  };
}

function valueProblem(model: OrderModel, d: Diagnostic, node: ASTNode): SchemaFinding | undefined {
  if (node === model.json?.root && !node.parent) {
    return {
      code: 'wrong-type',
      severity: E,
      range: d.range,
      message: `An order file is one JSON object: { "${API_KEY}": "...", then the vendor's fields }.`,
    };
  }
  const property = enclosingProperty(node);
  if (!property || property.valueNode !== node) return other(d, node);
  if (property.keyNode.value === API_KEY && property.parent === model.root) return unknownApi(model, d, node);
  const api = model.api;
  const bound = model.fieldOf(property);
  if (!api || !bound) return other(d, node);
  const { field } = bound;
  const name = bound.parent ? `${bound.parent.name}.${field.name}` : field.name;
  const rule = vendorRule(api, 'invalidValue', field);
  const shown = node.type === 'string' ? JSON.stringify(node.value) : String(node.value ?? node.type);
  const finding = (code: string, message: string, fixes: QuickFix[] = []): SchemaFinding => ({
    code,
    severity: E,
    range: d.range,
    message: `${statusLead(api, 'invalidValue')}${message} ${rule}`,
    fixes,
  });
  switch (errorCode(d) === ErrorCode.EnumValueMismatch ? 'value-not-allowed' : violation(field, node)) {
    case 'wrong-type':
      return finding(
        'wrong-type',
        `'${name}' must be ${expectedType(field)}, not ${nodeKind(node)}.`,
        typeFixes(model, field, node),
      );
    case 'too-long':
      return finding(
        'too-long',
        `'${name}' is ${stringLength(String(node.value))} characters long; at most ${field.maxLength} are allowed.`,
      );
    case 'value-not-allowed':
      // An empty required field: required-field-empty says so.
      if (node.type === 'string' && node.value.trim() === '' && field.required === true) return undefined;
      return finding(
        'value-not-allowed',
        `${shown} is not an allowed value of '${name}': ${allowedText(field)}.`,
        valueFixes(model, field, node),
      );
    case 'invalid-format': {
      // An empty required field: required-field-empty says so.
      const value = String(node.value);
      if (value.trim() === '' && field.required === true) return undefined;
      const compact = value.replace(/\s+/g, '');
      const fixes: QuickFix[] = INTEGER_LIST.test(compact)
        ? [{ title: `Write "${compact}"`, edits: [replaceValue(model, node, compact)], preferred: true }]
        : [];
      return finding(
        'invalid-format',
        `'${name}' must be integers separated by commas, without spaces (e.g. "24" or "24,36"); got ${shown}.`,
        fixes,
      );
    }
    case 'invalid-email':
      // An empty required field: required-field-empty says so.
      if (node.type === 'string' && node.value.trim() === '' && field.required === true) return undefined;
      return finding('invalid-email', `'${name}' is not an e-mail address: ${shown}.`);
    default:
      return other(d, node);
  }
}

/** The integer-list pattern of the schema (orderSchema.ts). */
const INTEGER_LIST = new RegExp(INTEGER_LIST_PATTERN);

/**
 * What the schema generated from this field finds wrong with the value, the most telling first
 * (VALUE_PRIORITY): the type, the integer-list pattern, then the length; an e-mail field whose
 * value passes those fails the service's e-mail format. Enum mismatches carry their own code.
 */
function violation(field: FieldSpec, node: ASTNode): SchemaFinding['code'] | undefined {
  const integer = node.type === 'number' && node.isInteger;
  const typeOk =
    field.type === 'object'
      ? node.type === 'object'
      : field.format === 'integer-list'
        ? node.type === 'string' || integer
        : field.type === 'integer'
          ? integer
          : node.type === 'string';
  if (!typeOk) return 'wrong-type';
  if (node.type !== 'string') return undefined;
  if (field.format === 'integer-list' && !INTEGER_LIST.test(node.value)) return 'invalid-format';
  if (field.maxLength !== undefined && stringLength(node.value) > field.maxLength) return 'too-long';
  if (field.format === 'email') return 'invalid-email';
  return undefined;
}

/** Length as JSON Schema counts it (and the service): code points, not UTF-16 units. */
function stringLength(value: string): number {
  return [...value].length;
}

function errorCode(d: Diagnostic): number | undefined {
  return typeof d.code === 'number' ? d.code : undefined;
}

function unknownApi(model: OrderModel, d: Diagnostic, node: ASTNode): SchemaFinding {
  const value = node.type === 'string' ? node.value : '';
  const closest = value
    ? closestName(
        value,
        catalogues.map((c) => c.id),
      )
    : undefined;
  return {
    code: 'api-unknown',
    severity: E,
    range: d.range,
    message: `Unknown API ${node.type === 'string' ? JSON.stringify(node.value) : nodeKind(node)}: "${API_KEY}" must be ${apiListText(catalogues)}.${closest ? ` Did you mean "${closest}"?` : ''}`,
    fixes: closest
      ? [{ title: `Write "${closest}"`, edits: [replaceValue(model, node, closest)], preferred: true }]
      : [],
  };
}

/** A missing `$api`: offer the API whose field names the order uses most. */
function guessApiFixes(model: OrderModel): QuickFix[] {
  const root = model.root;
  if (!root || model.apiProperty) return [];
  const score = (api: ApiCatalogue) =>
    root.properties.filter((p) => findField(api.fields, p.keyNode.value, api.caseInsensitiveNames)).length;
  const ranked = catalogues.map((api) => ({ api, score: score(api) })).sort((a, b) => b.score - a.score);
  if (!ranked.length || ranked[0].score === 0 || ranked[1]?.score === ranked[0].score) return [];
  const api = ranked[0].api;
  const insert = { range: model.range(root.offset + 1, 0), newText: `\n  "${API_KEY}": "${api.id}",` };
  return [{ title: `Add "${API_KEY}": "${api.id}"`, edits: [insert], preferred: true }];
}

function expectedType(field: FieldSpec): string {
  if (field.format === 'integer-list')
    return 'a string of comma-separated integers, or one integer (e.g. "24,36")';
  if (field.type === 'integer') return 'a JSON integer (no quotes, e.g. ' + (field.placeholder ?? 1) + ')';
  if (field.type === 'object') return 'an object { ... }';
  if (field.type === 'char') return 'a one-character string';
  return 'a JSON string';
}

function nodeKind(node: ASTNode): string {
  if (node.type === 'number')
    return node.isInteger ? `the number ${node.value}` : `the fraction ${node.value}`;
  if (node.type === 'string') return `the string ${JSON.stringify(node.value)}`;
  if (node.type === 'boolean' || node.type === 'null') return String(node.value);
  return `an ${node.type}`;
}

export function allowedText(field: FieldSpec): string {
  const values = field.values ?? [];
  const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
  // `servers`: "1 to 10", as the document writes it, not ten labelled values.
  if (numbers.length === values.length && numbers.length > 3 && numbers.every((n, i) => n === numbers[0] + i))
    return `${numbers[0]} to ${numbers[numbers.length - 1]}`;
  if (numbers.length === values.length && values.length > 12) {
    return `one of ${integerRanges(numbers)} (${values.length} documented values; completion lists them with their names)`;
  }
  return orList(values.map((v) => `${JSON.stringify(v.value)} (${v.label})`));
}

const YES = /^(y|yes|true|1|on|ja|oui|si)$/i;
const NO = /^(n|no|false|0|off|nein|non)$/i;

/** Certain replacements: "yes" -> "Y", "no" -> "N" for a Y/N field. */
function valueFixes(model: OrderModel, field: FieldSpec, node: ASTNode): QuickFix[] {
  const ids = (field.values ?? []).map((v) => v.value);
  if (ids.length !== 2 || !ids.includes('Y') || !ids.includes('N')) return [];
  const raw = String(node.value);
  const to = YES.test(raw) ? 'Y' : NO.test(raw) ? 'N' : undefined;
  return to ? [{ title: `Write "${to}"`, edits: [replaceValue(model, node, to)], preferred: true }] : [];
}

function typeFixes(model: OrderModel, field: FieldSpec, node: ASTNode): QuickFix[] {
  if (field.type === 'integer' && node.type === 'string' && /^-?[0-9]+$/.test(node.value.trim())) {
    const n = Number(node.value.trim());
    return [{ title: `Write the integer ${n}`, edits: [replaceValue(model, node, n)], preferred: true }];
  }
  if (node.type === 'boolean') return valueFixes(model, field, node);
  if ((field.type === 'string' || field.type === 'char') && node.type === 'number') {
    return [
      {
        title: `Write the string "${node.value}"`,
        edits: [replaceValue(model, node, String(node.value))],
        preferred: true,
      },
    ];
  }
  return [];
}
