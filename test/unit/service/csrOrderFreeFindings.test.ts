// CsrCache keeps, per CSR, the findings of the rules that do not read the order (`readsOrder`
// absent), so that the orders of a folder naming one CSR run them once. What it answers must be
// checkCsr's own answer for every order, and a rule that reads the order must be marked so.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  analyseCsrText,
  checkCsr,
  CSR_CONTENT_RULES,
  CSR_INPUT_RULES,
  CsrCache,
  resolveContext,
  type CsrCheckContext,
} from '../../../common/src/csr';

const ROOT = path.join(__dirname, '..', '..', '..');
const CSRS = [
  ...readdirSync(path.join(ROOT, 'test', 'fixtures', 'csr'))
    .filter((f) => f.endsWith('.csr'))
    .map((f) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'csr', f), 'utf8')),
  ...readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.csr'))
    .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8')),
  '',
  'not a CSR',
  '-----BEGIN CERTIFICATE REQUEST-----\nMIIB$$$\n-----END CERTIFICATE REQUEST-----',
];

const ADDRESS = {
  organizationName: 'Example Ltd',
  streetAddress1: '1 Example Street',
  localityName: 'London',
  stateOrProvinceName: 'Greater London',
  postalCode: 'EC1A 1AA',
  countryName: 'GB',
};

/** Orders around a CSR: products that switch the Common Name rules, fields that differ or lack. */
const CONTEXTS: CsrCheckContext[] = [];
for (const policy of ['current', 'document'] as const) {
  CONTEXTS.push({ api: 'ssl2buy-sectigo-pac-enterprise', policy });
  for (const products of [undefined, [24], [35], [44], [24, 287]]) {
    CONTEXTS.push({ api: 'comodo-autoapplyssl', policy, ...(products ? { products } : {}) });
    CONTEXTS.push({ api: 'comodo-autoapplyssl', policy, products, orderFields: ADDRESS });
    CONTEXTS.push({
      api: 'comodo-autoapplyssl',
      policy,
      products,
      orderFields: { organizationName: 'Another Org', postalCode: '99999', prioritiseCSRValues: 'N' },
      prioritiseCSRValues: 'N',
    });
    CONTEXTS.push({ api: 'comodo-autoapplyssl', policy, products, orderFields: {} });
  }
}

const ANALYSES = CSRS.map((text) => analyseCsrText(text));

test('a cache shared by every order answers, for each, what checkCsr answers alone', () => {
  const cache = new CsrCache();
  for (let round = 0; round < 2; round++) {
    for (const [i, text] of CSRS.entries()) {
      for (const context of CONTEXTS) {
        const alone = checkCsr(ANALYSES[i], context);
        assert.deepEqual(
          cache.check(text, context).findings,
          alone,
          `${context.api} ${JSON.stringify(context)}`,
        );
      }
    }
  }
});

test('the rules without readsOrder never look at the order', () => {
  // Their findings are made with a context that has only the API and the key policy; reading the
  // order's products or fields there would go unnoticed, so reading them throws here.
  const orderKeys = new Set(['products', 'orderFields', 'orderFieldIndex', 'prioritiseCSRValues']);
  for (const context of CONTEXTS) {
    const resolved = resolveContext(context);
    const guarded = new Proxy(resolved, {
      get(target, key, receiver) {
        if (typeof key === 'string' && orderKeys.has(key)) throw new Error(`reads the order's ${key}`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    for (const analysis of ANALYSES) {
      for (const rule of CSR_INPUT_RULES.filter((r) => !r.readsOrder))
        assert.doesNotThrow(() => rule.check(analysis, guarded), rule.code);
      if (analysis.kind !== 'decoded') continue;
      for (const rule of CSR_CONTENT_RULES.filter((r) => !r.readsOrder))
        assert.doesNotThrow(() => rule.check(analysis.csr, guarded), rule.code);
    }
  }
  // And the marked ones do read it (a mark on every rule would keep nothing).
  const marked = CSR_CONTENT_RULES.filter((r) => r.readsOrder).map((r) => r.code);
  assert.deepEqual(marked.sort(), [
    'csr-cn-not-fqdn',
    'csr-cn-wildcard-not-allowed',
    'csr-cn-wildcard-required',
    'csr-intranet-fqdn',
    'csr-intranet-public-ip',
    'csr-order-field-differs',
    'csr-order-field-required',
  ]);
});

test('a hundred orders naming one CSR run its order-free rules once, its order rules for each', () => {
  // C=DE, ST=Berlin, L=Berlin, street, postalCode=10115, O=Example GmbH, OU=IT, CN, emailAddress.
  const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'csr', 'rsa2048-full.csr'), 'utf8');
  const free = CSR_CONTENT_RULES.find((r) => r.code === 'csr-subject-field-ignored')!;
  const ordered = CSR_CONTENT_RULES.find((r) => r.code === 'csr-order-field-differs')!;
  const calls = { free: 0, ordered: 0 };
  const restore = [free.check, ordered.check] as const;
  const counted = <T extends unknown[], R>(f: (...a: T) => R, key: keyof typeof calls) =>
    function (this: unknown, ...a: T): R {
      calls[key]++;
      return f.apply(this, a);
    };
  free.check = counted(free.check, 'free');
  ordered.check = counted(ordered.check, 'ordered');
  try {
    const cache = new CsrCache();
    const differs: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Every order its own text (an order number), the CSR's locality but in every tenth another.
      const orderFields = { organizationName: `Order ${i}`, localityName: i % 10 ? 'Berlin' : 'Potsdam' };
      const { findings } = cache.check(text, { api: 'comodo-autoapplyssl', products: [24], orderFields });
      if (findings.some((f) => f.code === 'csr-order-field-differs' && f.orderField === 'localityName'))
        differs.push(i);
      // The order-free finding is there for every order.
      assert.ok(findings.some((f) => f.code === 'csr-subject-field-ignored'));
    }
    assert.equal(calls.free, 1);
    assert.equal(calls.ordered, 100);
    // The order rules still see each order: only the orders with another locality hear of it.
    assert.deepEqual(differs, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // Another key policy is another set of order-free findings.
    cache.check(text, { api: 'comodo-autoapplyssl', products: [24], policy: 'document' });
    assert.equal(calls.free, 2);
  } finally {
    [free.check, ordered.check] = restore;
  }
});
