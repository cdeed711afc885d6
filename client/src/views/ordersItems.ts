// How each node of the Orders view is shown: label, description, tooltip, icon, context value (for
// the menus) and the command a click runs. Pure: ordersView.ts copies this onto a vscode.TreeItem,
// and the unit tests read it directly. No vscode import.
import * as path from 'node:path';
import { orderNumberOf, outcomeOf, outcomeText, type Outcome } from '../../../common/src/protocol';
import type { HistoryEntry, OrderEntry, OrdersModel, OrdersNode, ProblemCounts } from './ordersModel';

export const ORDERS_VIEW_ID = 'certOrder.orders';

/** The view's own commands; each takes the node it was run on. */
export const ORDERS_VIEW_COMMANDS = {
  refresh: 'certOrder.orders.refresh',
  open: 'certOrder.orders.open',
  submitToDemo: 'certOrder.orders.submitToDemo',
  submitToProduction: 'certOrder.orders.submitToProduction',
  decodeCsr: 'certOrder.orders.decodeCsr',
  createKeyAndCsr: 'certOrder.orders.createKeyAndCsr',
  showSubmission: 'certOrder.orders.showSubmission',
  copyOrderNumber: 'certOrder.orders.copyOrderNumber',
  openHistoryFile: 'certOrder.orders.openHistoryFile',
  openAsSent: 'certOrder.orders.openAsSent',
  openReadme: 'certOrder.orders.openReadme',
} as const;

export interface ItemView {
  /** Stable across refreshes, so an expanded order stays expanded. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id and, for a warning or a success, a theme colour id. */
  icon?: { id: string; color?: string };
  contextValue: string;
  /** undefined: no children. */
  collapsed?: boolean;
  /** Run on a click, with the node as its argument. */
  command?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function problemText(p: ProblemCounts): string | undefined {
  const parts = [
    ...(p.errors > 0 ? [plural(p.errors, 'error')] : []),
    ...(p.warnings > 0 ? [plural(p.warnings, 'warning')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The answer could not be read or did not come: the CA may hold an order all the same. */
export function mayHaveBeenPlaced(outcome: Outcome): boolean {
  return outcome === 'maybe-placed' || outcome === 'unexpected';
}

/** What the view says about an order's submissions: placed in production, and the last one's doubt. */
export interface OrderState {
  /** The newest production submission that placed an order, if any. */
  production?: HistoryEntry;
  /** The newest submission may have been placed (a second send would be a second order). */
  maybePlaced: boolean;
}

export function orderState(submissions: readonly HistoryEntry[]): OrderState {
  const production = submissions.find(
    (s) => s.record.environment === 'production' && outcomeOf(s.record) === 'success',
  );
  const last = submissions[0];
  return {
    ...(production ? { production } : {}),
    maybePlaced: !!last && mayHaveBeenPlaced(outcomeOf(last.record)),
  };
}

function orderItem(model: OrdersModel, order: OrderEntry, folderLabel: string): ItemView {
  const submissions = model.submissionsOf(order.file);
  const state = orderState(submissions);
  const number = state.production ? orderNumberOf(state.production.record) : undefined;
  const placed = state.production ? `placed in production${number ? ` (${number})` : ''}` : undefined;
  const doubt = state.maybePlaced ? 'last submission may have been placed' : undefined;
  const problems = problemText(order.problems);
  const { facts } = order;
  const description = [placed, doubt, facts.api, facts.summary || undefined, problems]
    .filter((p): p is string => p !== undefined)
    .join(' · ');
  const flags = [
    ...(state.production ? ['production-placed'] : []),
    ...(state.maybePlaced ? ['maybe-placed'] : []),
  ];
  const icon = state.maybePlaced
    ? { id: 'warning', color: 'list.warningForeground' }
    : state.production
      ? { id: 'pass-filled', color: 'testing.iconPassed' }
      : order.problems.errors > 0
        ? { id: 'error', color: 'list.errorForeground' }
        : { id: 'file' };
  const tooltip = [
    order.file,
    facts.details,
    problems ? `Problems: ${problems}` : 'No problems',
    ...(doubt
      ? ['The last submission may have been placed: check with the CA before sending it again.']
      : []),
    submissions.length > 0 ? `${plural(submissions.length, 'submission')}` : 'Not submitted yet',
  ].join('\n');
  return {
    id: `order:${order.file}`,
    label: folderLabel,
    description,
    tooltip,
    icon,
    contextValue: ['order', ...flags].join(' '),
    collapsed: submissions.length > 0 ? true : undefined,
    command: ORDERS_VIEW_COMMANDS.open,
  };
}

/** `2026-12-03 06:10:00 UTC` from the record's ISO time (one form, whatever the locale). */
export function recordTime(startedAt: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(startedAt);
  return m ? `${m[1]} ${m[2]} UTC` : startedAt;
}

/** The outcome in a few words: placed with its number, refused with the CA's status, ... */
export function outcomeWords(entry: HistoryEntry): string {
  const { record } = entry;
  const outcome = outcomeOf(record);
  const parsed = record.parsed;
  if (outcome === 'success') {
    const number = orderNumberOf(record);
    return number ? `placed, order ${number}` : 'placed';
  }
  if (outcome === 'error' && parsed?.kind === 'error')
    return `refused: ${parsed.statusCode} ${parsed.message}`;
  if (outcome === 'not-sent') return 'not sent';
  return outcomeText(outcome).replace(/^May/, 'may');
}

const OUTCOME_ICON: Record<Outcome, { id: string; color?: string }> = {
  success: { id: 'pass', color: 'testing.iconPassed' },
  error: { id: 'error', color: 'list.errorForeground' },
  'not-sent': { id: 'circle-slash' },
  'maybe-placed': { id: 'warning', color: 'list.warningForeground' },
  unexpected: { id: 'warning', color: 'list.warningForeground' },
};

function submissionItem(entry: HistoryEntry, withOrderName: boolean): ItemView {
  const { record, file } = entry;
  const outcome = outcomeOf(record);
  const number = orderNumberOf(record);
  const where = file ? undefined : 'in memory only (history not written)';
  const description = [
    ...(withOrderName ? [path.basename(record.orderFile)] : []),
    outcomeWords(entry),
    ...(where ? [where] : []),
  ].join(' · ');
  const tooltip = [
    `${outcomeText(outcome)} (${record.environment})`,
    `Order file: ${record.orderFile}`,
    `Endpoint: ${record.endpoint}`,
    `Started: ${record.startedAt}, ${record.durationMs} ms`,
    file ? `History file: ${file}` : 'Kept in memory for this window only: the history could not be written.',
  ].join('\n');
  return {
    id: `submission:${record.id}`,
    label: `${record.environment} · ${recordTime(record.startedAt)}`,
    description,
    tooltip,
    icon: OUTCOME_ICON[outcome],
    contextValue: ['submission', ...(number ? ['numbered'] : []), file ? 'on-disk' : 'in-memory'].join(' '),
    command: ORDERS_VIEW_COMMANDS.showSubmission,
  };
}

export function itemView(model: OrdersModel, node: OrdersNode): ItemView {
  switch (node.kind) {
    case 'folder':
      return {
        id: `folder:${node.folder.path}`,
        label: node.folder.name,
        tooltip: node.folder.path,
        icon: { id: 'root-folder' },
        contextValue: 'folder',
        collapsed: false,
      };
    case 'order':
      return orderItem(model, node.order, model.relativeName(node.order, node.folder));
    case 'other':
      return {
        id: 'other',
        label: 'Other submissions',
        description: `${plural(model.otherSubmissions().length, 'submission')} of order files no longer in the workspace`,
        tooltip: 'Submissions whose order file was deleted, renamed or moved.',
        icon: { id: 'history' },
        contextValue: 'other',
        collapsed: true,
      };
    case 'submission':
      return submissionItem(node.entry, node.other === true);
  }
}
