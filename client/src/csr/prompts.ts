// "Create Key and CSR for This Order"'s questions as VS Code asks them: a quick pick of the key
// type, input boxes for the names (checked as they are typed), a list of the subject's fields to
// change, the key's path and passphrase, and modals for what replaces or exposes a file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { keyLabel, type KeyType, type SubjectInput } from '../../../common/src/csr/create';
import { SUBJECT_FIELDS, splitNames, type CreateCsrUi, type SubjectField } from './ui';

export const OPEN_CSR = 'Open CSR';
export const REVEAL_KEY = 'Reveal Key';
export const ADD_TO_GITIGNORE = 'Add to .gitignore';
export const LEAVE_IT = 'Leave It';
export const REPLACE = 'Replace';
const TITLE = 'Create Key and CSR';

const KEY_DETAIL: Partial<Record<KeyType, string>> = {
  'ec-p256': 'ECDSA on P-256, signed with SHA-256: small, fast, accepted by every current CA',
  'ec-p384': 'ECDSA on P-384, signed with SHA-256',
  'rsa-2048': 'RSA, PKCS#1 v1.5 signature with SHA-256',
  'rsa-3072': 'RSA, PKCS#1 v1.5 signature with SHA-256',
  'rsa-4096': 'RSA, PKCS#1 v1.5 signature with SHA-256 (slow to generate)',
  'rsa-1024': 'RSA as the Comodo document v1.11 allows it (512-1024 bits); CAs refuse it today',
};

function namesProblem(check: (names: string[]) => string | undefined, names: string[]): string | undefined {
  return names.length === 0 ? undefined : check(names);
}

/** Asks for a subject field's new value; Escape returns the old one (back to the list). */
async function editField(field: SubjectField, label: string, value: string): Promise<string> {
  const typed = await vscode.window.showInputBox({
    title: `${TITLE}: ${label}`,
    prompt: 'Empty leaves the field out of the CSR. Escape goes back without a change.',
    value,
    validateInput: (v) =>
      field === 'country' && v.trim() !== '' && !/^[A-Za-z]{2}$/.test(v.trim())
        ? 'The country as its ISO 3166 two-letter code, e.g. GB, US, DE.'
        : undefined,
  });
  if (typed === undefined) return value;
  return field === 'country' ? typed.trim().toUpperCase() : typed.trim();
}

/** The subject's problem as a list row: its first sentence, the rest below it, all of it on pick. */
function problemItem(problem: string): vscode.QuickPickItem & { problem: string } {
  const end = problem.search(/\.\s/);
  const first = end < 0 ? problem : problem.slice(0, end + 1);
  const rest = end < 0 ? '' : problem.slice(end + 1).trim();
  return {
    label: `$(warning) ${first}`,
    detail: rest ? `${rest} (pick to read it all)` : undefined,
    alwaysShow: true,
    problem,
  };
}

export function vscodeCsrUi(): CreateCsrUi {
  return {
    async pickKeyType(choices, policy) {
      const items = choices.map((keyType) => ({
        label: keyLabel(keyType),
        detail: KEY_DETAIL[keyType] ?? '',
        keyType,
      }));
      const picked = await vscode.window.showQuickPick(items, {
        title: `${TITLE}: the key`,
        placeHolder: `Key types the key policy in effect allows (certOrder.csr.keyPolicy: ${policy})`,
      });
      return picked?.keyType;
    },

    async askTlsNames(defaults, check) {
      const cn = await vscode.window.showInputBox({
        title: `${TITLE}: common name (1 of 2)`,
        prompt: "The certificate's main DNS name (the CN, also the first SAN), e.g. www.example.com",
        value: defaults.commonName,
        validateInput: (v) => (v.trim() === '' ? 'Type a DNS name.' : namesProblem(check, [v.trim()])),
      });
      if (cn === undefined) return undefined;
      const more = await vscode.window.showInputBox({
        title: `${TITLE}: further DNS names (2 of 2)`,
        prompt: `Other names the certificate covers besides ${cn.trim()}, separated by commas or spaces; empty for none`,
        value: defaults.dnsNames.join(', '),
        validateInput: (v) => namesProblem(check, [cn.trim(), ...splitNames(v)]),
      });
      if (more === undefined) return undefined;
      return { commonName: cn.trim(), dnsNames: splitNames(more) };
    },

    async askSmimeNames(defaults, check) {
      const email = await vscode.window.showInputBox({
        title: `${TITLE}: e-mail address (1 of 2)`,
        prompt: 'The address the certificate protects (the rfc822Name SAN)',
        value: defaults.email,
        validateInput: (v) => (v.trim() === '' ? 'Type an e-mail address.' : namesProblem(check, [v.trim()])),
      });
      if (email === undefined) return undefined;
      const name = await vscode.window.showInputBox({
        title: `${TITLE}: name (2 of 2)`,
        prompt: "The person's name, the subject's common name (CN)",
        value: defaults.name,
        validateInput: (v) => (v.trim() === '' ? "Type the person's name." : undefined),
      });
      if (name === undefined) return undefined;
      return { email: email.trim(), name: name.trim() };
    },

    async editSubject(initial, title, problem) {
      const subject: SubjectInput = { ...initial };
      for (;;) {
        // What the order's rules say of this subject, as a row of its own under Continue: a
        // placeholder holds one short line and cut the message off. Picking the row shows all of it.
        const problemRows = problem ? [problemItem(problem)] : [];
        const items = [
          {
            label: '$(check) Continue',
            description: 'create the key and the CSR with this subject',
            alwaysShow: true,
          },
          ...problemRows,
          ...SUBJECT_FIELDS.map((f) => ({
            label: `${f.attribute}: ${subject[f.field] || '(empty: left out)'}`,
            description: f.label,
            field: f.field,
          })),
        ];
        const picked = await vscode.window.showQuickPick<
          vscode.QuickPickItem & { field?: SubjectField; problem?: string }
        >(items, {
          title: `${TITLE}: subject, ${title}`,
          placeHolder: problem
            ? 'The CA would refuse this subject (below): pick a field to change it'
            : 'Enter continues; pick a field to change it (values from the order)',
        });
        if (!picked) return undefined;
        if (picked.problem !== undefined) {
          await vscode.window.showWarningMessage(picked.problem, { modal: true });
          continue;
        }
        if (!picked.field) return subject;
        const spec = SUBJECT_FIELDS.find((f) => f.field === picked.field)!;
        subject[spec.field] = await editField(spec.field, spec.label, subject[spec.field] ?? '');
        problem = undefined;
      }
    },

    async confirmReplaceCsr(fileName) {
      const choice = await vscode.window.showWarningMessage(
        `${fileName} exists beside the order. Replace it with the new CSR?`,
        { modal: true },
        REPLACE,
      );
      return choice === REPLACE;
    },

    async askKeyPath(defaultPath, orderFolder) {
      const typed = await vscode.window.showInputBox({
        title: `${TITLE}: where the private key goes`,
        prompt:
          "The private key file (PKCS#8 PEM, readable by you only). A path outside the repository cannot be committed; a relative path is from the order's folder.",
        value: defaultPath,
        valueSelection: [defaultPath.length - path.basename(defaultPath).length, defaultPath.length],
        validateInput: (v) =>
          v.trim() === '' || v.trim().endsWith(path.sep) ? 'Type a file path.' : undefined,
      });
      return typed === undefined ? undefined : path.resolve(orderFolder, typed.trim());
    },

    async confirmReplaceKey(keyPath) {
      const choice = await vscode.window.showWarningMessage(
        `${keyPath} exists. Replace it with the new private key?`,
        {
          modal: true,
          detail: 'The old key cannot be brought back: a certificate issued for it would be unusable.',
        },
        REPLACE,
      );
      return choice === REPLACE;
    },

    async askPassphrase() {
      const first = await vscode.window.showInputBox({
        title: `${TITLE}: passphrase for the key`,
        prompt: 'Encrypts the key (PKCS#8, AES-256). Enter with nothing for an unencrypted key (mode 0600).',
        password: true,
      });
      if (first === undefined || first === '') return first;
      const again = await vscode.window.showInputBox({
        title: `${TITLE}: the passphrase again`,
        prompt: 'Type the same passphrase to confirm it.',
        password: true,
        validateInput: (v) =>
          v === first
            ? undefined
            : first.startsWith(v)
              ? { message: 'Not all of it yet.', severity: vscode.InputBoxValidationSeverity.Info }
              : 'Not the same passphrase.',
      });
      return again === first ? first : undefined;
    },

    async offerGitignore(offer) {
      const choice = await vscode.window.showWarningMessage(
        `The private key would be in the git working tree ${offer.workTree}, and git does not ignore it.`,
        {
          modal: true,
          detail: `Add /${path.basename(offer.keyPath)} to ${offer.gitignore}, so that it is never committed?`,
        },
        ADD_TO_GITIGNORE,
        LEAVE_IT,
      );
      return choice === ADD_TO_GITIGNORE ? 'add' : choice === LEAVE_IT ? 'leave' : undefined;
    },

    showCreated(message, csr, keyPath) {
      void vscode.window.showInformationMessage(message, OPEN_CSR, REVEAL_KEY).then(async (choice) => {
        if (choice === OPEN_CSR) await vscode.window.showTextDocument(vscode.Uri.file(csr));
        const key = vscode.Uri.file(keyPath);
        if (choice === REVEAL_KEY)
          await vscode.commands.executeCommand(
            vscode.workspace.getWorkspaceFolder(key) ? 'revealInExplorer' : 'revealFileInOS',
            key,
          );
      });
    },

    showError(message) {
      void vscode.window.showErrorMessage(message);
    },
  };
}
