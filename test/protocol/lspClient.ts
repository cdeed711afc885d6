// A small LSP client over stdio for protocol tests: spawns `node server/out/server.js --stdio`,
// answers the server's requests (workspace/configuration), and lets a test await the next
// diagnostics of a document instead of sleeping. They are pushed (publishDiagnostics), or, with
// `pull`, pulled as VS Code's client pulls them (diagnosticPuller.ts).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { DiagnosticPuller, type Published } from './diagnosticPuller';

export type { Published } from './diagnosticPuller';

export const SERVER = path.join(__dirname, '..', '..', 'server', 'out', 'server.js');

export interface ShownMessage {
  /** MessageType: 1 error, 2 warning, 3 info, 4 log. */
  type: number;
  message: string;
}

interface Waiter {
  uri: string;
  version?: number;
  /** Instead of a version: the first publication that satisfies it. */
  test?: (p: Published) => boolean;
  resolve: (p: Published) => void;
  reject: (e: Error) => void;
}

export interface StartOptions {
  /** Workspace folders sent in `initialize` (file: URIs). */
  workspaceFolders?: string[];
  /** Announce dynamic registration of file watchers (as VS Code does). */
  watchFiles?: boolean;
  /** `initializationOptions.workspaceTrusted`; default true. */
  trusted?: boolean;
  /** Pull diagnostics, as VS Code does, instead of having them pushed. */
  pull?: boolean;
  /** With `pull`: false to pull documents only, until `startWorkspacePull` (default true). */
  pullWorkspace?: boolean;
  /** Announce workspace folder changes (`changeFolders`), as VS Code does. */
  folderEvents?: boolean;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** Settings the client answers workspace/configuration with (the `certOrder` section). */
  settings: unknown = null;
  configurationRequests = 0;
  /** The sections asked for in workspace/configuration, in order. */
  readonly sections: (string | undefined)[] = [];
  /** The last diagnostics published for each URI. */
  readonly latest = new Map<string, Published>();
  /** client/registerCapability registrations, in order. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Error-level window/logMessage: a handler failed (the server caught it). */
  readonly errors: string[] = [];
  /** window/showMessage notifications, in order. */
  readonly messages: ShownMessage[] = [];
  private messageWaiters: {
    test: (m: ShownMessage) => boolean;
    resolve: (m: ShownMessage) => void;
    reject: (e: Error) => void;
  }[] = [];
  private waiters: Waiter[] = [];
  /** Pull mode (`pull`): the documents shown, the resultIds held, the workspace request. */
  private puller: DiagnosticPuller | undefined;
  /** The workspace folders, as workspace/workspaceFolders answers. */
  folders: { uri: string; name: string }[] = [];
  /** The capabilities of the server's `initialize` answer. */
  serverCapabilities: Record<string, unknown> = {};
  /** Pull mode: publishDiagnostics notifications received (there should be none). */
  pushed = 0;
  private exited = false;
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', (code) => {
      this.exited = true;
      for (const w of this.waiters) w.reject(new Error(`server exited (${code}): ${this.stderr}`));
      this.waiters = [];
      for (const w of this.messageWaiters) w.reject(new Error(`server exited (${code}): ${this.stderr}`));
      this.messageWaiters = [];
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => {
        this.sections.push(item.section);
        // `certOrder` is `settings`; a sub-section (`certOrder.diagnostics`) is its part of it.
        if (!item.section || item.section === 'certOrder') return this.settings;
        return item.section
          .split('.')
          .slice(1)
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k] ?? null, this.settings);
      });
    });
    this.connection.onRequest(
      'client/registerCapability',
      (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...p.registrations);
        return null;
      },
    );
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(p.message);
    });
    this.connection.onNotification('window/showMessage', (m: ShownMessage) => {
      this.messages.push(m);
      const waiter = this.messageWaiters.find((w) => w.test(m));
      if (waiter) {
        this.messageWaiters.splice(this.messageWaiters.indexOf(waiter), 1);
        waiter.resolve(m);
      }
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.pushed++;
      this.received(p);
    });
    this.connection.onRequest('workspace/workspaceFolders', () => this.folders);
    this.connection.listen();
  }

  private received(p: Published): void {
    this.latest.set(p.uri, p);
    const waiter = this.waiters.find(
      (w) => w.uri === p.uri && (w.test ? w.test(p) : w.version === undefined || w.version === p.version),
    );
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(p);
    }
  }

  /** Pull mode: workspace/diagnostic/refresh requests received. */
  get refreshes(): number {
    return this.puller?.refreshes ?? 0;
  }

  /** Pull mode: starts the workspace pull (at once unless `pullWorkspace: false`). */
  startWorkspacePull(): void {
    this.puller?.startWorkspace();
  }

  /** A server on the workspace folder `root`, with file watchers and workspace diagnostics on. */
  static async startOnFolder(root: string, options: { pull?: boolean } = {}): Promise<LspClient> {
    const client = await LspClient.start({
      workspaceFolders: [pathToFileURL(root).href],
      watchFiles: true,
      folderEvents: true,
      pull: options.pull,
    });
    client.settings = { diagnostics: { workspace: true } };
    return client;
  }

  /** Folders added to and removed from the workspace (workspace/didChangeWorkspaceFolders). */
  async changeFolders(added: string[], removed: string[]): Promise<void> {
    this.folders = [
      ...this.folders.filter((f) => !removed.includes(f.uri)),
      ...added.map((uri) => ({ uri, name: uri })),
    ];
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: {
        added: added.map((uri) => ({ uri, name: uri })),
        removed: removed.map((uri) => ({ uri, name: uri })),
      },
    });
  }

  /** Stops the server after checking that no handler failed, and removes the folder `root`. */
  async stopAndRemove(root: string): Promise<void> {
    assert.deepEqual(this.errors, [], 'no handler failed');
    await this.stop();
    rmSync(root, { recursive: true, force: true });
  }

  /**
   * Starts a server as the extension's client does: by default a trusted window (so an order outside
   * every folder has its references read in its own folder).
   */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    client.folders = (options.workspaceFolders ?? []).map((uri) => ({ uri, name: uri }));
    const workspace = {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      // Folders added and removed (changeFolders), as VS Code reports them.
      ...(options.folderEvents ? { workspaceFolders: true } : {}),
      ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
    };
    const initialized = await client.connection.sendRequest<{ capabilities: Record<string, unknown> }>(
      'initialize',
      {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: options.workspaceFolders?.map((uri) => ({ uri, name: uri })) ?? null,
        initializationOptions: { workspaceTrusted: options.trusted ?? true },
        capabilities: {
          workspace,
          textDocument: {
            publishDiagnostics: { versionSupport: true },
            ...(options.pull
              ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } }
              : {}),
          },
        },
      },
    );
    client.serverCapabilities = initialized.capabilities;
    await client.connection.sendNotification('initialized', {});
    if (options.pull) {
      client.puller = new DiagnosticPuller(
        client.connection,
        (p) => client.received(p),
        (uri) => client.latest.get(uri)?.diagnostics,
      );
      if (options.pullWorkspace !== false) client.puller.startWorkspace();
    }
    return client;
  }

  /** The server's process id: its memory is read from /proc/PID/status. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The next diagnostics published for `uri` (and `version`): register before causing them. */
  nextDiagnostics(uri: string, version?: number): Promise<Published> {
    if (this.exited) return Promise.reject(new Error('server exited'));
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  /**
   * Diagnostics of `uri` that satisfy `test`: the last ones published if they do, else the next
   * that do (a workspace check publishes without a version, at a time of its own).
   */
  waitForDiagnostics(uri: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    const last = this.latest.get(uri);
    if (last && test(last)) return Promise.resolve(last);
    if (this.exited) return Promise.reject(new Error('server exited'));
    return new Promise((resolve, reject) => this.waiters.push({ uri, test, resolve, reject }));
  }

  /** A window/showMessage that satisfies `test`: one already shown, else the next. */
  waitForMessage(test: (m: ShownMessage) => boolean): Promise<ShownMessage> {
    const shown = this.messages.find(test);
    if (shown) return Promise.resolve(shown);
    if (this.exited) return Promise.reject(new Error('server exited'));
    return new Promise((resolve, reject) => this.messageWaiters.push({ test, resolve, reject }));
  }

  async open(uri: string, text: string, version = 1, languageId = 'cert-order'): Promise<Published> {
    this.puller?.show(uri);
    const published = this.puller ? undefined : this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return published ?? this.puller!.pullDocument(uri, version);
  }

  async change(uri: string, text: string, version: number): Promise<Published> {
    const published = this.puller ? undefined : this.nextDiagnostics(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return published ?? this.puller!.pullDocument(uri, version);
  }

  /** Closes the document; resolves with its next diagnostics (that satisfy `test`). */
  async close(uri: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    const next = () =>
      new Promise<Published>((resolve, reject) => this.waiters.push({ uri, test, resolve, reject }));
    // As VS Code closes a tab: one more pull, whose answer it drops, then didClose; from then on
    // the workspace's reports count for the document.
    await this.puller?.hide(uri);
    const published = next();
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return published;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    this.puller?.stop();
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null);
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/**
 * One server for the enclosing `describe`: started before its tests; after them, asserts that no
 * handler failed and stops it. `use` receives the client, so tests keep a plain `client` variable.
 */
export function useLspClient(use: (client: LspClient) => void): void {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start();
    use(client);
  });
  after(async () => {
    if (!client) return;
    assert.deepEqual(client.errors, [], 'no handler failed');
    await client.stop();
  });
}
