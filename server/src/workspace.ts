// Which `file:` references the server may read: only files whose real path is inside the order's
// workspace folder, the rule the submission side applies before sending a CSR
// (common/src/protocol/csrFile.ts, client/src/submission/localFile.ts). An order from someone
// else's repository must not make the server read `/etc/passwd` or `~/.ssh/id_rsa` (the hover
// would show its size and first bad character), nor a link planted in the repository to them.
//
// Without a workspace folder (a single order opened on its own) the root is the order's own folder,
// as on the submission side: the user opened that file, and its CSR lies next to it. That holds in
// a trusted window only: in an untrusted one (or when the client does not say, as a client unaware
// of workspace trust) nothing outside the workspace folders is read, so an order opened on its own
// has its references reported, not read.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import { isInsideFolder } from '../../common/src/protocol/csrFile';
import type { ReadFile } from './service';

export interface WorkspaceFolderLike {
  uri: string;
}

/** `initializationOptions` the extension's client sends (client/src/extension.ts). */
export interface ServerInitializationOptions {
  /** `vscode.workspace.isTrusted`; absent: not trusted. */
  workspaceTrusted?: boolean;
}

export class WorkspaceScope {
  private folders: string[] = [];
  private listeners: (() => void)[] = [];

  constructor(
    folders: readonly WorkspaceFolderLike[] = [],
    private trusted = false,
  ) {
    this.setFolders(folders);
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** Called when something that decides what may be read changes (trust granted, folders). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    for (const l of this.listeners) l();
  }

  setFolders(folders: readonly WorkspaceFolderLike[]): void {
    this.folders = folders.flatMap((f) => {
      try {
        return f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : [];
      } catch {
        return [];
      }
    });
    for (const l of this.listeners) l();
  }

  /**
   * The folder inside which the order's references may be read, or why none is: the innermost
   * workspace folder holding the order; else, trusted, the order's own folder.
   */
  rootFor(orderFile: string): { root: string; workspace: boolean } | { why: string } {
    const holding = this.folders.filter((f) => isInsideFolder(orderFile, f));
    if (holding.length) return { root: holding.sort((a, b) => b.length - a.length)[0], workspace: true };
    if (this.trusted) return { root: path.dirname(orderFile), workspace: false };
    return {
      why:
        'the order is outside the workspace folders and the workspace is not trusted, so no file outside them is read. ' +
        "Open the order's folder as a workspace folder (or trust the workspace), or paste the CSR into the order",
    };
  }
}

/**
 * A ReadFile that reads a reference only if its real path is inside the order's root, then as
 * `read` does (bounded); `realpath` resolves links (the command line's remembers, for its run).
 * Without an order (a `.csr` file the user asked to decode) the file is the
 * user's own choice: only bounded.
 */
export function containedReader(
  scope: WorkspaceScope,
  read: ReadFile,
  realpath: (path: string) => Promise<string> = fs.realpath,
): ReadFile {
  return async (uri, orderUri) => {
    if (!orderUri?.startsWith('file:') || !uri.startsWith('file:')) return read(uri);
    const order = fileURLToPath(orderUri);
    const file = fileURLToPath(uri);
    const where = scope.rootFor(order);
    if ('why' in where) throw new Error(where.why);
    const { root, workspace } = where;
    const folder = workspace ? "the order's workspace folder" : "the order's folder";
    const advice = 'Copy the CSR into it, or paste the CSR into the order';
    if (!isInsideFolder(file, root))
      throw new Error(`it is outside ${folder} (${root}); only files inside it are read or sent. ${advice}`);
    // A missing file rejects here with ENOENT, which the diagnostic words as before.
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    if (!isInsideFolder(real, realRoot))
      throw new Error(
        `it is a link to ${real}, outside ${folder} (${root}); only files inside it are read or sent. ${advice}`,
      );
    return read(pathToFileURL(real).href);
  };
}

/** The folders and trust of `initialize` (a client without folders may still give `rootUri`). */
export function initializeScope(scope: WorkspaceScope, params: InitializeParams): void {
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
  scope.setFolders(folders);
  const options = params.initializationOptions as ServerInitializationOptions | undefined;
  scope.setTrusted(options?.workspaceTrusted === true);
}
