// Names and addresses as the CN rules need them: is it a fully-qualified domain name, an IP
// address, one reachable from the Internet (Comodo -18 and -19 for Intranet SSL)?
import { domainToASCII } from 'node:url';

/** IPv4 dotted quad or IPv6 text to bytes; undefined when it is neither. */
export function parseIp(text: string): { version: 4 | 6; bytes: number[] } | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIpv6(text);
  return v6 ? { version: 6, bytes: v6 } : undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (i === pieces.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * Ranges that are not reachable from the Internet, which an Intranet SSL name may use: RFC 1918
 * private, RFC 6598 shared, loopback, link-local; IPv6 loopback, unique local, link-local.
 */
export function isInternalIp(ip: { version: 4 | 6; bytes: number[] }): boolean {
  const b = ip.bytes;
  if (ip.version === 4) {
    return (
      b[0] === 10 ||
      (b[0] === 172 && b[1] >= 16 && b[1] <= 31) ||
      (b[0] === 192 && b[1] === 168) ||
      (b[0] === 100 && b[1] >= 64 && b[1] <= 127) ||
      b[0] === 127 ||
      (b[0] === 169 && b[1] === 254)
    );
  }
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return isInternalIp({ version: 4, bytes: b.slice(12) });
  const loopback = b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  return loopback || (b[0] & 0xfe) === 0xfc || (b[0] === 0xfe && (b[1] & 0xc0) === 0x80);
}

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
