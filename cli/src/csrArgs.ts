// What `cert-order csr new` reads from its arguments, before the order is looked at: the key type,
// the subject overrides (`--subject K=V`, the attribute names `openssl req -subj` uses) and the
// names split as the editor's input boxes split them. Wrong spellings are usage errors (exit 2).
import type { KeyType, SubjectInput } from '../../common/src/csr/create';
import { splitNames } from '../../client/src/csr/ui';
import { UsageError } from './files';

export const KEY_TYPES: readonly KeyType[] = ['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096'];
/** The Comodo document's key, offered under --key-policy document (common/src/csr/create/index.ts). */
const DOCUMENT_KEY_TYPE: KeyType = 'rsa-1024';

/** A --key-type value; rsa-1024 is spelled out only because --key-policy document allows it. */
export function keyTypeArg(value: string | undefined): KeyType | undefined {
  if (value === undefined) return undefined;
  if ((KEY_TYPES as readonly string[]).includes(value) || value === DOCUMENT_KEY_TYPE)
    return value as KeyType;
  throw new UsageError(
    `--key-type is ${KEY_TYPES.join(', ')} (rsa-1024 under --key-policy document); not ${value}`,
  );
}

type SubjectKey = Exclude<keyof SubjectInput, 'commonName'>;

/** Attribute names, lower-cased: the short ones (`O`, `ST`), the X.520 long ones, and the input's own. */
const SUBJECT_KEYS: Readonly<Record<string, SubjectKey>> = {
  o: 'organization',
  organizationname: 'organization',
  organization: 'organization',
  ou: 'organizationalUnit',
  organizationalunitname: 'organizationalUnit',
  organizationalunit: 'organizationalUnit',
  l: 'locality',
  localityname: 'locality',
  locality: 'locality',
  st: 'state',
  stateorprovincename: 'state',
  state: 'state',
  c: 'country',
  countryname: 'country',
  country: 'country',
  street: 'streetAddress',
  streetaddress: 'streetAddress',
  postalcode: 'postalCode',
  postofficebox: 'postOfficeBox',
  emailaddress: 'emailAddress',
};

/**
 * The order's subject with the overrides applied, in the order given. An empty value leaves the
 * field out (as an emptied field in the editor's list); `street` may be given up to three times,
 * and any given replace the order's street lines. The country is upper-cased, as the editor does.
 */
export function subjectWithOverrides(fromOrder: SubjectInput, overrides: readonly string[]): SubjectInput {
  const subject: SubjectInput = { ...fromOrder };
  let streets: string[] | undefined;
  for (const pair of overrides) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0) throw new UsageError(`--subject takes K=V (e.g. O=Example Inc, C=US); not ${pair}`);
    if (/^(cn|commonname)$/i.test(name.trim()))
      throw new UsageError('the common name comes from --cn (TLS) or --name (S/MIME), not --subject');
    const key = SUBJECT_KEYS[name.trim().toLowerCase()];
    if (!key)
      throw new UsageError(
        `--subject ${name}: not a subject attribute here (O, OU, L, ST, C, street, postalCode, postOfficeBox, emailAddress)`,
      );
    const value = pair.slice(eq + 1).trim();
    if (key === 'streetAddress') {
      streets = [...(streets ?? []), ...(value === '' ? [] : [value])];
      continue;
    }
    if (value === '') delete subject[key];
    else subject[key] = key === 'country' ? value.toUpperCase() : value;
  }
  if (streets !== undefined) {
    if (streets.length) subject.streetAddress = streets;
    else delete subject.streetAddress;
  }
  return subject;
}

/** Repeated flags, each of which may hold several names separated by commas or spaces. */
export function namesArg(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap(splitNames);
}
