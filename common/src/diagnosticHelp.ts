// What each diagnostic code means, in one line: the help text of the command-line tool's SARIF
// rules (code-scanning tools show it beside every finding) and of `cert-order check --format json`.
// A unit test checks that every code the language service and the CSR rules can give is here.

export interface DiagnosticHelp {
  code: string;
  /** One sentence: what is wrong. */
  summary: string;
  /** The Comodo status code the CA would answer, where there is one. */
  comodoStatus?: number;
}

const help = (code: string, summary: string, comodoStatus?: number): DiagnosticHelp => ({
  code,
  summary,
  ...(comodoStatus !== undefined ? { comodoStatus } : {}),
});

export const DIAGNOSTIC_HELP: readonly DiagnosticHelp[] = [
  // The order file (server/src/service).
  help('json-syntax', 'The order is not JSON (comments and trailing commas included).'),
  help('empty-file', 'The order file is empty: start it from a snippet or with "$api".'),
  help('api-missing', 'The order has no "$api" naming the API it is for.'),
  help('api-unknown', 'The "$api" value is not a known order API.'),
  help('missing-field', 'A required field is absent.', -3),
  help('unknown-field', 'A field the API does not document.', -2),
  help('wrong-type', 'A value of the wrong JSON type (e.g. "1" where the document wants an integer).', -4),
  help('too-long', 'A value longer than the document allows.', -4),
  help('value-not-allowed', 'A value outside the values the document lists.', -4),
  help('invalid-format', 'A value that does not have the documented form (e.g. product codes).', -4),
  help('invalid-email', 'Not an e-mail address.'),
  help('schema', "Another schema problem, in vscode-json-languageservice's words."),
  help('too-many-problems', 'Past the cap, further problems are counted, not listed.'),
  help('duplicate-field', 'A field written twice (for Comodo, in any case).'),
  help('field-name-case', 'A Comodo argument name in another case than the document writes it.'),
  help(
    'credential-in-file',
    'A credential (API key, password) written in the order: it belongs in secret storage.',
  ),
  help(
    'required-field-empty',
    'A required field written as an empty string, which the CA treats as missing.',
    -3,
  ),
  help('value-case', 'A value in another case than the document writes it ("y" for "Y").'),
  help('country-not-iso3166', 'A country that is not an ISO-3166 alpha-2 code.'),
  help('schema-mismatch', '"$schema" names the schema of another API than "$api".'),
  help('csr-empty', 'The CSR field is empty.', -3),
  help('csr-file-unreadable', 'A file: CSR reference that cannot be read.'),
  help('comodo-product-unknown-code', 'A product code the Comodo document does not list.', -4),
  help('comodo-product-base-count', 'Not exactly one base product.', -4),
  help('comodo-product-addon-not-allowed', 'An add-on the chosen base product does not allow.', -4),
  help('comodo-product-duplicate-code', 'A product code listed twice.'),
  help('comodo-validity-missing', 'Neither years nor days.', -3),
  help('comodo-validity-both', 'Both years and days: days supersedes years.'),
  help('comodo-validity-single', 'A validity on a product with only one possible validity.'),
  help('comodo-servers-missing', 'A product that needs servers without it.', -3),
  help('comodo-servers-ignored', 'servers on a product that ignores it.'),
  help('file-too-large', 'The file is too large to be checked.'),
  help('file-too-deep', 'The file nests too deep to be checked.'),
  // The CSR (common/src/csr/rules).
  help('csr-too-large', 'Far larger than any CSR: not decoded.'),
  help(
    'csr-not-base64',
    'The CSR is not base64 (a character outside the alphabet, bad padding, BEGIN without END).',
    -9,
  ),
  help('csr-not-a-csr', 'Base64, but not a PKCS#10 certificate request.', -10),
  help('csr-version', 'A PKCS#10 version other than 1.', -10),
  help('csr-unsupported-key-algorithm', 'A key type outside the key policy.', -11),
  help('csr-unsupported-signature-algorithm', 'A signature digest outside the key policy.', -11),
  help('csr-bad-signature', "The signature does not verify with the CSR's own key.", -12),
  help(
    'csr-signature-unchecked',
    'The signature could not be checked here (an unknown key or signature algorithm).',
  ),
  help('csr-extension-unreadable', 'A requested extension cannot be read; the rest of the CSR is decoded.'),
  help('csr-unsupported-key-size', 'A key size outside the key policy.', -13),
  help('csr-missing-subject-field', 'The subject lacks CN, O or C.', -8),
  help('csr-country-invalid', 'The subject C is not an ISO 3166-1 alpha-2 code.', -7),
  help('csr-cn-wildcard-not-allowed', 'A wildcard CN on a product that is not a wildcard product.', -5),
  help('csr-cn-wildcard-required', 'A wildcard product whose CN lacks exactly one wildcard.', -6),
  help('csr-intranet-fqdn', 'Intranet SSL for a fully-qualified domain name.', -18),
  help('csr-intranet-public-ip', 'Intranet SSL for an Internet-reachable IP address.', -19),
  help(
    'csr-order-field-required',
    'An address argument (streetAddress1, localityName, stateOrProvinceName, postalCode) that neither the order nor the CSR gives.',
    -3,
  ),
  help(
    'csr-order-field-differs',
    'The order and the CSR give different values; prioritiseCSRValues decides which the CA uses.',
  ),
  help('csr-cn-not-fqdn', 'The CN is not a fully-qualified domain name.'),
  help('csr-subject-too-long', 'A subject value longer than the document allows.'),
  help('csr-subject-string-type', 'A subject value of an ASN.1 string type the document does not list.'),
  help('csr-subject-field-ignored', 'A subject field the CA ignores.'),
];

const byCode = new Map(DIAGNOSTIC_HELP.map((h) => [h.code, h]));

/** The help of a code; an unknown code (a newer rule) gets a generic line rather than nothing. */
export function diagnosticHelp(code: string): DiagnosticHelp {
  return byCode.get(code) ?? { code, summary: `Diagnostic ${code}.` };
}
