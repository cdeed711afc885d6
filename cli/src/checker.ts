// The language server's checks, outside the editor: the same pure order service and CSR features
// the server builds (server/src/serverMain.ts), with Node's file system, over files on disk.
// `file:` references are read as the server reads them in a trusted window: only inside the root
// (the repository, as the workspace folder in the editor) by real path, or, for an order named
// outside the root, inside the order's own folder; always bounded (server/src/localFiles.ts).
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CsrCache, csrTextFromBytes } from '../../common/src/csr';
import { defaultSettings, type OrderSettings } from '../../common/src/settings';
import { createCsrFeatures, isCsrDocument, type CsrFeatures } from '../../server/src/csr';
import { createRunReader, listLocalDirectory, readBoundedSync } from '../../server/src/localFiles';
import { getOrderLanguageService, type OrderLanguageService, type ReadFile } from '../../server/src/service';
import { containedReader, WorkspaceScope } from '../../server/src/workspace';

export type FileKind = 'order' | 'csr';

export interface CheckedFile {
  /** As given or found, relative to the current folder where it is inside it. */
  path: string;
  uri: string;
  kind: FileKind;
  diagnostics: Diagnostic[];
}

export interface Checker {
  service: OrderLanguageService;
  csr: CsrFeatures;
  /** The CSR decode cache the CSR features share (a CSR used by many orders is decoded once). */
  cache: CsrCache;
  settings: OrderSettings;
  /** The reader of `file:` references: inside the root (or an order's own folder outside it), bounded. */
  readFile: ReadFile;
  /** Checks one file; rejects when it cannot be read. */
  check(path: string, absolutePath: string): Promise<CheckedFile>;
  /** Checks an order's text as read from `absolutePath` (its `file:` CSRs are read relative to it). */
  checkOrderText(path: string, absolutePath: string, text: string): Promise<CheckedFile>;
}

export function kindOf(path: string): FileKind {
  return isCsrDocument({ languageId: '', uri: path }) ? 'csr' : 'order';
}

/** `root`: the folder `file:` references are read inside (absolute); see files.ts findRoot. */
export function createChecker(
  root: string,
  keyPolicy: OrderSettings['csr']['keyPolicy'] = 'current',
): Checker {
  const cache = new CsrCache();
  const csr = createCsrFeatures(cache);
  // The command line is the user's own choice, as a trusted window is: an order named outside the
  // root has its references read in its own folder. Read synchronously, each file once a run.
  const run = createRunReader();
  const readFile = oncePerFolder(
    containedReader(
      new WorkspaceScope([{ uri: pathToFileURL(root).href }], true),
      run.readFile,
      run.realpath,
    ),
  );
  const service = getOrderLanguageService({
    readFile,
    listDirectory: listLocalDirectory,
    csr: csr.participant,
  });
  const settings: OrderSettings = { ...defaultSettings, csr: { ...defaultSettings.csr, keyPolicy } };
  const checkOrderText = async (path: string, absolutePath: string, text: string): Promise<CheckedFile> => {
    const uri = pathToFileURL(absolutePath).href;
    const document = TextDocument.create(uri, 'cert-order', 1, text);
    return { path, uri, kind: 'order', diagnostics: await service.doValidation(document, settings) };
  };
  return {
    service,
    csr,
    cache,
    settings,
    checkOrderText,
    readFile,
    async check(path, absolutePath) {
      const bytes = readBoundedSync(absolutePath);
      if (kindOf(path) === 'csr') {
        // A binary DER .csr becomes its PEM text, as the server reads a referenced file.
        const uri = pathToFileURL(absolutePath).href;
        const document = TextDocument.create(uri, 'cert-csr', 1, csrTextFromBytes(bytes));
        return { path, uri, kind: 'csr', diagnostics: csr.validateDocument(document, settings) };
      }
      return checkOrderText(path, absolutePath, bytes.toString('utf8'));
    },
  };
}

/**
 * A reference's answer (its bytes, or why it cannot be read) once per folder of orders: a hundred
 * orders in one folder naming `file:www.example.com.csr` resolve and check the same path against
 * the same root (the scope's answer depends on the order's folder, not its name), and the run
 * reader already keeps each file's bytes for the run. Bounded: past 4,096 answers the oldest goes.
 */
function oncePerFolder(read: ReadFile): ReadFile {
  const known = new Map<string, Promise<Uint8Array>>();
  return (uri, orderUri) => {
    const key = `${uri}\n${orderUri === undefined ? '' : orderUri.slice(0, orderUri.lastIndexOf('/') + 1)}`;
    let answer = known.get(key);
    if (!answer) {
      if (known.size >= 4096) known.delete(known.keys().next().value as string);
      answer = Promise.resolve().then(() => read(uri, orderUri));
      known.set(key, answer);
    }
    return answer;
  };
}
