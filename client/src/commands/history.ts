// "Show Order History": a quick pick of every readable record (newest first), or one record by id
// (the panel's and the tests' way in). Unreadable entries are counted, never block the rest.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { orderNumberOf, outcomeOf, outcomeText, type SubmissionRecord } from '../../../common/src/protocol';
import type { HistoryStore } from '../history/store';
import type { SubmissionPanel } from '../panel/panel';

export function showHistoryCommand(
  history: HistoryStore,
  panel: SubmissionPanel,
): (recordId?: unknown) => Promise<SubmissionRecord | undefined> {
  return async (recordId) => {
    const { records, skippedCount } = await history.listAll();
    if (typeof recordId === 'string') {
      const record = records.find((r) => r.id === recordId);
      if (record) panel.show(record);
      return record;
    }
    if (records.length === 0) {
      void vscode.window.showInformationMessage(
        skippedCount > 0
          ? `No readable submissions (${skippedCount} entries could not be read).`
          : 'No submissions yet.',
      );
      return undefined;
    }
    type Item = vscode.QuickPickItem & { record: SubmissionRecord };
    const items: Item[] = records.map((record) => {
      const outcome = outcomeOf(record);
      const number = orderNumberOf(record);
      const icon =
        outcome === 'success'
          ? '$(pass)'
          : outcome === 'error' || outcome === 'not-sent'
            ? '$(error)'
            : '$(warning)';
      return {
        record,
        label: `${icon} ${number ? `${number} · ` : ''}${path.basename(record.orderFile)}`,
        description: `${record.environment} · ${record.apiTitle}`,
        detail: `${record.startedAt} · ${outcomeText(outcome)} · ${record.durationMs} ms`,
      };
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: `Order history${skippedCount > 0 ? ` (${skippedCount} unreadable entries skipped)` : ''}`,
      placeHolder: 'Pick a submission to show it in the panel',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) panel.show(picked.record);
    return picked?.record;
  };
}
