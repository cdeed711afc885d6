// Every order of the workspace in the Problems panel, opened or not (issue 10): the workspace
// folders are searched for `*.order.json` when the workspace opens, and an order is checked again
// when it changes on disk or when a CSR file it references does. Its diagnostics go where an open
// document's go (diagnosticsOut.ts: the client's workspace pull, or pushed without a version to a
// client that does not pull). Changes come from the client's file watchers
// (workspace/didChangeWatchedFiles, registered here). An open document wins: its diagnostics are
// the editor's; when it closes, the disk's come back. The work is done one file at a time, each
// followed by a turn of the event loop, so a didChange on an open order is answered in between.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Diagnostic,
  type FileEvent,
  WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticsOut } from './diagnosticsOut';
import { MAX_ORDER_FILE_BYTES, findOrderFiles, IGNORED_FOLDERS, readBounded } from './localFiles';
import { DIAGNOSTIC_SOURCE, type OrderLanguageService } from './service';
import type { SettingsSource } from './settings';

const ORDER_SUFFIX = '.order.json';
/** What a `file:` CSR reference names, as the watchers see it. */
const CSR_WATCH = '**/*.{csr,pem,der}';

export interface WorkspaceOrdersDeps {
  connection: Connection;
  /** Where the diagnostics of disk orders go. */
  out: DiagnosticsOut;
  service: OrderLanguageService;
  settings: SettingsSource;
  /** Whether the editor holds the document (then its diagnostics are the editor's). */
  isOpen(uri: string): boolean;
  /** Open orders that use a CSR file that changed: validated again by the open-document path. */
  revalidateOpen(uri: string): void;
  log(message: string): void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function isOrderUri(uri: string): boolean {
  return uri.startsWith('file:') && uri.toLowerCase().endsWith(ORDER_SUFFIX);
}

function inIgnoredFolder(filePath: string): boolean {
  return filePath.split(/[\\/]/).some((segment) => IGNORED_FOLDERS.includes(segment));
}

export class WorkspaceOrders {
  /** Workspace folder paths. */
  private folders: string[] = [];
  private enabled = true;
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private working = false;
  /** The order being checked, and whether it was deleted meanwhile (its result is dropped). */
  private checking: string | undefined;
  private checkingGone = false;
  /** Disk orders whose diagnostics are published (so they can be cleared). */
  private readonly published = new Set<string>();
  /** CSR file URI -> the orders (open or not) that reference it. */
  private readonly csrUsers = new Map<string, Set<string>>();
  private readonly csrsOf = new Map<string, Set<string>>();
  /** Resolves when the queue is empty (for the bench and tests through `idle`). */
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: WorkspaceOrdersDeps) {}

  /** Sets the folders (file: URIs; others are not searched) and searches them. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    // The orders of a folder taken out of the workspace go with it.
    for (const known of this.known()) if (!this.inFolders(known)) this.forget(known);
    void this.rescan();
  }

  /**
   * Every order of the folders checked again: what they are checked against changed (the
   * settings, the workspace trust that decides which `file:` references may be read).
   */
  recheck(): void {
    for (const uri of this.published) this.enqueue(uri);
  }

  /** `certOrder.diagnostics.workspace`: off clears every disk order's diagnostics. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (enabled) {
      void this.rescan();
      return;
    }
    for (const uri of this.known()) if (!this.deps.isOpen(uri)) this.deps.out.clear(uri);
    if (this.checking) this.checkingGone = true;
    this.queue.length = 0;
    this.queued.clear();
    this.published.clear();
  }

  /** Registers the client's watchers for order and CSR files (when it supports dynamic registration). */
  async watch(): Promise<void> {
    await this.deps.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: `**/*${ORDER_SUFFIX}` },
        { globPattern: CSR_WATCH },
        // A deleted folder is one event for the folder, none for the orders inside it. A created
        // folder is searched: a file written into a folder the moment it is made (a checkout, an
        // unpacked archive, VS Code's writeFile of a new path) can come before the OS watcher
        // watches that folder, and then no event ever names it.
        { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
      ],
    });
  }

  async rescan(): Promise<void> {
    if (!this.enabled) return;
    for (const folder of this.folders) {
      let files: string[];
      try {
        files = await findOrderFiles(folder);
      } catch (err) {
        this.deps.log(`workspace orders: cannot search ${folder}: ${String(err)}`);
        continue;
      }
      for (const file of files) this.enqueue(pathToFileURL(file).href);
    }
  }

  /** workspace/didChangeWatchedFiles. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const { uri, type } of changes) {
      if (isOrderUri(uri)) {
        if (type === FileChangeType.Deleted) this.forget(uri);
        else this.enqueue(uri);
      } else if (type === FileChangeType.Deleted) {
        const inside = `${uri.replace(/\/$/, '')}/`;
        for (const known of this.known()) if (known.startsWith(inside)) this.forget(known);
      } else if (type === FileChangeType.Created) void this.searchCreated(uri);
      // A CSR (or any watched file an order names) changed: its users are checked again.
      for (const user of this.csrUsers.get(uri) ?? []) {
        if (this.deps.isOpen(user)) this.deps.revalidateOpen(user);
        else this.enqueue(user);
      }
    }
  }

  /** A created path that is a folder inside the workspace: its orders are checked. */
  private async searchCreated(uri: string): Promise<void> {
    if (!this.enabled || !uri.startsWith('file:')) return;
    const folder = fileURLToPath(uri);
    if (!this.inFolders(uri) || inIgnoredFolder(folder)) return;
    try {
      if (!(await stat(folder)).isDirectory()) return;
      for (const file of await findOrderFiles(folder)) this.enqueue(pathToFileURL(file).href);
    } catch {
      // Gone again, or not readable: nothing of it to check.
    }
  }

  /** The editor opened an order: its own diagnostics follow; a queued disk check is dropped. */
  opened(uri: string): void {
    if (this.queued.delete(uri)) this.queue.splice(this.queue.indexOf(uri), 1);
    this.published.delete(uri);
  }

  /**
   * The editor closed a document: an order inside a workspace folder gets its disk diagnostics
   * back; anything else is cleared. True when the disk check takes over.
   */
  closed(uri: string): boolean {
    if (!this.enabled || !isOrderUri(uri) || !this.inFolders(uri)) return false;
    // Not searched there: cleared like an order outside the folders.
    if (inIgnoredFolder(fileURLToPath(uri))) return false;
    // Until the disk's come, the editor's diagnostics stand for it: a deletion or the setting
    // turned off before then clears them.
    this.published.add(uri);
    this.enqueue(uri);
    return true;
  }

  /** Which CSR files an order references (recorded for open and disk orders alike). */
  recordCsrs(uri: string, csrUris: readonly string[]): void {
    for (const old of this.csrsOf.get(uri) ?? []) this.csrUsers.get(old)?.delete(uri);
    this.csrsOf.set(uri, new Set(csrUris));
    for (const csr of csrUris) {
      let users = this.csrUsers.get(csr);
      if (!users) this.csrUsers.set(csr, (users = new Set()));
      users.add(uri);
    }
  }

  /** Resolves once every queued order has been checked. */
  idle(): Promise<void> {
    if (!this.working && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private inFolders(uri: string): boolean {
    const file = fileURLToPath(uri);
    return this.folders.some((folder) => {
      const rel = path.relative(folder, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  private enqueue(uri: string): void {
    if (!this.enabled || this.deps.isOpen(uri) || this.queued.has(uri)) return;
    if (!this.inFolders(uri) || inIgnoredFolder(fileURLToPath(uri))) return;
    this.queued.add(uri);
    this.queue.push(uri);
    if (!this.working) void this.work();
  }

  /** The orders published, queued, or being checked. */
  private known(): string[] {
    return [...new Set([...this.published, ...this.queued, ...(this.checking ? [this.checking] : [])])];
  }

  private forget(uri: string): void {
    if (uri === this.checking) this.checkingGone = true;
    if (this.queued.delete(uri)) this.queue.splice(this.queue.indexOf(uri), 1);
    this.recordCsrs(uri, []);
    this.csrsOf.delete(uri);
    this.published.delete(uri);
    if (!this.deps.isOpen(uri)) this.deps.out.clear(uri);
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      for (let uri = this.queue.shift(); uri !== undefined; uri = this.queue.shift()) {
        this.queued.delete(uri);
        this.checking = uri;
        this.checkingGone = false;
        try {
          await this.check(uri);
        } catch (err) {
          // One order that cannot be checked never holds up the others.
          this.deps.log(`workspace orders: ${uri} not checked: ${String(err)}`);
        } finally {
          this.checking = undefined;
        }
        // The editor's messages (a keystroke in an open order) are answered between two files.
        await turn();
      }
    } finally {
      this.working = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async check(uri: string): Promise<void> {
    let text: string;
    try {
      text = (await readBounded(fileURLToPath(uri))).toString('utf8');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/too large/.test(message)) {
        // Past the bound the file is not read at all; the service says the same of a smaller one.
        return this.settle(uri, [tooLarge()]);
      }
      // Gone since it was found, or not a regular file: nothing of it to report.
      this.deps.log(`workspace orders: ${uri} not checked: ${message}`);
      return this.settle(uri, []);
    }
    const document = TextDocument.create(uri, 'cert-order', 0, text);
    const settings = await this.deps.settings.for(uri);
    const diagnostics = await this.deps.service.doValidation(document, settings);
    this.recordCsrs(uri, this.deps.service.getCsrFileReferences(document));
    this.settle(uri, diagnostics);
  }

  /** Reports unless the editor opened the order meanwhile, it was deleted, or the setting went off. */
  private settle(uri: string, diagnostics: Diagnostic[]): void {
    if (!this.enabled || this.deps.isOpen(uri)) return;
    // Deleted while it was read: an event for it came in, and its problems are gone with it.
    if (uri === this.checking && this.checkingGone) return;
    this.published.add(uri);
    this.deps.out.set(uri, diagnostics);
  }
}

function tooLarge(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2,
    code: 'file-too-large',
    source: DIAGNOSTIC_SOURCE,
    message: `This file is larger than ${MAX_ORDER_FILE_BYTES / (1024 * 1024)} MB: it is not checked. An order is a few KB; is this the right file?`,
  };
}
