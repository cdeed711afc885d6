// Quick fixes. Most come with the diagnostic (`data.fixes`, computed with it for the same
// document version); "add the missing required fields" is computed here, for all of an object's
// missing fields at once. "Fix all" (`source.fixAll`) applies every certain fix (each
// diagnostic's preferred one) in one edit.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { ObjectASTNode } from 'vscode-json-languageservice';
import { findField, type FieldSpec } from '../../../common/src/catalogue';
import { addProperties, placeholderValue } from './edits';
import type { OrderModel } from './model';
import { requiredInFile } from './schema/orderSchema';
import type { OrderDiagnosticData, QuickFix } from './types';
import { DIAGNOSTIC_SOURCE } from './validation/validate';

/** The kind the editor asks for on "Fix All" and in `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = CodeActionKind.SourceFixAll;

export function orderCodeActions(model: OrderModel, context: CodeActionContext): CodeAction[] {
  const fixes = quickFixes(model, context);
  // A kind is asked for when `only` names it or a kind above it (`source` covers `source.fixAll`).
  const asked = (kind: string) => context.only?.some((k) => kind === k || kind.startsWith(`${k}.`));
  // Source actions only when asked for, as the editor does on "Fix All" and on save.
  const all = asked(FIX_ALL_KIND) ? fixAll(model, fixes) : undefined;
  const out = !context.only || asked(CodeActionKind.QuickFix) ? fixes : [];
  return all ? [...out, all] : out;
}

/**
 * One action with every preferred fix whose edits do not overlap one already taken (a later
 * conflicting fix waits for the next "Fix All", on the text the first one left).
 */
function fixAll(model: OrderModel, fixes: CodeAction[]): CodeAction | undefined {
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const action of fixes) {
    if (!action.isPreferred) continue;
    const fixEdits = action.edit?.changes?.[model.document.uri] ?? [];
    const key = JSON.stringify(fixEdits);
    if (fixEdits.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const spans = fixEdits.map((e) => ({
      start: model.document.offsetAt(e.range.start),
      end: model.document.offsetAt(e.range.end),
    }));
    const conflicts = spans.some((a) =>
      taken.some((b) => (a.start < b.end && b.start < a.end) || a.start === b.start),
    );
    if (conflicts) continue;
    taken.push(...spans);
    edits.push(...fixEdits);
    diagnostics.push(...(action.diagnostics ?? []));
  }
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all certain problems',
    kind: FIX_ALL_KIND,
    diagnostics,
    edit: { changes: { [model.document.uri]: edits } },
  };
}

function quickFixes(model: OrderModel, context: CodeActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const missing = new Map<string, MissingInObject>();
  for (const d of context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const data = d.data as OrderDiagnosticData | undefined;
    if (data?.version !== model.version) continue;
    for (const fix of data.fixes ?? []) actions.push(toAction(model, fix, [d]));
    // The schema's missing fields, and those a rule requires in the case at hand (Comodo days, servers).
    if (data.objectPath && (d.code === 'missing-field' || data.adds)) {
      const key = JSON.stringify(data.objectPath);
      const entry = missing.get(key) ?? { path: data.objectPath, diagnostics: [], adds: [], schema: false };
      entry.diagnostics.push(d);
      entry.adds.push(...(data.adds ?? []));
      entry.schema ||= d.code === 'missing-field';
      missing.set(key, entry);
    }
  }
  for (const entry of missing.values()) {
    const action = addMissingFields(model, entry);
    if (action) actions.push(action);
  }
  return actions;
}

interface MissingInObject {
  path: (string | number)[];
  diagnostics: Diagnostic[];
  /** Conditionally required fields the rules ask for. */
  adds: [string, unknown][];
  /** A schema `missing-field` is among them (a rule's own fix covers it alone). */
  schema: boolean;
}

function toAction(model: OrderModel, fix: QuickFix, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.preferred ?? false,
    edit: { changes: { [model.document.uri]: fix.edits } },
  };
}

/** The object at a path of keys from the root, with the fields it may hold. */
function objectAtPath(
  model: OrderModel,
  path: (string | number)[],
): { object: ObjectASTNode; fields: readonly FieldSpec[] } | undefined {
  const api = model.api;
  let object = model.root;
  let fields: readonly FieldSpec[] | undefined = api?.fields;
  for (const key of path) {
    if (!object || !fields || !api) return undefined;
    const field = findField(fields, String(key), api.caseInsensitiveNames);
    const value = field ? model.find(field, object, fields)?.property.valueNode : undefined;
    object = value?.type === 'object' ? value : undefined;
    fields = field?.fields;
  }
  return object && fields ? { object, fields } : undefined;
}

function addMissingFields(model: OrderModel, missing: MissingInObject): CodeAction | undefined {
  const { path, diagnostics } = missing;
  const at = objectAtPath(model, path);
  if (!at) return undefined;
  const present = model.properties(at.object, at.fields);
  const entries: [string, unknown][] = requiredInFile(at.fields)
    .filter((f) => !present.some((b) => b.field === f))
    .map((f) => [f.name, placeholderValue(f)]);
  for (const [name, value] of missing.adds)
    if (!entries.some(([n]) => n === name)) entries.push([name, value]);
  if (entries.length === 0 || (!missing.schema && entries.length < 2)) return undefined;
  const names = entries.map(([name]) => name).join(', ');
  return toAction(
    model,
    {
      title:
        entries.length === 1
          ? `Add the missing required field ${names}${valueMeaning(at.fields, entries[0])}`
          : `Add the missing required fields: ${names}`,
      edits: [addProperties(model, at.object, entries)],
      preferred: true,
    },
    diagnostics,
  );
}

/** ` as "N": Comodo will validate the customer`: what the inserted value means, when the catalogue says. */
function valueMeaning(fields: readonly FieldSpec[], [name, value]: [string, unknown]): string {
  const meaning = fields.find((f) => f.name === name)?.values?.find((v) => v.value === value)?.description;
  return meaning ? ` as ${JSON.stringify(value)}: ${meaning.replace(/\.$/, '')}` : '';
}
