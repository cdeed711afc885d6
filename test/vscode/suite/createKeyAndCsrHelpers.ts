// Answers to "Create Key and CSR"'s questions in the user's place, recording what was asked, and
// the search for key text in every file the session wrote.
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { KeyType, SubjectInput } from '../../../common/src/csr/create';
import type {
  CreateCsrUi,
  GitignoreOffer,
  NamesCheck,
  SmimeNames,
  TlsNames,
} from '../../../client/src/csr/ui';

export type { CreateCsrUi };

export interface Script {
  keyType?: KeyType;
  names?: TlsNames | SmimeNames;
  /** Fields set at the subject step. */
  subject?: SubjectInput;
  replaceCsr?: boolean;
  replaceKey?: boolean;
  passphrase?: string;
  gitignore?: 'add' | 'leave';
  /** The question answered with Escape. */
  cancelAt?: keyof CreateCsrUi;
}

export type Scripted = Partial<CreateCsrUi> & {
  asked: string[];
  keyChoices: KeyType[];
  subjects: SubjectInput[];
  offers: GitignoreOffer[];
  created: string[];
  errors: string[];
  namesCheck?: NamesCheck;
};

const DEFAULT_TLS: TlsNames = { commonName: 'shop.example.com', dnsNames: [] };
/** What a Comodo order needs in the subject that no order field gives (O and C are required). */
const DEFAULT_SUBJECT: SubjectInput = { organization: 'Example Inc', country: 'US' };

export function scriptedUi(script: Script): Scripted {
  const s: Scripted = { asked: [], keyChoices: [], subjects: [], offers: [], created: [], errors: [] };
  const ask = <T>(name: keyof CreateCsrUi, answer: () => T): Promise<T | undefined> => {
    s.asked.push(name);
    return Promise.resolve(script.cancelAt === name ? undefined : answer());
  };
  s.pickKeyType = (choices) => {
    s.keyChoices = [...choices];
    return ask('pickKeyType', () => script.keyType ?? choices[0]);
  };
  s.askTlsNames = (_defaults, check) => {
    s.namesCheck = check;
    return ask('askTlsNames', () => (script.names as TlsNames | undefined) ?? DEFAULT_TLS);
  };
  s.askSmimeNames = (_defaults, check) => {
    s.namesCheck = check;
    return ask('askSmimeNames', () => script.names as SmimeNames);
  };
  s.editSubject = (subject) => {
    s.subjects.push(subject);
    const fill = script.subject ?? (subject.organization ? {} : DEFAULT_SUBJECT);
    return ask('editSubject', () => ({ ...subject, ...fill }));
  };
  s.confirmReplaceCsr = async () =>
    (await ask('confirmReplaceCsr', () => script.replaceCsr ?? false)) ?? false;
  s.askKeyPath = (defaultPath) => ask('askKeyPath', () => defaultPath);
  s.confirmReplaceKey = async () =>
    (await ask('confirmReplaceKey', () => script.replaceKey ?? false)) ?? false;
  s.askPassphrase = () => ask('askPassphrase', () => script.passphrase ?? '');
  s.offerGitignore = (offer) => {
    s.offers.push(offer);
    return ask('offerGitignore', () => script.gitignore ?? 'leave');
  };
  s.showCreated = (message) => void s.created.push(message);
  s.showError = (message) => void s.errors.push(message);
  return s;
}

export interface WrittenKey {
  file: string;
  /** The key file's text when it was written (a later run may replace the file). */
  pem: string;
  passphrase?: string;
}

/** Reads a key the command wrote, to look for it elsewhere at the end. */
export function writtenKey(file: string, passphrase?: string): WrittenKey {
  return { file, pem: readFileSync(file, 'utf8'), ...(passphrase ? { passphrase } : {}) };
}

/** A line from the middle of a PEM's base64: key text, whatever wraps it. */
function middleLine(pem: string): string {
  const lines = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  return lines[Math.floor(lines.length / 2)];
}

/** The key as written, and unencrypted (PKCS#8 DER is the same for the same key), and the passphrase. */
function needlesOf(k: WrittenKey): string[] {
  const plain = createPrivateKey(k.passphrase ? { key: k.pem, passphrase: k.passphrase } : k.pem)
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return [middleLine(k.pem), middleLine(plain), ...(k.passphrase ? [k.passphrase] : [])];
}

function* files(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // The installed extension and code-server's own files hold no user data.
    if (e.isDirectory()) {
      if (e.name !== 'extensions' && e.name !== 'node_modules' && e.name !== 'CachedExtensionVSIXs')
        yield* files(p);
    } else if (e.isFile()) yield p;
  }
}

/**
 * Files under `root` (the session: workspace, user data with settings, logs and the extension's
 * storage with the history) other than the key files that hold a key's text or a passphrase.
 */
export function secretsFoundOutside(root: string, keys: WrittenKey[]): string[] {
  const needles = [...new Set(keys.flatMap(needlesOf))];
  const keyFiles = new Set(keys.map((k) => k.file));
  const found: string[] = [];
  for (const file of files(root)) {
    if (keyFiles.has(file) || statSync(file).size > 20_000_000) continue;
    const text = readFileSync(file).toString('latin1');
    for (const n of needles) if (text.includes(n)) found.push(`${file}: ${n.slice(0, 12)}…`);
  }
  return found;
}
