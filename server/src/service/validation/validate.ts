// Diagnostics of an order: vscode-json-languageservice's syntax and schema problems, coded and
// reworded, then every rule that applies to the order's API, on the same parsed tree.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { catalogues } from '../../../../common/src/catalogue';
import { orList } from '../text';
import type { JsonServices } from '../jsonServices';
import type { OrderModel } from '../model';
import {
  defaultLimits,
  type OrderDiagnosticData,
  type OrderLanguageServiceParams,
  type OrderSettings,
} from '../types';
import type { OrderRule, RuleFinding } from './rule';
import { codeSchemaProblems, schemaCodes, type SchemaFinding } from './schemaProblems';

export const DIAGNOSTIC_SOURCE = 'cert-order';

export async function validateOrder(
  model: OrderModel,
  json: JsonServices,
  rules: readonly OrderRule[],
  settings: OrderSettings,
  params: OrderLanguageServiceParams,
): Promise<Diagnostic[]> {
  if (model.limit || !model.json) {
    const limit = model.limit!;
    return [
      toDiagnostic(model, {
        code: limit.code,
        severity: DiagnosticSeverity.Warning,
        range: model.range(limit.offset, 1),
        message: limit.message,
      }),
    ];
  }
  const raw = await json.doValidation(model.api, model.document, model.json, {
    comments: 'error',
    trailingCommas: 'error',
    schemaValidation: 'error',
    schemaRequest: 'ignore',
  });
  const max = params.limits?.maxProblems ?? defaultLimits.maxProblems;
  const { findings, unread } = codeSchemaProblems(model, raw, max);
  if (!model.json.root && findings.length === 0) {
    findings.push({
      code: 'empty-file',
      severity: DiagnosticSeverity.Information,
      range: model.range(0, 0),
      message: `An empty order: type ${orList(catalogues.map((a) => `"${a.snippet.prefix}"`))} for a new one, or start with { "$api": "..." }.`,
    });
  }
  const api = model.api;
  if (api && model.root) {
    const ctx = { model, api, settings, params };
    const schemaCount = findings.length;
    let superseded: Set<string> | undefined;
    for (const rule of rules) {
      if (rule.apis && !rule.apis.includes(api.id)) continue;
      const result = rule.check(ctx);
      const list = result instanceof Promise ? await result : (result as readonly RuleFinding[]);
      for (const { supersedes, ...f } of list) {
        findings.push({ ...f, code: f.code ?? rule.code, severity: f.severity ?? rule.severity });
        for (const r of supersedes ?? []) (superseded ??= new Set()).add(rangeKey(r));
      }
    }
    if (superseded) {
      const drop = superseded;
      const kept = findings.filter((f, i) => i >= schemaCount || !drop.has(rangeKey(f.range)));
      findings.splice(0, findings.length, ...kept);
    }
  }
  if (findings.length > 1) {
    findings.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }
  return capProblems(model, findings, unread, max).map((f) => toDiagnostic(model, f));
}

/**
 * The first `max` problems by position, every rule included, then one too-many-problems that
 * counts the rest: no one reads 100,000 diagnostics, and the client should not get a 30 MB message.
 */
function capProblems(
  model: OrderModel,
  sorted: SchemaFinding[],
  unread: number,
  max: number,
): SchemaFinding[] {
  const hidden = Math.max(0, sorted.length - max) + unread;
  if (hidden === 0) return sorted;
  const shown = sorted.length > max ? sorted.slice(0, max) : sorted;
  return [
    {
      code: 'too-many-problems',
      severity: DiagnosticSeverity.Warning,
      range: model.range(0, 1),
      message: `${hidden} more problems are not shown: fix the first ${shown.length}.`,
    },
    ...shown,
  ];
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

/** Every code a diagnostic of this service may carry (the README's table lists them). */
export function diagnosticCodes(rules: readonly OrderRule[]): string[] {
  return [
    ...schemaCodes,
    ...rules.map((r) => r.code),
    'csr-file-unreadable',
    'file-too-large',
    'file-too-deep',
    'empty-file',
  ];
}

function toDiagnostic(model: OrderModel, f: SchemaFinding): Diagnostic {
  const data: OrderDiagnosticData = { version: model.version };
  if (f.fixes?.length) data.fixes = f.fixes;
  if (f.objectPath) data.objectPath = f.objectPath;
  if (f.adds) data.adds = f.adds;
  return {
    range: f.range,
    severity: f.severity,
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
  };
}
