// "New Order...": pick the API, name the file, and get a new order of that API in it, every
// required field present and its placeholders to fill in (the language server's new-order snippet,
// common/src/catalogue/newOrder.ts). The file goes into the folder chosen in the explorer, else the
// active order's folder, else the first workspace folder; with no folder open, an untitled order.
import * as vscode from 'vscode';
import { catalogues, type ApiCatalogue } from '../../../common/src/catalogue';
import { newOrderSnippet } from '../../../common/src/catalogue/newOrder';

export const NEW_ORDER_COMMAND = 'certOrder.newOrder';

const SUFFIX = '.order.json';

/** What a test (or a caller) may decide instead of the user. */
export interface NewOrderOptions {
  /** The API's id (`comodo-autoapplyssl`): no pick. */
  api?: string;
  /** The file's name, with or without `.order.json`: no input box. */
  name?: string;
  /** The folder to create it in. */
  folder?: vscode.Uri;
}

async function pickApi(): Promise<ApiCatalogue | undefined> {
  const picked = await vscode.window.showQuickPick(
    catalogues.map((api) => ({ label: api.title, description: api.id, detail: api.document, api })),
    { title: 'New Order: which API?', placeHolder: 'The API the order is sent to' },
  );
  return picked?.api;
}

/** The folder a new file goes into, or undefined when no workspace folder is open. */
function targetFolder(resource: unknown): vscode.Uri | undefined {
  if (resource instanceof vscode.Uri && resource.scheme === 'file') return resource;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active))
    return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `www.example.com` → `www.example.com.order.json`; a name ending in the suffix stays. */
function fileName(name: string): string {
  const trimmed = name.trim();
  return trimmed.endsWith(SUFFIX) ? trimmed : `${trimmed}${SUFFIX}`;
}

/** Why `name` cannot be a new order's file name in `folder`, or undefined. */
async function nameProblem(folder: vscode.Uri, name: string): Promise<string | undefined> {
  const file = fileName(name);
  if (file === SUFFIX) return 'Type a name, for example www.example.com.';
  if (/[\\/]|\p{Cc}/u.test(file) || file.startsWith('.'))
    return 'A file name only: no folders, no control characters, not starting with a dot.';
  if (await exists(vscode.Uri.joinPath(folder, file))) return `${file} already exists in this folder.`;
  return undefined;
}

async function askName(folder: vscode.Uri, api: ApiCatalogue): Promise<string | undefined> {
  const folderName = vscode.workspace.asRelativePath(folder, true);
  return vscode.window.showInputBox({
    title: `New ${api.title} order`,
    prompt: `The order's file name, in ${folderName} (${SUFFIX} is added)`,
    value: 'new',
    valueSelection: [0, 3],
    validateInput: (value) => nameProblem(folder, value),
  });
}

/** Creates the order and opens it with the snippet inserted; returns its URI (undefined when cancelled). */
async function newOrder(resource?: unknown): Promise<vscode.Uri | undefined> {
  const options: NewOrderOptions =
    resource && typeof resource === 'object' && !(resource instanceof vscode.Uri)
      ? (resource as NewOrderOptions)
      : {};
  const api = options.api ? catalogues.find((a) => a.id === options.api) : await pickApi();
  if (!api) return undefined;
  const snippet = new vscode.SnippetString(newOrderSnippet(api.id));
  const folder = options.folder ?? targetFolder(resource);
  let document: vscode.TextDocument;
  if (!folder) {
    document = await vscode.workspace.openTextDocument({ language: 'cert-order', content: '' });
  } else {
    const name = options.name ?? (await askName(folder, api));
    if (name === undefined) return undefined;
    const problem = await nameProblem(folder, name);
    if (problem) {
      void vscode.window.showErrorMessage(`New Order: ${problem}`);
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder, fileName(name));
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    document = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return document.uri;
}

export function registerNewOrder(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_ORDER_COMMAND, newOrder));
}
