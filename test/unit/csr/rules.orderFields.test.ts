// prioritiseCSRValues: which value the CA uses, and the address arguments required unless the CSR
// has the field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingText } from '../../../common/src/csr';
import { COMODO, ruleFindings } from './check';

const orderFields = {
  streetAddress1: 'Example Street 1',
  streetAddress2: 'Building B',
  localityName: 'Berlin',
  stateOrProvinceName: 'Berlin',
  postalCode: '10115',
};

describe('csr-order-field-differs', () => {
  const code = 'csr-order-field-differs';
  test('with the default prioritiseCSRValues (Y) the CSR value wins', () => {
    const [f] = ruleFindings('rsa2048-full.csr', code, {
      ...COMODO,
      orderFields: { ...orderFields, localityName: 'Potsdam' },
    });
    assert.equal(f.severity, 'information');
    assert.equal(f.orderField, 'localityName');
    assert.deepEqual([f.attribute?.shortName, f.attribute?.value], ['L', 'Berlin']);
    assert.match(f.message, /prioritiseCSRValues=Y \(the default\) the CA uses the CSR's value "Berlin"/);
  });
  test("with N the order's value wins; names are case-insensitive; the second street maps to streetAddress2", () => {
    const { streetAddress2: _, ...others } = orderFields;
    const found = ruleFindings('rsa2048-full.csr', code, {
      ...COMODO,
      prioritiseCSRValues: 'n',
      orderFields: { ...others, STREETADDRESS2: 'Building C', prioritiseCSRValues: 'n' },
    });
    assert.equal(found.length, 1);
    assert.equal(found[0].orderField, 'STREETADDRESS2');
    assert.equal(found[0].attribute?.value, 'Building B');
    assert.match(found[0].message, /prioritiseCSRValues=N the CA uses the order's value "Building C"/);
  });
  test('does not trigger when the values agree, or when the order fields are unknown', () => {
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code, { ...COMODO, orderFields }), []);
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code), []);
  });
});

describe('csr-order-field-required (-3): an address argument neither the order nor the CSR gives', () => {
  const code = 'csr-order-field-required';
  test('triggers for each of streetAddress1, localityName, stateOrProvinceName, postalCode on a CSR without them', () => {
    const found = ruleFindings('ec-p256.csr', code, { ...COMODO, orderFields: {} });
    assert.deepEqual(
      found.map((f) => [f.orderField, f.missingArgument]),
      [
        ['streetAddress1', true],
        ['localityName', true],
        ['stateOrProvinceName', true],
        ['postalCode', true],
      ],
    );
    const locality = found[1];
    assert.equal(locality.statusCode, -3);
    assert.equal(locality.severity, 'error');
    assert.match(
      findingText(locality),
      /^-3: localityName is missing\. The CSR has no Locality Name \(2\.5\.4\.7\)/,
    );
    assert.match(locality.message, /"localityName \(if there is a Locality Name in the CSR\)"/);
    assert.match(locality.message, /Comodo would answer: "The 'localityName' argument is missing!"$/);
  });
  test('an argument written as "" is empty, not given: the message names it as written', () => {
    const { postalCode: _, ...others } = orderFields;
    const found = ruleFindings('ec-p256.csr', code, {
      ...COMODO,
      orderFields: { ...others, PostalCode: ' ' },
    });
    assert.equal(found.length, 1);
    assert.equal(found[0].orderField, 'postalCode');
    assert.equal(found[0].missingArgument, undefined);
    assert.match(found[0].message, /^PostalCode is empty\./);
  });
  test('does not trigger when the CSR has the fields, when the order gives them, or when the order is unknown', () => {
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code, { ...COMODO, orderFields: {} }), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code, { ...COMODO, orderFields }), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code), []);
    // One street address in the CSR covers streetAddress1; only the missing ones are asked for.
    const { streetAddress1: _, ...noStreet } = orderFields;
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code, { ...COMODO, orderFields: noStreet }), []);
    assert.deepEqual(
      ruleFindings('utf8.csr', code, { ...COMODO, orderFields: {} }).map((f) => f.orderField),
      ['streetAddress1', 'stateOrProvinceName', 'postalCode'],
    );
  });
  test('SSL2Buy orders have no such rule', () => {
    assert.deepEqual(
      ruleFindings('ec-p256.csr', code, { api: 'ssl2buy-sectigo-pac-enterprise', orderFields: {} }),
      [],
    );
  });
});
