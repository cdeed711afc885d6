// What `cert-order csr new` prints: the files written and what the CSR holds, as text or JSON, and
// the warning for a key git would commit. Never the key itself: only its path.
import * as path from 'node:path';
import type { KeyType, SubjectInput } from '../../common/src/csr/create';
import { ignoreLine } from '../../client/src/csr/gitignore';

export interface Created {
  /** Paths as shown: relative to the current folder when inside it. */
  order: string;
  csr: string;
  key: string;
  keyType: KeyType;
  keyDescription: string;
  encrypted: boolean;
  subject: SubjectInput;
  dnsNames: string[];
  emails: string[];
  /** The order's new CSR value; undefined with --no-update-order. */
  csrField?: string;
  git: 'not-in-work-tree' | 'ignored' | 'not-ignored';
  workTree?: string;
  /** The updated order's diagnostics, as `cert-order check` counts them; undefined when not updated. */
  diagnostics?: number;
}

/** The subject in `openssl req -subj` spelling, in the order the request encodes it. */
const SHORT: readonly [keyof SubjectInput, string][] = [
  ['country', 'C'],
  ['state', 'ST'],
  ['locality', 'L'],
  ['streetAddress', 'street'],
  ['postalCode', 'postalCode'],
  ['postOfficeBox', 'postOfficeBox'],
  ['organization', 'O'],
  ['organizationalUnit', 'OU'],
  ['commonName', 'CN'],
  ['emailAddress', 'emailAddress'],
];

export function subjectLine(subject: SubjectInput): string {
  return SHORT.flatMap(([key, short]) => {
    const v = subject[key];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => `${short}=${x}`);
  }).join(', ');
}

export function createdText(c: Created): string {
  const lines = [
    `Wrote ${c.csr} (${c.keyDescription}, signed with SHA-${c.keyType === 'rsa-1024' ? '1' : '256'})`,
    `  CN:      ${c.subject.commonName ?? ''}`,
    c.emails.length ? `  E-mail:  ${c.emails.join(', ')}` : `  SANs:    ${c.dnsNames.join(', ')}`,
    `  Subject: ${subjectLine(c.subject)}`,
    `Wrote ${c.key} (private key, PKCS#8 PEM, ${c.encrypted ? 'encrypted with AES-256' : 'not encrypted'}, mode 0600)`,
  ];
  if (c.csrField === undefined) lines.push(`Left ${c.order} as it was (--no-update-order).`);
  else {
    lines.push(`Updated ${c.order}: CSR ${c.csrField}`);
    lines.push(
      c.diagnostics === 0
        ? 'The order has no problems.'
        : `The order still has ${c.diagnostics} problem${c.diagnostics === 1 ? '' : 's'}: cert-order check ${c.order}`,
    );
  }
  lines.push(
    c.git === 'ignored'
      ? 'Git ignores the key.'
      : c.git === 'not-in-work-tree'
        ? "The key's folder is in no git working tree."
        : 'Git does NOT ignore the key: do not commit it.',
  );
  return lines.join('\n') + '\n';
}

export function createdJson(c: Created): string {
  const json = {
    order: c.order,
    csr: c.csr,
    key: {
      path: c.key,
      type: c.keyType,
      description: c.keyDescription,
      encrypted: c.encrypted,
      mode: '0600',
    },
    commonName: c.subject.commonName,
    dnsNames: c.dnsNames,
    emails: c.emails,
    subject: c.subject,
    orderUpdated: c.csrField !== undefined,
    ...(c.csrField !== undefined ? { csrField: c.csrField, diagnostics: c.diagnostics } : {}),
    git: c.git,
    ...(c.workTree ? { workTree: c.workTree } : {}),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** For a key inside a git working tree that git does not ignore: how to keep it out of commits. */
export function gitWarning(c: Created, keyPath: string): string {
  return (
    `cert-order: warning: the private key ${c.key} is inside the git working tree ${c.workTree} and git does not ignore it. ` +
    `Do not commit it: add ${ignoreLine(path.basename(keyPath))} to ${path.join(path.dirname(keyPath), '.gitignore')}.\n`
  );
}
