// prioritiseCSRValues: which value the CA uses, and the arguments a CSR field makes required.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

describe('csr-order-field-required (-3)', () => {
  const code = 'csr-order-field-required';
  test('triggers for each of streetAddress1, localityName, stateOrProvinceName, postalCode', () => {
    const found = ruleFindings('rsa2048-full.csr', code, { ...COMODO, orderFields: {} });
    assert.deepEqual(found.map((f) => f.orderField).sort(), [
      'localityName',
      'postalCode',
      'stateOrProvinceName',
      'streetAddress1',
    ]);
    const locality = found.find((f) => f.orderField === 'localityName');
    assert.equal(locality?.statusCode, -3);
    assert.match(locality?.message ?? '', /"localityName \(if there is a Locality Name in the CSR\)"/);
    assert.match(locality?.message ?? '', /-3 "The 'localityName' argument is missing!"/);
  });
  test('does not trigger when the order gives them, when the CSR lacks them, or when the order is unknown', () => {
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code, { ...COMODO, orderFields }), []);
    assert.deepEqual(ruleFindings('ec-p256.csr', code, { ...COMODO, orderFields: {} }), []);
    assert.deepEqual(ruleFindings('rsa2048-full.csr', code), []);
  });
});
