// Names for the object identifiers a CSR carries. Short names follow OpenSSL's (what
// `openssl req -text` prints), so a decode can be compared with it line by line.

export interface AttributeName {
  /** OpenSSL's short name, e.g. `CN`. */
  short: string;
  /** X.520 / PKCS#9 name, e.g. `commonName`. */
  long: string;
}

/** Subject (distinguished name) attribute types. */
export const SUBJECT_ATTRIBUTES: Readonly<Record<string, AttributeName>> = {
  '2.5.4.3': { short: 'CN', long: 'commonName' },
  '2.5.4.4': { short: 'SN', long: 'surname' },
  '2.5.4.5': { short: 'serialNumber', long: 'serialNumber' },
  '2.5.4.6': { short: 'C', long: 'countryName' },
  '2.5.4.7': { short: 'L', long: 'localityName' },
  '2.5.4.8': { short: 'ST', long: 'stateOrProvinceName' },
  '2.5.4.9': { short: 'street', long: 'streetAddress' },
  '2.5.4.10': { short: 'O', long: 'organizationName' },
  '2.5.4.11': { short: 'OU', long: 'organizationalUnitName' },
  '2.5.4.12': { short: 'title', long: 'title' },
  '2.5.4.13': { short: 'description', long: 'description' },
  '2.5.4.15': { short: 'businessCategory', long: 'businessCategory' },
  '2.5.4.17': { short: 'postalCode', long: 'postalCode' },
  '2.5.4.18': { short: 'postOfficeBox', long: 'postOfficeBox' },
  '2.5.4.41': { short: 'name', long: 'name' },
  '2.5.4.42': { short: 'GN', long: 'givenName' },
  '2.5.4.43': { short: 'initials', long: 'initials' },
  '2.5.4.44': { short: 'generationQualifier', long: 'generationQualifier' },
  '2.5.4.46': { short: 'dnQualifier', long: 'dnQualifier' },
  '2.5.4.65': { short: 'pseudonym', long: 'pseudonym' },
  '2.5.4.97': { short: 'organizationIdentifier', long: 'organizationIdentifier' },
  '1.2.840.113549.1.9.1': { short: 'emailAddress', long: 'emailAddress' },
  '0.9.2342.19200300.100.1.1': { short: 'UID', long: 'userId' },
  '0.9.2342.19200300.100.1.25': { short: 'DC', long: 'domainComponent' },
  '1.3.6.1.4.1.311.60.2.1.1': { short: 'jurisdictionL', long: 'jurisdictionLocalityName' },
  '1.3.6.1.4.1.311.60.2.1.2': { short: 'jurisdictionST', long: 'jurisdictionStateOrProvinceName' },
  '1.3.6.1.4.1.311.60.2.1.3': { short: 'jurisdictionC', long: 'jurisdictionCountryName' },
};

export const OID = {
  commonName: '2.5.4.3',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  postalCode: '2.5.4.17',
  postOfficeBox: '2.5.4.18',
  extensionRequest: '1.2.840.113549.1.9.14',
  msCertExtensions: '1.3.6.1.4.1.311.2.1.14',
  challengePassword: '1.2.840.113549.1.9.7',
  subjectAltName: '2.5.29.17',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  dsa: '1.2.840.10040.4.1',
} as const;

/** CSR attributes (PKCS#9) other than the subject's. */
export const CSR_ATTRIBUTES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.9.14': 'extensionRequest',
  '1.3.6.1.4.1.311.2.1.14': 'msCertExtensions',
  '1.2.840.113549.1.9.7': 'challengePassword',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.3.6.1.4.1.311.13.2.3': 'msOsVersion',
  '1.3.6.1.4.1.311.21.20': 'msRequestClientInfo',
  '1.3.6.1.4.1.311.13.2.2': 'msEnrollmentCspProvider',
};

export interface ExtensionName {
  short: string;
  /** What `openssl req -text` prints. */
  title: string;
}

export const EXTENSIONS: Readonly<Record<string, ExtensionName>> = {
  '2.5.29.14': { short: 'subjectKeyIdentifier', title: 'X509v3 Subject Key Identifier' },
  '2.5.29.15': { short: 'keyUsage', title: 'X509v3 Key Usage' },
  '2.5.29.17': { short: 'subjectAltName', title: 'X509v3 Subject Alternative Name' },
  '2.5.29.18': { short: 'issuerAltName', title: 'X509v3 Issuer Alternative Name' },
  '2.5.29.19': { short: 'basicConstraints', title: 'X509v3 Basic Constraints' },
  '2.5.29.30': { short: 'nameConstraints', title: 'X509v3 Name Constraints' },
  '2.5.29.31': { short: 'crlDistributionPoints', title: 'X509v3 CRL Distribution Points' },
  '2.5.29.32': { short: 'certificatePolicies', title: 'X509v3 Certificate Policies' },
  '2.5.29.35': { short: 'authorityKeyIdentifier', title: 'X509v3 Authority Key Identifier' },
  '2.5.29.37': { short: 'extKeyUsage', title: 'X509v3 Extended Key Usage' },
  '1.3.6.1.5.5.7.1.1': { short: 'authorityInfoAccess', title: 'Authority Information Access' },
  '1.3.6.1.5.5.7.1.24': { short: 'tlsfeature', title: 'TLS Feature' },
  '1.3.6.1.4.1.11129.2.4.3': { short: 'ct_precert_poison', title: 'CT Precertificate Poison' },
  '1.3.6.1.4.1.311.20.2': {
    short: 'msCertificateTemplateName',
    title: 'Microsoft Certificate Template Name',
  },
  '1.3.6.1.4.1.311.21.7': { short: 'msCertificateTemplate', title: 'Microsoft Certificate Template' },
};

/** Key usage bits in order (RFC 5280 4.2.1.3), as `openssl -text` names them. */
export const KEY_USAGE_BITS = [
  'Digital Signature',
  'Non Repudiation',
  'Key Encipherment',
  'Data Encipherment',
  'Key Agreement',
  'Certificate Sign',
  'CRL Sign',
  'Encipher Only',
  'Decipher Only',
] as const;

export interface ExtKeyUsageName {
  short: string;
  /** What `openssl -text` prints. */
  title: string;
}

export const EXT_KEY_USAGES: Readonly<Record<string, ExtKeyUsageName>> = {
  '1.3.6.1.5.5.7.3.1': { short: 'serverAuth', title: 'TLS Web Server Authentication' },
  '1.3.6.1.5.5.7.3.2': { short: 'clientAuth', title: 'TLS Web Client Authentication' },
  '1.3.6.1.5.5.7.3.3': { short: 'codeSigning', title: 'Code Signing' },
  '1.3.6.1.5.5.7.3.4': { short: 'emailProtection', title: 'E-mail Protection' },
  '1.3.6.1.5.5.7.3.8': { short: 'timeStamping', title: 'Time Stamping' },
  '1.3.6.1.5.5.7.3.9': { short: 'OCSPSigning', title: 'OCSP Signing' },
  '2.5.29.37.0': { short: 'anyExtendedKeyUsage', title: 'Any Extended Key Usage' },
};

export type HashName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export const HASHES: Readonly<Record<string, HashName>> = {
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export type SignatureKind = 'rsa' | 'rsa-pss' | 'ecdsa' | 'eddsa' | 'dsa';

export interface SignatureAlgorithmName {
  /** OpenSSL's name, as `openssl req -text` prints it. */
  name: string;
  kind: SignatureKind;
  /** Digest; for RSA-PSS it comes from the parameters instead. */
  hash: HashName | null;
}

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithmName>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', kind: 'rsa', hash: null },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', kind: 'rsa', hash: 'md5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', kind: 'rsa', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', kind: 'rsa', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', kind: 'rsa', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', kind: 'rsa', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', kind: 'rsa', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss', kind: 'rsa-pss', hash: null },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', kind: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', kind: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', kind: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', kind: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', kind: 'ecdsa', hash: 'sha512' },
  '1.3.101.112': { name: 'ED25519', kind: 'eddsa', hash: null },
  '1.3.101.113': { name: 'ED448', kind: 'eddsa', hash: null },
  '1.2.840.10040.4.3': { name: 'dsaWithSHA1', kind: 'dsa', hash: 'sha1' },
  '2.16.840.1.101.3.4.3.1': { name: 'dsa_with_SHA224', kind: 'dsa', hash: 'sha224' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa_with_SHA256', kind: 'dsa', hash: 'sha256' },
};

export interface CurveName {
  /** NIST name, e.g. `P-256`; JWK `crv`. */
  nist?: 'P-256' | 'P-384' | 'P-521';
  /** OpenSSL's name (`ASN1 OID:` in `openssl -text`). */
  openssl: string;
  bits: number;
}

export const CURVES: Readonly<Record<string, CurveName>> = {
  '1.2.840.10045.3.1.7': { nist: 'P-256', openssl: 'prime256v1', bits: 256 },
  '1.3.132.0.34': { nist: 'P-384', openssl: 'secp384r1', bits: 384 },
  '1.3.132.0.35': { nist: 'P-521', openssl: 'secp521r1', bits: 521 },
  '1.3.132.0.10': { openssl: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { openssl: 'prime192v1', bits: 192 },
  '1.3.132.0.33': { openssl: 'secp224r1', bits: 224 },
  '1.3.36.3.3.2.8.1.1.7': { openssl: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { openssl: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { openssl: 'brainpoolP512r1', bits: 512 },
};

export function subjectAttributeName(oid: string): AttributeName {
  return SUBJECT_ATTRIBUTES[oid] ?? { short: oid, long: oid };
}
