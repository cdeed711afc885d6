// The schema problems of a value (wrong type, not a listed value, too long, bad format) and of
// `$api`, classified from the catalogue field the value belongs to (see schemaProblems.ts), with
// the fixes that are certain.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { ErrorCode, type ASTNode, type Diagnostic } from 'vscode-json-languageservice';
import {
  API_KEY,
  catalogues,
  findField,
  type ApiCatalogue,
  type FieldSpec,
} from '../../../../common/src/catalogue';
import { apiListText } from '../docs';
import { replaceValue } from '../edits';
import { enclosingProperty, type OrderModel } from '../model';
import { INTEGER_LIST_PATTERN } from '../schema/orderSchema';
import { closestName, integerRanges, orList } from '../text';
import type { QuickFix } from '../types';
import { statusLead, vendorRule } from './vendorText';
import type { SchemaFinding } from './schemaProblems';

const E = DiagnosticSeverity.Error;

export function valueProblem(model: OrderModel, d: Diagnostic, node: ASTNode): SchemaFinding | undefined {
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

export function errorCode(d: Diagnostic): number | undefined {
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
export function guessApiFixes(model: OrderModel): QuickFix[] {
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

function allowedText(field: FieldSpec): string {
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

/** A schema problem no rule words: vscode-json-languageservice's message, after the key it is about. */
export function other(d: Diagnostic, node?: ASTNode): SchemaFinding {
  const path = node ? pathOf(node) : [];
  const message = path.length ? `'${path.join('.')}': ${d.message}` : d.message;
  return { code: 'schema', severity: E, range: d.range, message };
}

export function pathOf(node: ASTNode): string[] {
  const path: string[] = [];
  for (let n: ASTNode | undefined = node; n; n = n.parent)
    if (n.type === 'property') path.unshift(n.keyNode.value);
  return path;
}

/** The fields an object may hold: the API's at the root, the parent field's members inside. */
