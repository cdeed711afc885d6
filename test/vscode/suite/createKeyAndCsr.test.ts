// "Create Key and CSR for This Order…" in VS Code. The questions are answered by the test in the
// user's place (the command's `ui` option, as the submission's are), except in the last test, which
// answers VS Code's own quick picks and input boxes with Enter. Each test checks what is on disk
// afterwards: NAME.csr beside the order, the key with mode 0600 that matches the CSR (openssl), the
// order pointing at the CSR in one undo step and free of diagnostics, and nothing when cancelled.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, waitForDiagnostics, workspaceFolder } from './helpers';
import {
  scriptedUi,
  secretsFoundOutside,
  writtenKey,
  type CreateCsrUi,
  type Scripted,
  type WrittenKey,
} from './createKeyAndCsrHelpers';

const COMMAND = 'certOrder.createKeyAndCsr';

interface Result {
  status: string;
  reason?: string;
  csrFile?: string;
  keyFile?: string;
  encrypted?: boolean;
  git?: string;
  diagnostics?: number;
}

const COMODO = `{
  "$api": "comodo-autoapplyssl",
  "product": "24",
  "years": 1,
  "serverSoftware": 2,
  "streetAddress1": "100 Example Avenue",
  "localityName": "Mountain View",
  "stateOrProvinceName": "California",
  "postalCode": "94043",
  "isCustomerValidated": "N"
}
`;

const SSL2BUY = `{
    "$api": "ssl2buy-sectigo-pac-enterprise",
    "PartnerEmail": "partner@example.com",
    "Year": 1,
    "PartnerOrderID": "ORDER-7",
    "CSR": "",
    "PACOrderInfo": { "Title": "Ms", "FirstName": "Alice", "LastName": "Example" },
    "OrganisationInfo": {
        "OrgName": "Example Ltd",
        "Email": "pki@example.com",
        "Address1": "1 Example Street",
        "City": "London",
        "State": "Greater London",
        "CountryName": "GB",
        "PostalCode": "EC1A 1AA",
        "PhoneNo": "+44 20 7946 0000"
    }
}
`;

let counter = 0;
/** A new folder of the workspace holding one order; returns the order's editor. */
async function orderIn(text: string, folderName = `csr-${Date.now()}-${counter++}`) {
  const folder = path.join(workspaceFolder().fsPath, 'scratch', folderName);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'shop.example.com.order.json');
  writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { folder, file, editor, document };
}

function run(uri: vscode.Uri, ui: Partial<CreateCsrUi>, git?: string): Thenable<Result> {
  return vscode.commands.executeCommand<Result>(COMMAND, uri, { ui, ...(git ? { git } : {}) });
}

/** openssl's own check of the CSR's signature, and its public key against the key file's. */
function assertKeyMatchesCsr(csrFile: string, keyFile: string, passphrase?: string): void {
  execFileSync('openssl', ['req', '-verify', '-noout', '-in', csrFile], { stdio: 'pipe' });
  const csrKey = execFileSync('openssl', ['req', '-pubkey', '-noout', '-in', csrFile], { encoding: 'utf8' });
  const key = createPrivateKey({ key: readFileSync(keyFile, 'utf8'), ...(passphrase ? { passphrase } : {}) });
  assert.equal(createPublicKey(key).export({ type: 'spki', format: 'pem' }), csrKey);
}

function csrText(csrFile: string): string {
  return execFileSync('openssl', ['req', '-text', '-noout', '-in', csrFile], { encoding: 'utf8' });
}

suite('Create Key and CSR', function () {
  const keys: WrittenKey[] = [];
  suiteTeardown(closeAllEditors);

  test('TLS: NAME.csr beside the order, key 0600, order updated in one undo step, no diagnostics', async () => {
    const { folder, file, document } = await orderIn(COMODO);
    const ui: Scripted = scriptedUi({
      names: { commonName: 'shop.example.com', dnsNames: ['example.com'] },
      subject: { organization: 'Example Inc', country: 'US' },
    });
    const result = await run(document.uri, ui);
    assert.equal(result.status, 'created', JSON.stringify(result) + ui.errors.join('\n'));
    assert.deepEqual(ui.asked.slice(0, 3), ['pickKeyType', 'askTlsNames', 'editSubject']);
    assert.deepEqual(ui.keyChoices[0], 'ec-p256', 'EC P-256 is the default (first) choice');
    const csrFile = path.join(folder, 'shop.example.com.csr');
    const keyFile = path.join(folder, 'shop.example.com.key');
    assert.equal(result.csrFile, csrFile);
    assert.equal(result.keyFile, keyFile);
    keys.push(writtenKey(keyFile));
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.match(readFileSync(keyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
    assertKeyMatchesCsr(csrFile, keyFile);
    const decoded = csrText(csrFile);
    assert.match(decoded, /CN\s*=\s*shop\.example\.com/);
    assert.match(decoded, /O\s*=\s*Example Inc/);
    assert.match(decoded, /DNS:shop\.example\.com, DNS:example\.com/);
    assert.match(decoded, /ASN1 OID: prime256v1/);
    // The order: its CSR field added, every other line as it was.
    const expected = COMODO.replace(
      '"isCustomerValidated": "N"\n',
      '"isCustomerValidated": "N",\n  "csr": "file:shop.example.com.csr"\n',
    );
    assert.equal(document.getText(), expected);
    assert.equal(
      readFileSync(file, 'utf8'),
      COMODO,
      'the order is edited in the editor, not saved behind it',
    );
    assert.equal(
      result.diagnostics,
      0,
      vscode.languages
        .getDiagnostics(document.uri)
        .map((d) => d.message)
        .join('\n'),
    );
    await waitForDiagnostics(document.uri, (d) => d.length === 0);
    assert.equal(result.git, 'not-in-work-tree');
    assert.match(ui.created[0], /has no problems/);
    assert.match(ui.created[0], /never sends or stores it/);
    // One undo step takes the order back to what it was.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === COMODO, 'the order as it was after one undo');
  });

  test('S/MIME: the e-mail address as rfc822Name, the name as CN, the key encrypted with the passphrase', async () => {
    const { folder, document } = await orderIn(SSL2BUY);
    const passphrase = `pass-${Date.now()}`;
    const ui = scriptedUi({
      names: { email: 'alice@example.com', name: 'Alice Example' },
      passphrase,
      keyType: 'rsa-2048',
    });
    const result = await run(document.uri, ui);
    assert.equal(result.status, 'created', JSON.stringify(result) + ui.errors.join('\n'));
    assert.deepEqual(ui.asked.slice(0, 3), ['pickKeyType', 'askSmimeNames', 'editSubject']);
    assert.ok(
      ui.subjects[0].organization === 'Example Ltd' && ui.subjects[0].country === 'GB',
      JSON.stringify(ui.subjects[0]),
    );
    const csrFile = path.join(folder, 'alice@example.com.csr');
    const keyFile = path.join(folder, 'alice@example.com.key');
    keys.push(writtenKey(keyFile, passphrase));
    assert.equal(result.encrypted, true);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.match(readFileSync(keyFile, 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    assert.throws(() => createPrivateKey({ key: readFileSync(keyFile, 'utf8'), passphrase: 'wrong' }));
    assertKeyMatchesCsr(csrFile, keyFile, passphrase);
    const decoded = csrText(csrFile);
    assert.match(decoded, /email:alice@example\.com/);
    assert.match(decoded, /CN\s*=\s*Alice Example/);
    assert.match(document.getText(), /\n {4}"CSR": "file:alice@example\.com\.csr",\n/);
    await waitForDiagnostics(document.uri, (d) => d.length === 0);
  });

  test('an existing NAME.csr is replaced only when the user says so', async () => {
    const { folder, document } = await orderIn(COMODO);
    const csrFile = path.join(folder, 'shop.example.com.csr');
    writeFileSync(csrFile, 'old');
    const no = scriptedUi({ replaceCsr: false });
    assert.equal((await run(document.uri, no)).status, 'cancelled');
    assert.ok(no.asked.includes('confirmReplaceCsr'));
    assert.equal(readFileSync(csrFile, 'utf8'), 'old');
    assert.deepEqual(readdirSync(folder).sort(), ['shop.example.com.csr', 'shop.example.com.order.json']);
    const yes = scriptedUi({ replaceCsr: true });
    const result = await run(document.uri, yes);
    assert.equal(result.status, 'created', JSON.stringify(result));
    keys.push(writtenKey(result.keyFile!));
    assertKeyMatchesCsr(csrFile, result.keyFile!);
  });

  for (const step of ['pickKeyType', 'askTlsNames', 'editSubject', 'askKeyPath', 'askPassphrase'] as const) {
    test(`Escape at ${step} writes nothing and leaves the order as it was`, async () => {
      const { folder, document } = await orderIn(COMODO);
      const ui = scriptedUi({ cancelAt: step });
      const result = await run(document.uri, ui);
      assert.equal(result.status, 'cancelled', JSON.stringify(result));
      assert.equal(ui.asked.at(-1), step);
      assert.deepEqual(readdirSync(folder), ['shop.example.com.order.json']);
      assert.equal(document.getText(), COMODO);
      assert.equal(document.isDirty, false);
    });
  }

  test('a key in a git working tree that git does not ignore: offered, added to .gitignore, then ignored', async function () {
    const { folder, document } = await orderIn(COMODO);
    execFileSync('git', ['init', '-q'], { cwd: folder });
    const cancel = scriptedUi({ cancelAt: 'offerGitignore' });
    assert.equal((await run(document.uri, cancel)).status, 'cancelled');
    assert.deepEqual(readdirSync(folder).sort(), ['.git', 'shop.example.com.order.json']);
    const add = scriptedUi({ gitignore: 'add' });
    const result = await run(document.uri, add);
    assert.equal(result.status, 'created', JSON.stringify(result));
    keys.push(writtenKey(result.keyFile!));
    assert.equal(result.git, 'added');
    assert.equal(add.offers[0].workTree, folder);
    assert.match(readFileSync(path.join(folder, '.gitignore'), 'utf8'), /^\/shop\.example\.com\.key$/m);
    execFileSync('git', ['check-ignore', '-q', 'shop.example.com.key'], { cwd: folder }); // throws if not ignored
    assert.match(add.created[0], /added to its folder's \.gitignore/);
    // Again: git now ignores it, so nothing is offered, and the message says so.
    const again = scriptedUi({ replaceCsr: true, replaceKey: true });
    const second = await run(document.uri, again);
    keys.push(writtenKey(second.keyFile!));
    assert.equal(second.git, 'ignored');
    assert.ok(!again.asked.includes('offerGitignore'));
    assert.match(again.created[0], /Git ignores it/);
  });

  test('without git, the .gitignore files are read: *.key ignores it, nothing does not', async () => {
    const { folder, document } = await orderIn(COMODO);
    mkdirSync(path.join(folder, '.git'));
    const noGit = path.join(folder, 'no-such-git');
    const leave = scriptedUi({ gitignore: 'leave' });
    const first = await run(document.uri, leave, noGit);
    keys.push(writtenKey(first.keyFile!));
    assert.equal(first.git, 'left');
    assert.match(leave.created[0], /does NOT ignore it/);
    writeFileSync(path.join(folder, '.gitignore'), '*.key\n');
    const ignored = scriptedUi({ replaceCsr: true, replaceKey: true });
    const second = await run(document.uri, ignored, noGit);
    keys.push(writtenKey(second.keyFile!));
    assert.equal(second.git, 'ignored');
  });

  test('the names are checked as the CSR rules would, before anything is generated', async () => {
    const { document } = await orderIn(COMODO);
    const ui = scriptedUi({ cancelAt: 'editSubject' });
    await run(document.uri, ui);
    assert.ok(ui.namesCheck, 'the names box got a check');
    assert.equal(ui.namesCheck(['shop.example.com', 'example.com']), undefined);
    assert.ok(ui.namesCheck(['not a name']), 'a name with spaces is refused');
  });

  test("VS Code's own questions, answered with Enter: the CN from the order's file name", async () => {
    const { folder, document } = await orderIn(
      COMODO.replace('"product": "24",', '"product": "24",\n  "csr": "",'),
    );
    const done = run(document.uri, {
      // Only the subject is filled in (Comodo requires O and C); every other answer is VS Code's.
      editSubject: async (subject) => ({ ...subject, organization: 'Example Inc', country: 'US' }),
    });
    let settled = false;
    void done.then(() => (settled = true));
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the command to finish with Enter on each question');
    const result = await done;
    assert.equal(result.status, 'created', JSON.stringify(result));
    keys.push(writtenKey(result.keyFile!));
    assert.equal(result.keyFile, path.join(folder, 'shop.example.com.key'));
    assert.equal(result.encrypted, false);
    assert.match(document.getText(), /"csr": "file:shop\.example\.com\.csr",/);
    assert.match(csrText(result.csrFile!), /ASN1 OID: prime256v1/);
  });

  test('no key text (nor passphrase) in any file written besides the key file', async () => {
    assert.ok(keys.length >= 4, 'the tests above wrote keys');
    const root = path.dirname(workspaceFolder().fsPath);
    const found = secretsFoundOutside(root, keys);
    assert.deepEqual(found, []);
  });
});
