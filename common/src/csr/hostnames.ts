// Names and addresses as the CN rules need them: is it a fully-qualified domain name, an IP
// address, one reachable from the Internet (Comodo -18 and -19 for Intranet SSL)? Addresses are
// common/src/ip.ts's (node:net).
import { domainToASCII } from 'node:url';

export { ipVersion, isInternalIp } from '../ip';

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * A fully-qualified domain name in DNS (A-label) form: two or more letter-digit-hyphen labels,
 * a top-level label that is not all digits, 253 characters at most. A leading `*.` is allowed when
 * `allowWildcard` (the wildcard rules judge it separately).
 */
export function isFqdn(name: string, allowWildcard = false): boolean {
  let n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (allowWildcard && n.startsWith('*.')) n = n.slice(2);
  if (n.length === 0 || n.length > 253) return false;
  const labels = n.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/** One letter-digit-hyphen DNS label (RFC 1123 2.1): an Intranet SSL server name like `server01`. */
export function isDnsLabel(label: string): boolean {
  return LABEL.test(label);
}

/** The A-label (punycode) form of a name with non-ASCII labels, when it has one. */
export function asciiForm(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name)) return undefined;
  const wildcard = name.startsWith('*.');
  const ascii = domainToASCII(wildcard ? name.slice(2) : name);
  return ascii ? (wildcard ? `*.${ascii}` : ascii) : undefined;
}

export function wildcardCount(name: string): number {
  let n = 0;
  for (const ch of name) if (ch === '*') n++;
  return n;
}
