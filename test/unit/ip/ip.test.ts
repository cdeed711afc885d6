// IP addresses on node:net: what is an address, internal (Intranet SSL) and loopback (plain http
// and no proxy), for the spellings a hand-written parser gets wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipVersion, isInternalIp, isLoopbackIp } from '../../../common/src/ip';
import { isLoopbackHost } from '../../../common/src/protocol/endpoint';

describe('ipVersion', () => {
  it('IPv4, IPv6 (compressed, upper case, with an IPv4 tail)', () => {
    for (const a of ['1.2.3.4', '0.0.0.0', '255.255.255.255']) assert.equal(ipVersion(a), 4, a);
    for (const a of ['::', '::1', 'FE80::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1'])
      assert.equal(ipVersion(a), 6, a);
  });
  it('not an address: zone ids, leading zeros, short quads, brackets, names', () => {
    for (const a of [
      'fe80::1%eth0',
      '::1%lo',
      '010.0.0.1',
      '127.000.0.1',
      '1.2.3',
      '256.1.1.1',
      '[::1]',
      '1::2::3',
      '12345::1',
      'server01',
      '',
    ])
      assert.equal(ipVersion(a), undefined, a);
  });
});

describe('isInternalIp (Intranet SSL, Comodo -19)', () => {
  it('private, shared, loopback and link-local, IPv4-mapped too', () => {
    for (const a of [
      '10.0.0.0',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.64.0.1',
      '100.127.255.255',
      '127.0.0.1',
      '169.254.0.1',
      '::1',
      'fc00::1',
      'fdff::1',
      'fe80::1',
      'febf::1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '::FFFF:192.168.1.1',
    ])
      assert.equal(isInternalIp(a), true, a);
  });
  it('public, unspecified, multicast and reserved are not internal; nor a zone id or a name', () => {
    for (const a of [
      '8.8.8.8',
      '172.15.255.255',
      '172.32.0.1',
      '100.63.255.255',
      '100.128.0.1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '239.255.255.255',
      'ff02::1',
      '240.0.0.1',
      '255.255.255.255',
      '2001:4860:4860::8888',
      'fec0::1',
      '::ffff:8.8.8.8',
      'fe80::1%eth0',
      '010.0.0.1',
      'server01',
    ])
      assert.equal(isInternalIp(a), false, a);
  });
});

describe('isLoopbackIp / isLoopbackHost', () => {
  it('127.0.0.0/8 and ::1 are loopback', () => {
    for (const a of ['127.0.0.1', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1'])
      assert.equal(isLoopbackIp(a), true, a);
    assert.equal(isLoopbackHost(new URL('http://[::1]:8080/').hostname), true);
  });
  it('0.0.0.0, ::, the IPv4-mapped form, zone ids, leading zeros and other ranges are not', () => {
    // The URL parser's own spelling of [::ffff:127.0.0.1]: loopback only on a dual-stack socket.
    assert.equal(isLoopbackHost(new URL('http://[::ffff:127.0.0.1]:8080/').hostname), false);
    for (const a of [
      '0.0.0.0',
      '::',
      '::1%lo',
      '127.000.0.1',
      '128.0.0.1',
      '::2',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ])
      assert.equal(isLoopbackIp(a), false, a);
  });
});
