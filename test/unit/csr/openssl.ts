// What OpenSSL says about a CSR file, read from `openssl req` and `openssl dgst` at test time, so
// the expected values cannot drift from the fixtures.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'csr');
export const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/**
 * CSRs made by make-crafted-csrs.mjs, where this decoder reads more than OpenSSL: OpenSSL drops
 * every extension when one is malformed and cannot load an unknown key. Their own tests say what
 * is read (test/unit/csr/crafted.test.ts).
 */
export const CRAFTED_FIXTURES = ['bad-extension.csr', 'unknown-key.csr'];

/** Every CSR fixture that OpenSSL itself can read as a request, as this decoder does. */
export function csrFixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.csr') && f !== 'certificate-as-csr.csr' && !CRAFTED_FIXTURES.includes(f))
    .sort();
}

export function exampleCsrs(): string[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.csr'))
    .map((f) => path.join(EXAMPLES, f));
}

function openssl(args: string[], input?: Buffer): { stdout: Buffer; stderr: string; status: number | null } {
  const r = spawnSync('openssl', args, { input, maxBuffer: 1 << 20 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), status: r.status };
}

export function opensslDer(file: string): Buffer {
  return openssl(['req', '-in', file, '-outform', 'DER']).stdout;
}

export function opensslDigest(der: Buffer, alg: 'md5' | 'sha1' | 'sha256'): string {
  const out = openssl(['dgst', `-${alg}`, '-r'], der).stdout.toString('utf8');
  return out.split(' ')[0].trim();
}

export function opensslVerifies(file: string): boolean {
  const r = openssl(['req', '-in', file, '-noout', '-verify']);
  return /verify OK/.test(r.stdout.toString('utf8') + r.stderr);
}

const TYPE_NAMES: Record<string, string> = {
  PRINTABLESTRING: 'PrintableString',
  UTF8STRING: 'UTF8String',
  T61STRING: 'TeletexString',
  BMPSTRING: 'BMPString',
  IA5STRING: 'IA5String',
  UNIVERSALSTRING: 'UniversalString',
  VISIBLESTRING: 'VisibleString',
  NUMERICSTRING: 'NumericString',
};

export interface OpensslAttribute {
  name: string;
  type: string;
  value: string;
}

/** The subject in encoded order; `names` = `sname` (short names) or `oid` (dotted OIDs). */
export function opensslSubject(file: string, names: 'sname' | 'oid'): OpensslAttribute[] {
  const out = openssl([
    'req',
    '-in',
    file,
    '-noout',
    '-subject',
    '-nameopt',
    `sep_multiline,${names},show_type,utf8`,
  ]);
  return out.stdout
    .toString('utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .flatMap((l) => l.trim().split(' + '))
    .map((entry) => {
      const m = /^([^=]+)=([A-Z0-9]+):(.*)$/s.exec(entry);
      if (!m) throw new Error(`unexpected openssl subject line: ${entry}`);
      return { name: m[1], type: TYPE_NAMES[m[2]] ?? m[2], value: m[3] };
    });
}

export interface OpensslText {
  keyAlgorithm: string;
  keyBits?: number;
  exponent?: string;
  curveOid?: string;
  nistCurve?: string;
  signatureAlgorithm: string;
  pss?: { hash: string; mgf1Hash: string; saltLength: number };
  sans: string[];
  /** Requested extensions other than the SAN: title, critical, value line. */
  extensions: { title: string; critical: boolean; value: string }[];
  version: number;
}

export function opensslText(file: string): OpensslText {
  const text = openssl(['req', '-in', file, '-noout', '-text']).stdout.toString('utf8');
  const lines = text.split('\n');
  const find = (re: RegExp) => lines.map((l) => re.exec(l)).find((m) => m)?.[1];
  const sigAlgs = lines.map((l) => /^\s*Signature Algorithm: (.+?)\s*$/.exec(l)?.[1]).filter(Boolean);
  const out: OpensslText = {
    keyAlgorithm: find(/Public Key Algorithm: (\S+)/) ?? '',
    keyBits: Number(find(/Public-Key: \((\d+) bit\)/)) || undefined,
    exponent: find(/Exponent: (\d+) /),
    curveOid: find(/ASN1 OID: (\S+)/),
    nistCurve: find(/NIST CURVE: (\S+)/),
    signatureAlgorithm: sigAlgs[sigAlgs.length - 1] ?? '',
    sans: [],
    extensions: [],
    version: Number(find(/Version: (\d+) \(0x/)) - 1,
  };
  const hash = find(/^\s+Hash Algorithm: (\S+)/);
  if (hash) {
    out.pss = {
      hash,
      mgf1Hash: find(/Mask Algorithm: mgf1 with (\S+)/) ?? '',
      saltLength: parseInt(find(/Salt Length: (0x[0-9A-Fa-f]+)/) ?? '0', 16),
    };
  }
  const start = lines.findIndex((l) => /Requested Extensions:/.test(l));
  if (start >= 0) {
    for (let i = start + 1; i < lines.length; i++) {
      const m = /^ {16}(\S.*?):\s*(critical)?\s*$/.exec(lines[i]);
      if (!m) {
        if (/^ {4}\S/.test(lines[i])) break;
        continue;
      }
      const value = (lines[i + 1] ?? '').trim();
      if (m[1] === 'X509v3 Subject Alternative Name') out.sans = value.split(', ');
      else out.extensions.push({ title: m[1], critical: m[2] === 'critical', value });
    }
  }
  return out;
}
