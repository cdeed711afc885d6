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
import { API_KEY, catalogues, findField, type FieldSpec } from '../../../../common/src/catalogue';
import { apiListText } from '../docs';
import { renameKey } from '../edits';
import { enclosingProperty, isKey, type OrderModel } from '../model';
import { requiredInFile, SCHEMA_KEY } from '../schema/orderSchema';
import { closestName } from '../text';
import type { QuickFix } from '../types';
import type { RuleFinding } from './rule';
import { errorCode, guessApiFixes, other, pathOf, valueProblem } from './schemaValues';
import { statusAnswer, statusLead, vendorMessage, vendorName } from './vendorText';

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
