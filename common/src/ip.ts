// IP addresses as the CN rules and the endpoint checks need them, on Node's own parser (isIP) and
// range matcher (BlockList, which also matches an IPv4-mapped IPv6 address against IPv4 ranges).
import { BlockList, isIP } from 'node:net';

/**
 * 4 or 6 for an IPv4 dotted quad or IPv6 text; undefined otherwise. An IPv6 zone id
 * (`fe80::1%eth0`) names an interface of one machine: a certificate's iPAddress is 4 or 16 bytes
 * (RFC 5280 4.2.1.6) and a URL host cannot carry one, so it is not an address here. isIP already
 * refuses leading zeros (`010.0.0.1`), which some resolvers read as octal.
 */
export function ipVersion(text: string): 4 | 6 | undefined {
  if (text.includes('%')) return undefined;
  const v = isIP(text);
  return v === 4 || v === 6 ? v : undefined;
}

function blockList(v4: [string, number][], v6: [string, number][]): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

function inList(list: BlockList, text: string): boolean {
  const v = ipVersion(text);
  return v !== undefined && list.check(text, v === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Ranges that are not reachable from the Internet and that an Intranet SSL name may use: RFC 1918
 * private, RFC 6598 shared, loopback, link-local; IPv6 loopback, unique local, link-local. An
 * allow-list: 0.0.0.0, multicast and reserved space are not addresses of a private server, so
 * they are not internal (the -19 rule names them as not acceptable).
 */
const INTERNAL = blockList(
  [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
  ],
  [
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
  ],
);

export function isInternalIp(text: string): boolean {
  return inList(INTERNAL, text);
}

/**
 * 127.0.0.0/8 and ::1. Not the IPv4-mapped ::ffff:127.x.y.z: it reaches loopback only through a
 * dual-stack socket, no sandbox or test needs it, and a check that lets plain http through should
 * accept the plain spellings only. Two lists, since one BlockList would match the mapped form
 * against its IPv4 range.
 */
const LOOPBACK_V4 = blockList([['127.0.0.0', 8]], []);
const LOOPBACK_V6 = blockList([], [['::1', 128]]);

export function isLoopbackIp(text: string): boolean {
  const v = ipVersion(text);
  if (v === 4) return LOOPBACK_V4.check(text, 'ipv4');
  return v === 6 && LOOPBACK_V6.check(text, 'ipv6');
}
