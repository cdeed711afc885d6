// The CSR rules that are about the CSR itself (its encoding, its key and its signature), as the
// codes a catalogue lists in `csrRules`: what any CA checks, whatever the order. An API whose
// document has more to say (Comodo: the subject, the common name per product, the address
// arguments) lists those rules after these.

export const CSR_ITSELF_RULES: readonly string[] = [
  'csr-empty',
  'csr-too-large',
  'csr-not-base64',
  'csr-not-a-csr',
  'csr-version',
  'csr-extension-unreadable',
  'csr-unsupported-key-algorithm',
  'csr-unsupported-key-size',
  'csr-unsupported-signature-algorithm',
  'csr-bad-signature',
  'csr-signature-unchecked',
];
