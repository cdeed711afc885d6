// The Orders view's content, without VS Code: the workspace's order files grouped by folder, each
// with what the view says about it and its submissions newest first, and the submissions whose
// order file is gone. Kept up to date one change at a time (an order added, changed or removed,
// a record written, problem counts changed), so no change reads the whole history again.
// ordersView.ts turns the nodes into tree items. No vscode import.
import * as path from 'node:path';
import { isInsideFolder } from '../../../common/src/protocol/csrFile';
import type { SubmissionRecord } from '../../../common/src/protocol';
import type { OrderFacts } from './orderFacts';

export interface WorkspaceFolderRef {
  name: string;
  path: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export const NO_PROBLEMS: ProblemCounts = { errors: 0, warnings: 0 };

export interface OrderEntry {
  /** Absolute path of the order file. */
  file: string;
  facts: OrderFacts;
  problems: ProblemCounts;
}

export interface HistoryEntry {
  record: SubmissionRecord;
  /** The record's history file; undefined when it is kept in memory only (history unwritable). */
  file?: string;
}

export type OrdersNode =
  | { kind: 'folder'; folder: WorkspaceFolderRef }
  | { kind: 'order'; order: OrderEntry; folder?: WorkspaceFolderRef }
  /** `other`: listed under "Other submissions" (its order file is gone). */
  | { kind: 'submission'; entry: HistoryEntry; other?: true }
  | { kind: 'other' };

/** Newest first; records started at the same time in a fixed order (by id). */
function newerFirst(a: HistoryEntry, b: HistoryEntry): number {
  const byTime = b.record.startedAt.localeCompare(a.record.startedAt);
  return byTime !== 0 ? byTime : b.record.id.localeCompare(a.record.id);
}

export class OrdersModel {
  private folders: WorkspaceFolderRef[] = [];
  private readonly orders = new Map<string, OrderEntry>();
  /** Submissions by order file (the record's `orderFile`), newest first. */
  private readonly submissions = new Map<string, HistoryEntry[]>();
  private readonly byId = new Map<string, HistoryEntry>();
  /** Order files by the `file:` CSR they name (facts.csrFile), to read again when it changes. */
  private readonly csrUsers = new Map<string, Set<string>>();

  setFolders(folders: readonly WorkspaceFolderRef[]): void {
    this.folders = [...folders];
  }

  get orderCount(): number {
    return this.orders.size;
  }

  orderFiles(): string[] {
    return [...this.orders.keys()];
  }

  order(file: string): OrderEntry | undefined {
    return this.orders.get(file);
  }

  /** Adds or replaces an order file's facts (its problem counts are kept). */
  setOrder(file: string, facts: OrderFacts, problems?: ProblemCounts): void {
    const old = this.orders.get(file);
    if (old?.facts.csrFile !== facts.csrFile) {
      this.forgetCsrUse(file, old?.facts.csrFile);
      if (facts.csrFile !== undefined) {
        let users = this.csrUsers.get(facts.csrFile);
        if (!users) this.csrUsers.set(facts.csrFile, (users = new Set()));
        users.add(file);
      }
    }
    this.orders.set(file, { file, facts, problems: problems ?? old?.problems ?? NO_PROBLEMS });
  }

  private forgetCsrUse(file: string, csrFile: string | undefined): void {
    if (csrFile === undefined) return;
    const users = this.csrUsers.get(csrFile);
    users?.delete(file);
    if (users?.size === 0) this.csrUsers.delete(csrFile);
  }

  /** The order files whose `file:` CSR is this file (read again when it changes on disk). */
  ordersUsingCsr(csrFile: string): string[] {
    return [...(this.csrUsers.get(csrFile) ?? [])];
  }

  clearOrders(): void {
    this.orders.clear();
    this.csrUsers.clear();
  }

  /** Its submissions stay, and are listed under "Other submissions" from now on. */
  removeOrder(file: string): boolean {
    this.forgetCsrUse(file, this.orders.get(file)?.facts.csrFile);
    return this.orders.delete(file);
  }

  /** Whether the counts changed (the view is refreshed only then). */
  setProblems(file: string, problems: ProblemCounts): boolean {
    const entry = this.orders.get(file);
    if (!entry) return false;
    if (entry.problems.errors === problems.errors && entry.problems.warnings === problems.warnings)
      return false;
    entry.problems = problems;
    return true;
  }

  /** Replaces the whole history (the first listing, or a change of history folders). */
  setHistory(records: readonly SubmissionRecord[], files: ReadonlyMap<string, string>): void {
    this.submissions.clear();
    this.byId.clear();
    for (const record of records) this.push({ record, file: files.get(record.id) });
    for (const list of this.submissions.values()) list.sort(newerFirst);
  }

  /** One record just written (or kept in memory); false when it was already listed. */
  addRecord(entry: HistoryEntry): boolean {
    if (this.byId.has(entry.record.id)) return false;
    const list = this.push(entry);
    // A new record is almost always the newest: found from the front.
    const at = list.findIndex((e) => e !== entry && newerFirst(entry, e) < 0);
    list.pop();
    list.splice(at < 0 ? list.length : at, 0, entry);
    return true;
  }

  private push(entry: HistoryEntry): HistoryEntry[] {
    this.byId.set(entry.record.id, entry);
    let list = this.submissions.get(entry.record.orderFile);
    if (!list) this.submissions.set(entry.record.orderFile, (list = []));
    list.push(entry);
    return list;
  }

  submission(id: string): HistoryEntry | undefined {
    return this.byId.get(id);
  }

  submissionsOf(file: string): readonly HistoryEntry[] {
    return this.submissions.get(file) ?? [];
  }

  private folderOf(file: string): WorkspaceFolderRef | undefined {
    // The innermost folder, should one workspace folder be inside another.
    let best: WorkspaceFolderRef | undefined;
    for (const f of this.folders)
      if (isInsideFolder(file, f.path) && (!best || f.path.length > best.path.length)) best = f;
    return best;
  }

  private ordersIn(folder: WorkspaceFolderRef | undefined): OrdersNode[] {
    const out: { node: OrdersNode; key: string }[] = [];
    for (const order of this.orders.values()) {
      const of = this.folderOf(order.file);
      if (of?.path !== folder?.path) continue;
      out.push({ node: { kind: 'order', order, ...(of ? { folder: of } : {}) }, key: order.file });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key)).map((o) => o.node);
  }

  /**
   * Submissions of order files that are not (or no longer) orders of the workspace, newest first.
   * Only files inside a workspace folder: the global history also holds other workspaces' orders.
   */
  otherSubmissions(): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (const [file, list] of this.submissions)
      if (!this.orders.has(file) && this.folderOf(file)) out.push(...list);
    return out.sort(newerFirst);
  }

  /** The top level: one folder's orders directly, several folders as folder nodes. */
  roots(): OrdersNode[] {
    const other: OrdersNode[] = this.otherSubmissions().length > 0 ? [{ kind: 'other' }] : [];
    if (this.folders.length === 1) return [...this.ordersIn(this.folders[0]), ...other];
    const folders = this.folders
      .filter((folder) => this.ordersIn(folder).length > 0)
      .map((folder): OrdersNode => ({ kind: 'folder', folder }));
    return [...folders, ...other];
  }

  children(node: OrdersNode): OrdersNode[] {
    switch (node.kind) {
      case 'folder':
        return this.ordersIn(node.folder);
      case 'order':
        return this.submissionsOf(node.order.file).map((entry) => ({ kind: 'submission', entry }));
      case 'other':
        return this.otherSubmissions().map((entry) => ({ kind: 'submission', entry, other: true }));
      case 'submission':
        return [];
    }
  }

  /** The order file's path relative to its folder (the label), or its name. */
  relativeName(order: OrderEntry, folder: WorkspaceFolderRef | undefined): string {
    return folder ? path.relative(folder.path, order.file) : path.basename(order.file);
  }
}
