// "Create DCV File…" and "Copy DNS Record": the hash-based domain-control values put where they go,
// for the submission shown in the panel (its button) or the active order (palette, actions menu).
// The values are common/src/csr/dcvFile.ts's; the file is placed by dcv/placeFile.ts. Every message
// carries the convention's caveat, as the panel shows it beside the buttons.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dcvCaveat, dcvSameFileNote, type DcvPlan } from '../../../common/src/csr';
import type { SubmissionRecord } from '../../../common/src/protocol';
import { placeDcvFile } from '../dcv/placeFile';
import { sourceFromOrder, sourceFromRecord, type DcvSource } from '../dcv/sources';

export const DCV_COMMANDS = {
  createDcvFile: 'certOrder.createDcvFile',
  copyDnsRecord: 'certOrder.copyDnsRecord',
} as const;

/** The web root last used, per workspace. */
export const WEB_ROOT_KEY = 'certOrder.dcv.webRoot';
export const REPLACE = 'Replace';
const CHOOSE = 'Choose a Folder…';

/** What a test (or a caller) decides instead of the user. */
export interface DcvCommandOptions {
  /** The submission shown in the panel instead of the active order. */
  source?: 'panel';
  /** The web root: no question (remembered as if picked). */
  webRoot?: string;
  /** Use the remembered web root without asking. */
  reuseWebRoot?: boolean;
  /** The answer to "replace a different file?" without asking. */
  replace?: boolean;
}

export interface DcvCommandResult {
  status: 'written' | 'replaced' | 'same' | 'kept' | 'copied' | 'cancelled' | 'failed' | 'unavailable';
  message: string;
  file?: string;
  webRoot?: string;
  /** What was copied (Copy DNS Record). */
  text?: string;
}

export interface DcvShared {
  /** The record the panel shows. */
  panelRecord(): SubmissionRecord | undefined;
  /** The history, for the answer of an order. */
  records(): Promise<SubmissionRecord[]>;
}

function optionsOf(args: unknown[]): DcvCommandOptions {
  const found = args.find((a) => a && typeof a === 'object' && !(a instanceof vscode.Uri));
  return (found ?? {}) as DcvCommandOptions;
}

async function sourceOf(shared: DcvShared, args: unknown[], options: DcvCommandOptions): Promise<DcvSource> {
  if (options.source === 'panel') return sourceFromRecord(shared.panelRecord());
  const uri =
    args.find((a): a is vscode.Uri => a instanceof vscode.Uri) ??
    vscode.window.activeTextEditor?.document.uri;
  const isOrder = uri?.scheme === 'file' && /\.order\.json$/i.test(uri.path);
  // From the palette with the panel in front: the submission it shows.
  if (!isOrder && shared.panelRecord()) return sourceFromRecord(shared.panelRecord());
  if (!uri || !isOrder)
    return {
      ok: false,
      problem: 'Open an order (*.order.json) first, or use the button in the submission panel.',
    };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  return sourceFromOrder(uri.fsPath, text, root, await shared.records().catch(() => []));
}

async function pickWebRoot(
  context: vscode.ExtensionContext,
  options: DcvCommandOptions,
): Promise<string | undefined> {
  const remembered = context.workspaceState.get<string>(WEB_ROOT_KEY);
  let chosen = options.webRoot ?? (options.reuseWebRoot ? remembered : undefined);
  if (chosen === undefined && remembered) {
    const picked = await vscode.window.showQuickPick([remembered, CHOOSE], {
      title: 'Create DCV File: the web root (the folder the site is served from)',
    });
    if (picked === undefined) return undefined;
    if (picked !== CHOOSE) chosen = picked;
  }
  if (chosen === undefined) {
    const defaultUri = remembered ? vscode.Uri.file(remembered) : vscode.workspace.workspaceFolders?.[0]?.uri;
    const [folder] =
      (await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        openLabel: 'Use as Web Root',
        title: 'Create DCV File: the web root (the folder the site is served from)',
        ...(defaultUri ? { defaultUri } : {}),
      })) ?? [];
    chosen = folder?.fsPath;
  }
  if (chosen !== undefined) await context.workspaceState.update(WEB_ROOT_KEY, chosen);
  return chosen;
}

function notes(plan: DcvPlan): string {
  return [dcvSameFileNote(plan), dcvCaveat(plan)].filter(Boolean).join(' ');
}

export function createDcvFileCommand(context: vscode.ExtensionContext, shared: DcvShared) {
  return async (...args: unknown[]): Promise<DcvCommandResult> => {
    const options = optionsOf(args);
    const source = await sourceOf(shared, args, options);
    if (!source.ok) {
      void vscode.window.showWarningMessage(source.problem);
      return { status: 'unavailable', message: source.problem };
    }
    const { plan } = source;
    const webRoot = await pickWebRoot(context, options);
    if (webRoot === undefined)
      return { status: 'cancelled', message: 'No web root chosen: no file written.' };
    const outcome = await placeDcvFile(webRoot, plan.file.path, plan.file.content, async (file) => {
      if (options.replace !== undefined) return options.replace;
      const choice = await vscode.window.showWarningMessage(
        `${file} already exists with other content. Replace it with the DCV file for ${source.name}?`,
        { modal: true, detail: `New content:\n${plan.file.content}\n\n${dcvCaveat(plan)}` },
        REPLACE,
      );
      return choice === REPLACE;
    });
    const where = `${plan.file.path} under ${webRoot}`;
    const served = `served at ${plan.values.map((v) => v.file.url).join(', ')}`;
    let result: DcvCommandResult;
    if (outcome.kind === 'written')
      result = {
        status: outcome.replaced ? 'replaced' : 'written',
        message: `${outcome.replaced ? 'Replaced' : 'Wrote'} ${where}, to be ${served}. ${notes(plan)}`,
      };
    else if (outcome.kind === 'same')
      result = {
        status: 'same',
        message: `The DCV file is already there (${where}), with this content. ${notes(plan)}`,
      };
    else if (outcome.kind === 'kept')
      result = { status: 'kept', message: `Not written: ${outcome.file} holds other content and was kept.` };
    else result = { status: 'failed', message: `The DCV file was not written: ${outcome.message}` };
    result = { ...result, file: outcome.file, webRoot };
    if (result.status === 'failed') void vscode.window.showErrorMessage(result.message);
    else void vscode.window.showInformationMessage(result.message);
    return result;
  };
}

export function copyDnsRecordCommand(shared: DcvShared) {
  return async (...args: unknown[]): Promise<DcvCommandResult> => {
    const source = await sourceOf(shared, args, optionsOf(args));
    if (!source.ok) {
      void vscode.window.showWarningMessage(source.problem);
      return { status: 'unavailable', message: source.problem };
    }
    const { plan } = source;
    const text = plan.dnsRecords.join('\n') + '\n';
    await vscode.env.clipboard.writeText(text);
    const n = plan.dnsRecords.length;
    const message = `Copied ${n === 1 ? 'the DNS record' : `${n} DNS records, one per domain`} (zone-file lines): ${plan.dnsRecords.join('  ')} ${dcvCaveat(plan)}`;
    void vscode.window.showInformationMessage(message);
    return { status: 'copied', message, text };
  };
}
