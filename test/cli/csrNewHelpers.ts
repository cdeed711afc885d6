// Orders, folders and checks shared by the `cert-order csr new` tests: what openssl says of a CSR
// and its key, what is in a folder, and the search for key text anywhere but the key file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Run } from './run';

/** A Comodo order with address arguments and no CSR field yet (O and C come from --subject). */
export const COMODO = `{
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

/** An SSL2Buy S/MIME order, indented by four, with an empty CSR field in the middle. */
export const SSL2BUY = `{
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

export const SUBJECT_ARGS = ['--subject', 'O=Example Inc', '--subject', 'C=US'];

/** A new folder holding one order; returns the folder and the order's path. */
export function orderIn(
  text: string,
  name = 'shop.example.com.order.json',
): { folder: string; order: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'csr-new-'));
  const order = path.join(folder, name);
  writeFileSync(order, text);
  return { folder, order };
}

/** Every file under `folder` with its bytes, for "nothing was written". */
export function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const p = path.join(folder, name);
    if (statSync(p).isFile()) out[name] = readFileSync(p, 'base64');
  }
  return out;
}

/** openssl verifies the CSR's self-signature, and its public key is the key file's. */
export function assertKeyMatchesCsr(csrFile: string, keyFile: string, passphrase?: string): void {
  const verify = execFileSync('openssl', ['req', '-verify', '-noout', '-in', csrFile], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  assert.equal(verify, '', 'openssl prints nothing on stdout for a good request');
  const csrKey = execFileSync('openssl', ['req', '-pubkey', '-noout', '-in', csrFile], { encoding: 'utf8' });
  const key = createPrivateKey({ key: readFileSync(keyFile, 'utf8'), ...(passphrase ? { passphrase } : {}) });
  assert.equal(createPublicKey(key).export({ type: 'spki', format: 'pem' }), csrKey);
}

/**
 * Key material that must appear nowhere but the key file: the PEM's base64 lines (each of them, so
 * that a key printed in part is found), the unencrypted PKCS#8 of the same key, and the passphrase.
 */
export function secretsOf(keyFile: string, passphrase?: string): string[] {
  const pem = readFileSync(keyFile, 'utf8');
  const key = createPrivateKey({ key: pem, ...(passphrase ? { passphrase } : {}) });
  const plain = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const lines = (text: string) => text.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
  return [
    ...lines(pem),
    ...lines(plain),
    key.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    ...(passphrase ? [passphrase] : []),
  ];
}

/** Asserts that no secret is in the run's output or in any file of `folder` other than the key. */
export function assertNoKeyOutside(run: Run, folder: string, keyFile: string, passphrase?: string): void {
  const secrets = secretsOf(keyFile, passphrase);
  const places: [string, string][] = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ];
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const p = path.join(folder, name);
    if (p !== keyFile && statSync(p).isFile()) places.push([name, readFileSync(p, 'latin1')]);
  }
  for (const [where, text] of places)
    for (const s of secrets) assert.ok(!text.includes(s), `key material in ${where}`);
}
