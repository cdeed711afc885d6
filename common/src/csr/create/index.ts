// Create a key and a CSR for an order: the engine of "Create Key and CSR for This Order" and of
// `cert-order csr new`. Keys come from node:crypto; the PKCS#10 request is written by ./der.ts
// and signed with SHA-256 (ECDSA, or RSA PKCS#1 v1.5). Pure apart from the key generation: no
// file, no editor; the private key leaves only as the PEM the caller asked for.
//
// Key policy (csr.keyPolicy). `current`: EC P-256 (the default), EC P-384, RSA 2048/3072/4096.
// `document`, for an API whose document states a key rule (the Comodo !AutoApplySSL document
// v1.11, 1. Request, `csr` row: "Algorithm OID = rsaEncryption (PKCS#1). Size = 512 to 1024
// bits." and "Signature Algorithm: md5WithRSAEncryption (PKCS#1) or sha1WithRSAEncryption"):
// none of the current choices fits, so the one offered is RSA 1024, the largest size the document
// allows (512 is factored in hours), signed with sha1WithRSAEncryption, the stronger of the two
// it lists. Only that request has no key or signature finding under that policy. Other APIs'
// documents state no key rule, so `document` means `current` for them (rules/index.ts does the
// same). String types follow the API's document too: ./subject.ts.
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { findCatalogue } from '../../catalogue';
import { checkContent, encodeRequest, requestPem, type RequestContent } from './request';
import { CsrInputError, type StringPolicy, type SubjectInput } from './subject';

export { CsrInputError, type SubjectInput } from './subject';
export { validateNames, productCodes, emailProblem, type NameVerdict, type ProductInput } from './names';
export { requestPem } from './request';

export type KeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'rsa-3072' | 'rsa-4096' | 'rsa-1024';
export type KeyPolicy = 'current' | 'document';

export interface NewCsrRequest {
  keyType: KeyType;
  subject: SubjectInput;
  /** DNS names for the subjectAltName; for a TLS request the Common Name is added first when missing. */
  dnsNames: string[];
  /** rfc822Name SANs (S/MIME). */
  emails: string[];
  keyPolicy: KeyPolicy;
  /**
   * The order's `$api`: whose document's string types and key rule apply. Without it `document`
   * means the Comodo document (the one document with a key rule), and the request is TLS unless
   * it has e-mail addresses.
   */
  api?: string;
}

export interface NewCsr {
  csrPem: string;
  /** The request's DER. */
  csrDer: Uint8Array;
  /** PKCS#8 PEM, unencrypted. */
  keyPem: string;
  /** PKCS#8 PEM encrypted with the passphrase (PBES2, AES-256-CBC). */
  encryptedKeyPem(passphrase: string): string;
  /** What was made, for a message: `EC P-256`, `RSA 2048-bit`. */
  keyDescription: string;
}

export interface KeyChoice {
  type: KeyType;
  label: string;
}

const CURRENT: readonly KeyChoice[] = [
  { type: 'ec-p256', label: 'EC P-256' },
  { type: 'ec-p384', label: 'EC P-384' },
  { type: 'rsa-2048', label: 'RSA 2048-bit' },
  { type: 'rsa-3072', label: 'RSA 3072-bit' },
  { type: 'rsa-4096', label: 'RSA 4096-bit' },
];
const DOCUMENT: readonly KeyChoice[] = [{ type: 'rsa-1024', label: 'RSA 1024-bit' }];

/** Whether `document` means a document's key rule for this API (its catalogue's csrRules.documentKeyPolicy). */
export function documentRuleApplies(keyPolicy: KeyPolicy, api: string | undefined): boolean {
  if (keyPolicy !== 'document') return false;
  if (api === undefined) return true;
  return findCatalogue(api)?.csrRules?.documentKeyPolicy ?? false;
}

/** The key types the policy allows for this API's orders, the default first. */
export function keyTypesFor(keyPolicy: KeyPolicy, api: string): KeyType[] {
  return keyChoicesFor(keyPolicy, api).map((c) => c.type);
}

export function keyChoicesFor(keyPolicy: KeyPolicy, api: string | undefined): KeyChoice[] {
  return [...(documentRuleApplies(keyPolicy, api) ? DOCUMENT : CURRENT)];
}

export function keyLabel(type: KeyType): string {
  return [...CURRENT, ...DOCUMENT].find((c) => c.type === type)?.label ?? type;
}

const generate = promisify(generateKeyPair);

async function newKey(type: KeyType): Promise<KeyObject> {
  const ec = /^ec-p(256|384)$/.exec(type);
  if (ec) return (await generate('ec', { namedCurve: `P-${ec[1]}` })).privateKey;
  const rsa = /^rsa-(\d+)$/.exec(type);
  if (rsa)
    return (await generate('rsa', { modulusLength: Number(rsa[1]), publicExponent: 0x10001 })).privateKey;
  throw new CsrInputError('keyType', `Unknown key type ${JSON.stringify(type)}.`);
}

/** Generates the key and the request. Throws CsrInputError, before any key is made, for input it cannot encode. */
export async function createKeyAndCsr(req: NewCsrRequest): Promise<NewCsr> {
  const choices = keyTypesFor(req.keyPolicy, req.api ?? '');
  if (!choices.includes(req.keyType)) {
    throw new CsrInputError(
      'keyType',
      `${keyLabel(req.keyType)} is not allowed under csr.keyPolicy "${req.keyPolicy}"${req.api ? ` for ${req.api}` : ''}: ` +
        `choose ${choices.map(keyLabel).join(', ')}.`,
    );
  }
  const content = requestContent(req);
  checkContent(content);
  return encodeFor(await newKey(req.keyType), content);
}

/** The request for an existing key (RSA or EC), with the same rules. Deterministic for RSA keys. */
export function csrForKey(privateKey: KeyObject, req: Omit<NewCsrRequest, 'keyType'>): NewCsr {
  return encodeFor(privateKey, requestContent(req));
}

function requestContent(req: Omit<NewCsrRequest, 'keyType'>): RequestContent {
  const documentRule = documentRuleApplies(req.keyPolicy, req.api);
  const catalogue = req.api === undefined ? undefined : findCatalogue(req.api);
  const tls = catalogue ? catalogue.certificateKind === 'tls' : req.emails.length === 0;
  const strings: StringPolicy = {
    // The Comodo subject table (comodoCsrSpec.ts) is the Comodo API's; without an API, assume it.
    table: catalogue ? catalogue.csrRules?.documentKeyPolicy === true : true,
    strict: documentRule,
  };
  const cn = req.subject.commonName?.trim();
  const dnsNames = req.dnsNames.map((n) => n.trim()).filter((n) => n !== '');
  // Baseline Requirements 7.1.4.3: a TLS certificate's Common Name is one of its SANs.
  if (tls && cn && !dnsNames.some((n) => n.toLowerCase() === cn.toLowerCase())) dnsNames.unshift(cn);
  const emails = req.emails.map((e) => e.trim()).filter((e) => e !== '');
  return { subject: req.subject, dnsNames, emails, strings, hash: documentRule ? 'sha1' : 'sha256' };
}

function encodeFor(privateKey: KeyObject, content: RequestContent): NewCsr {
  const der = encodeRequest(privateKey, content);
  return {
    csrPem: requestPem(der),
    csrDer: der,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    encryptedKeyPem(passphrase: string): string {
      if (passphrase === '') throw new CsrInputError('passphrase', 'The passphrase is empty.');
      return privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString();
    },
    keyDescription: describe(privateKey),
  };
}

function describe(key: KeyObject): string {
  const d = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec')
    return `EC ${d?.namedCurve === 'prime256v1' ? 'P-256' : d?.namedCurve === 'secp384r1' ? 'P-384' : d?.namedCurve}`;
  return `RSA ${d?.modulusLength}-bit`;
}
export { subjectFromOrder, csrFieldPath } from './fromOrder';
