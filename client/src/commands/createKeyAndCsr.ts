// "Create Key and CSR for This Order…": the key type, the names, the subject (from the order, each
// field editable), then the key and the CSR made here (common/src/csr/create) and checked by the
// language server as the order would hold them, before any file is written. Then the key goes to
// the path the user confirmed (mode 0600, encrypted when a passphrase is given), NAME.csr beside the
// order and the order's CSR field `file:NAME.csr` in one undoable edit. The private key is in
// memory and in its own file only: never in the order, the history, a log, an output channel or
// a panel, and nothing here sends it anywhere.
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CsrInputError,
  createKeyAndCsr,
  keyLabel,
  keyTypesFor,
  validateNames,
  type NewCsr,
  type NewCsrRequest,
  type SubjectInput,
} from '../../../common/src/csr/create';
import { subjectFromOrder } from '../../../common/src/csr/create/fromOrder';
import { readOrder, valueOf } from '../../../common/src/protocol';
import { addToGitignore, keyIgnoreStatus } from '../csr/gitignore';
import { pathExists, removeKey, writePrivateKey } from '../csr/keyFile';
import { baseFileName } from '../csr/orderEdit';
import { vscodeCsrUi } from '../csr/prompts';
import { SUBJECT_FIELDS, type CreateCsrUi } from '../csr/ui';
import { orderTextWith, placeCsr, settledDiagnostics, type ValidateText } from '../csr/write';
import { validateWithServer } from '../submission/serverValidation';
import { orderDocument } from './submit';

export const CREATE_KEY_AND_CSR_COMMAND = 'certOrder.createKeyAndCsr';

/** What a caller (the in-editor tests) may pass after the order's URI. */
export interface CreateKeyAndCsrOptions {
  /** Answers in place of the user's, question by question. */
  ui?: Partial<CreateCsrUi>;
  /** The git program (a missing one: the .gitignore files are read instead). */
  git?: string;
}

export interface CreateKeyAndCsrResult {
  status: 'created' | 'cancelled' | 'refused';
  reason?: string;
  csrFile?: string;
  keyFile?: string;
  encrypted?: boolean;
  /** Where the key stands with git. */
  git?: 'not-in-work-tree' | 'ignored' | 'added' | 'left';
  /** The order's diagnostics after the edit (undefined: the server did not answer). */
  diagnostics?: number;
}

/** A key and CSR made from a subject, or why the order's rules would refuse them. */
type Attempt = { made: NewCsr; problem?: undefined } | { made?: undefined; problem: string };

const SERVER_TIMEOUT_MS = 15_000;
/** How many times a refused subject is asked again before the command gives up. */
const MAX_ATTEMPTS = 20;

/** The CSR's own findings the server gives for the order holding it, that would make it unusable. */
async function csrProblem(
  document: vscode.TextDocument,
  validate: ValidateText,
  csrPem: string,
): Promise<string | undefined> {
  const text = orderTextWith(document, csrPem);
  if (text === undefined) return undefined;
  const found = await validate(document.uri.fsPath, text, SERVER_TIMEOUT_MS);
  const problem = found?.find((d) => (d.severity ?? 1) <= 2 && String(d.code ?? '').startsWith('csr-'));
  return problem?.message;
}

/** The order's `product` as the name rules read it (a number, or a list in a string). */
function productInput(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** The order's file name when it is a DNS name (`www.example.com.order.json`), as the CN's default. */
function nameFromFile(document: vscode.TextDocument): string {
  const base = path.basename(document.fileName).replace(/\.order\.json$/, '');
  return /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(base) ? base : '';
}

async function createForOrder(
  client: () => LanguageClient | undefined,
  arg: unknown,
  options: CreateKeyAndCsrOptions,
): Promise<CreateKeyAndCsrResult> {
  const ui: CreateCsrUi = { ...vscodeCsrUi(), ...options.ui };
  const cancelled: CreateKeyAndCsrResult = { status: 'cancelled' };
  const refuse = (reason: string): CreateKeyAndCsrResult => {
    ui.showError(`Create Key and CSR: ${reason}`);
    return { status: 'refused', reason };
  };
  const document = await orderDocument(arg);
  if (!document) return refuse('open a certificate order (*.order.json) first.');
  if (document.uri.scheme !== 'file')
    return refuse('save the order to a file first: the CSR is written beside it.');
  const read = readOrder(document.getText());
  if (!read.ok) return refuse(read.problem);
  const { api } = read.order;
  const policy =
    vscode.workspace.getConfiguration('certOrder', document.uri).get('csr.keyPolicy') === 'document'
      ? 'document'
      : 'current';

  const keyType = await ui.pickKeyType(keyTypesFor(policy, api.id), policy);
  if (!keyType) return cancelled;
  const product = valueOf(read.order, 'product');
  const check = (names: string[]): string | undefined =>
    validateNames(api.id, productInput(product), names).find((n) => n.problem)?.problem;
  const fromOrder = subjectFromOrder(api.id, parse(document.getText()));
  let subject: SubjectInput;
  let request: Pick<NewCsrRequest, 'dnsNames' | 'emails'>;
  let fileBase: string;
  if (api.certificateKind === 'smime') {
    const names = await ui.askSmimeNames(
      { email: fromOrder.emailAddress ?? '', name: fromOrder.commonName ?? '' },
      check,
    );
    if (!names) return cancelled;
    subject = { ...fromOrder, commonName: names.name };
    request = { dnsNames: [], emails: [names.email] };
    fileBase = baseFileName(names.email);
  } else {
    const names = await ui.askTlsNames({ commonName: nameFromFile(document), dnsNames: [] }, check);
    if (!names) return cancelled;
    subject = { ...fromOrder, commonName: names.commonName };
    request = { dnsNames: [...new Set([names.commonName, ...names.dnsNames])], emails: [] };
    fileBase = baseFileName(names.commonName);
  }

  // The subject, until the key and CSR made from it are ones the order's rules accept. The first
  // attempt is made before the subject is shown, so that the list says what is missing at once.
  const validate = validateWithServer(client);
  const attempt = (s: SubjectInput): Thenable<Attempt> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Create Key and CSR: generating the key…' },
      async () => {
        try {
          const made = await createKeyAndCsr({
            keyType,
            subject: s,
            ...request,
            keyPolicy: policy,
            api: api.id,
          });
          const problem = await csrProblem(document, validate, made.csrPem);
          return problem ? { problem } : { made };
        } catch (err) {
          if (err instanceof CsrInputError) return { problem: err.message };
          throw err;
        }
      },
    );
  let last = await attempt(subject);
  let made: NewCsr | undefined;
  for (let i = 0; !made && i < MAX_ATTEMPTS; i++) {
    const edited = await ui.editSubject(subject, `CN ${subject.commonName ?? ''}`, last.problem);
    if (!edited) return cancelled;
    const changed = SUBJECT_FIELDS.some((f) => (edited[f.field] ?? '') !== (subject[f.field] ?? ''));
    if (!changed && last.made) made = last.made;
    else {
      subject = { ...edited, commonName: subject.commonName };
      last = await attempt(subject);
      made = last.made;
    }
  }
  const problem = last.problem;
  if (!made) return refuse(problem ?? 'the CSR could not be made.');

  const folder = path.dirname(document.uri.fsPath);
  const csrPath = path.join(folder, `${fileBase}.csr`);
  if ((await pathExists(csrPath)) && !(await ui.confirmReplaceCsr(path.basename(csrPath)))) return cancelled;
  const keyPath = await ui.askKeyPath(path.join(folder, `${fileBase}.key`), folder);
  if (!keyPath) return cancelled;
  if ([csrPath, document.uri.fsPath].includes(keyPath))
    return refuse(`${path.basename(keyPath)} is the CSR or the order: the key needs a file of its own.`);
  const replaceKey = await pathExists(keyPath);
  if (replaceKey && !(await ui.confirmReplaceKey(keyPath))) return cancelled;
  const passphrase = await ui.askPassphrase();
  if (passphrase === undefined) return cancelled;
  const ignore = await keyIgnoreStatus(keyPath, options.git);
  let git: CreateKeyAndCsrResult['git'] = !ignore.workTree
    ? 'not-in-work-tree'
    : ignore.ignored
      ? 'ignored'
      : undefined;
  if (!git) {
    const gitignore = path.join(path.dirname(keyPath), '.gitignore');
    const choice = await ui.offerGitignore({ keyPath, workTree: ignore.workTree!, gitignore });
    if (!choice) return cancelled;
    // Ignored before the key exists, so that no `git add .` in between can take it.
    if (choice === 'add') await addToGitignore(keyPath);
    git = choice === 'add' ? 'added' : 'left';
  }

  const keyPem = passphrase === '' ? made.keyPem : made.encryptedKeyPem(passphrase);
  await writePrivateKey(keyPath, keyPem, replaceKey);
  const csrUri = vscode.Uri.file(csrPath);
  if (!(await placeCsr(document, csrUri, made.csrPem))) {
    await removeKey(keyPath);
    return refuse('VS Code did not apply the edit (is the order read-only?); nothing was kept.');
  }
  const diagnostics = await settledDiagnostics(document, validate, SERVER_TIMEOUT_MS);
  ui.showCreated(
    createdMessage(path.basename(csrPath), keyType, keyPath, passphrase !== '', git, diagnostics),
    csrPath,
    keyPath,
  );
  return {
    status: 'created',
    csrFile: csrPath,
    keyFile: keyPath,
    encrypted: passphrase !== '',
    git,
    diagnostics,
  };
}

const GIT_WORDS: Record<NonNullable<CreateKeyAndCsrResult['git']>, string> = {
  'not-in-work-tree': 'Its folder is in no git working tree.',
  ignored: 'Git ignores it.',
  added: "It was added to its folder's .gitignore.",
  left: 'Git does NOT ignore it: do not commit it.',
};

function createdMessage(
  csrName: string,
  keyType: NewCsrRequest['keyType'],
  keyPath: string,
  encrypted: boolean,
  git: NonNullable<CreateKeyAndCsrResult['git']>,
  diagnostics: number | undefined,
): string {
  const state =
    diagnostics === undefined
      ? 'The language server did not answer: see the Problems panel.'
      : diagnostics === 0
        ? 'The order has no problems.'
        : `The order still has ${diagnostics} problem${diagnostics === 1 ? '' : 's'}: see the Problems panel.`;
  return (
    `Created ${csrName} (${keyLabel(keyType)}) and pointed the order at it. ${state} ` +
    `The private key is in ${keyPath} (${encrypted ? 'encrypted' : 'not encrypted'}, readable by you only), ` +
    `and nowhere else: the extension never sends or stores it. ${GIT_WORDS[git]}`
  );
}

export function registerCreateKeyAndCsr(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CREATE_KEY_AND_CSR_COMMAND,
      (arg?: unknown, options?: CreateKeyAndCsrOptions) => createForOrder(client, arg, options ?? {}),
    ),
  );
}
