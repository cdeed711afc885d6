// Subject rules from the Comodo `csr` row: -8, -7, maximum lengths, ASN.1 types, ignored fields.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COMODO, ruleFindings, SMIME } from './check';

describe('csr-missing-subject-field (-8)', () => {
  const code = 'csr-missing-subject-field';
  test('triggers on a missing O, C or CN, naming the field', () => {
    const [o] = ruleFindings('missing-o.csr', code);
    assert.equal(o.statusCode, -8);
    assert.match(o.message, /no Organization Name \(OID 2\.5\.4\.10\)/);
    assert.match(ruleFindings('missing-c.csr', code)[0].message, /no Country Name/);
    assert.match(ruleFindings('missing-cn.csr', code)[0].message, /no Common Name/);
  });
  test('does not trigger on a full subject, nor for S/MIME orders', () => {
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
    assert.deepEqual(ruleFindings('missing-o.csr', code, SMIME), []);
  });
});

describe('csr-country-invalid (-7)', () => {
  const code = 'csr-country-invalid';
  test('triggers on ZZ, with the status message filled in and the attribute named', () => {
    const [f] = ruleFindings('country-zz.csr', code);
    assert.equal(f.statusCode, -7);
    assert.match(f.message, /Comodo would answer: "'ZZ' is not a valid ISO-3166 country!"/);
    assert.deepEqual([f.attribute?.shortName, f.attribute?.value, f.attribute?.index], ['C', 'ZZ', 0]);
  });
  test('suggests GB for UK', () => {
    assert.match(ruleFindings('country-uk.csr', code)[0].message, /Did you mean GB\?/);
  });
  test('does not trigger on DE', () => {
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
  });
});

describe('csr-subject-too-long', () => {
  const code = 'csr-subject-too-long';
  test("triggers on values over the document's maximum length", () => {
    const found = ruleFindings('long-values.csr', code);
    assert.deepEqual(
      found.map((f) => f.attribute?.shortName),
      ['postalCode', 'postOfficeBox'],
    );
    assert.match(found[0].message, /41 characters; the Comodo document allows at most 40/);
  });
  test('does not trigger on values within the limits', () => {
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code), []);
  });
});

describe('csr-subject-string-type', () => {
  const code = 'csr-subject-string-type';
  test('UTF8String: a hint today, a warning under the document policy', () => {
    const today = ruleFindings('utf8.csr', code);
    assert.deepEqual(
      today.map((f) => [f.attribute?.shortName, f.severity]),
      [
        ['L', 'hint'],
        ['O', 'hint'],
        ['CN', 'hint'],
      ],
    );
    assert.match(today[1].message, /lists PrintableString, TeletexString, BMPString \(ASCII chars only\)/);
    const documented = ruleFindings('utf8.csr', code, { ...COMODO, policy: 'document' });
    assert.ok(documented.every((f) => f.severity === 'warning'));
  });
  test('BMPString with non-ASCII characters is a warning under either policy', () => {
    const [f] = ruleFindings('bmp.csr', code);
    assert.deepEqual([f.attribute?.shortName, f.severity], ['O', 'warning']);
  });
  test('does not trigger on PrintableString, TeletexString for O/CN, ASCII BMPString for CN', () => {
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
    assert.deepEqual(ruleFindings('teletex.csr', code), []);
    assert.deepEqual(ruleFindings('wildcard.csr', code), []);
    assert.deepEqual(
      ruleFindings('bmp.csr', code).filter((f) => f.attribute?.shortName === 'CN'),
      [],
    );
  });
});

describe('csr-subject-field-ignored', () => {
  const code = 'csr-subject-field-ignored';
  test('triggers (as a hint) on a subject field the document does not list', () => {
    const [f] = ruleFindings('rsa2048-full.csr', code);
    assert.deepEqual([f.attribute?.shortName, f.severity], ['emailAddress', 'hint']);
    assert.match(f.message, /will be ignored/);
  });
  test('does not trigger on listed fields', () => {
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
  });
});
