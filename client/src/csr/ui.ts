// The questions "Create Key and CSR for This Order" asks, as an interface: VS Code's quick picks
// and input boxes answer them (prompts.ts), and the in-editor tests answer them in their place, as
// the submission's questions are answered (submission/flow.ts, SubmissionUi). Every question
// resolves undefined when the user presses Escape: the command then stops with nothing written.
import type { KeyType, SubjectInput } from '../../../common/src/csr/create';

/** A name's problem for the input box ("" or undefined: the names are good). */
export type NamesCheck = (names: string[]) => string | undefined;

export interface TlsNames {
  commonName: string;
  /** Further DNS names; the common name is added to the SANs by the command. */
  dnsNames: string[];
}

export interface SmimeNames {
  email: string;
  /** The person's name, the subject's CN. */
  name: string;
}

/** The subject's fields the list shows (street addresses come from the order unchanged). */
export type SubjectField =
  'organization' | 'organizationalUnit' | 'locality' | 'state' | 'postalCode' | 'country' | 'emailAddress';

export interface GitignoreOffer {
  keyPath: string;
  workTree: string;
  gitignore: string;
}

export interface CreateCsrUi {
  pickKeyType(choices: readonly KeyType[], policy: 'current' | 'document'): Promise<KeyType | undefined>;
  askTlsNames(defaults: TlsNames, check: NamesCheck): Promise<TlsNames | undefined>;
  askSmimeNames(defaults: SmimeNames, check: NamesCheck): Promise<SmimeNames | undefined>;
  /** The subject's fields shown and editable; `problem` is why the last attempt was refused. */
  editSubject(subject: SubjectInput, title: string, problem?: string): Promise<SubjectInput | undefined>;
  confirmReplaceCsr(fileName: string): Promise<boolean>;
  /** The key's path (absolute); `defaultPath` is beside the order. */
  askKeyPath(defaultPath: string, orderFolder: string): Promise<string | undefined>;
  confirmReplaceKey(keyPath: string): Promise<boolean>;
  /** '' for no passphrase; undefined when cancelled. */
  askPassphrase(): Promise<string | undefined>;
  /** 'add' or 'leave'; undefined when cancelled. */
  offerGitignore(offer: GitignoreOffer): Promise<'add' | 'leave' | undefined>;
  showCreated(message: string, csr: string, keyPath: string): void;
  showError(message: string): void;
}

/** The subject's fields in the order the list shows them, with the attribute each becomes. */
export const SUBJECT_FIELDS: readonly { field: SubjectField; label: string; attribute: string }[] = [
  { field: 'organization', label: 'Organization', attribute: 'O' },
  { field: 'organizationalUnit', label: 'Organizational unit', attribute: 'OU' },
  { field: 'locality', label: 'Locality', attribute: 'L' },
  { field: 'state', label: 'State or province', attribute: 'ST' },
  { field: 'postalCode', label: 'Postal code', attribute: 'postalCode' },
  { field: 'country', label: 'Country (ISO 3166 two-letter code)', attribute: 'C' },
  { field: 'emailAddress', label: 'E-mail address', attribute: 'emailAddress' },
];

/** Names typed in one box, separated by commas or spaces. */
export function splitNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}
