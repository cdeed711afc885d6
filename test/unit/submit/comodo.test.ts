// Round trips of Comodo !AutoApplySSL orders through the flow, the undici sender and the sandbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Bed, comodoOrder, SECRET } from './harness';

describe('Comodo !AutoApplySSL round trips against the sandbox', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    for (const csr of [
      'www.example.com.csr',
      'bad-signature.csr',
      'wildcard.csr',
      'country-zz.csr',
      'missing-o.csr',
      'ed25519.csr',
      'rsa1024.csr',
      'public-ip.csr',
    ])
      await bed.copyFixture(csr);
  });
  after(() => bed.stop());

  it('demo: sends test=Y as a form POST, parses the four lines, writes history before showing', async () => {
    const file = await bed.writeOrder('demo.order.json', comodoOrder());
    const result = await bed.submit(file, 'demo');
    assert.equal(result.status, 'sent');
    if (result.status !== 'sent') return;
    const { record } = result;
    assert.equal(record.parsed?.kind, 'success');
    if (record.parsed?.kind !== 'success') return;
    assert.equal(record.parsed.statusCode, 0);
    assert.equal(record.parsed.statusMeaning, 'Successful');
    assert.match(record.parsed.orderNumber ?? '', /^\d{8}$/);
    assert.deepEqual(
      record.parsed.fields.map((f) => [f.name, f.value]),
      [
        ['statusCode', '0'],
        ['orderNumber', record.parsed.orderNumber],
        ['amount', '0.00'],
        ['expectedDeliveryHours', '48'],
      ],
    );
    assert.match(record.parsed.fields[3].meaning ?? '', /not marked as validated by the Web Host/);
    assert.equal(record.request.headers['content-type'], 'application/x-www-form-urlencoded');
    const sent = new URLSearchParams(record.request.body);
    assert.equal(sent.get('test'), 'Y');
    assert.equal(sent.get('loginName'), 'example-reseller');
    assert.equal(sent.get('loginPassword'), '********');
    assert.match(sent.get('csr') ?? '', /BEGIN CERTIFICATE REQUEST/);
    assert.ok(result.historyFile);
    assert.equal(bed.shown.at(-1)?.onDiskWhenShown, true);
    assert.ok(
      bed.ui.some(
        (u) =>
          u.kind === 'info' &&
          u.message.includes(record.parsed?.kind === 'success' ? (record.parsed.orderNumber ?? '?') : '?'),
      ),
    );
    assert.match(bed.shown.at(-1)?.html ?? '', /id="order-number" class="value">\d{8}</);
  });

  it('the same order gets the same order number (deterministic sandbox)', async () => {
    const file = await bed.writeOrder('again.order.json', comodoOrder());
    const a = await bed.submit(file, 'demo');
    const b = await bed.submit(file, 'demo');
    assert.ok(a.status === 'sent' && b.status === 'sent');
    if (a.status !== 'sent' || b.status !== 'sent') return;
    assert.equal(
      a.record.parsed?.kind === 'success' && a.record.parsed.orderNumber,
      b.record.parsed?.kind === 'success' && b.record.parsed.orderNumber,
    );
  });

  it('production: confirms naming the URL and summarising the order; no test flag', async () => {
    const file = await bed.writeOrder('prod.order.json', comodoOrder({ product: '34', years: 2 }));
    const result = await bed.submit(file, 'production');
    assert.equal(result.status, 'sent');
    const confirm = bed.lastUi('confirmProduction');
    assert.ok(confirm);
    assert.ok(confirm.message.includes(bed.settings.apis.comodo.productionUrl));
    assert.match(confirm.detail ?? '', /API: Comodo !AutoApplySSL/);
    assert.match(confirm.detail ?? '', /Products: InstantSSL Pro \(34\)/);
    assert.match(confirm.detail ?? '', /Validity: 2 years/);
    assert.match(confirm.detail ?? '', /Common name \(CSR\): www\.example\.com/);
    assert.match(confirm.detail ?? '', /Organisation: Example Ltd/);
    // The account charged, by name (never the secret), and the name to type to send.
    assert.match(confirm.detail ?? '', /^Account charged: loginName example-reseller$/m);
    assert.match(confirm.message, /charged to example-reseller/);
    assert.equal(confirm.typed, 'www.example.com');
    assert.equal(JSON.stringify(bed.ui).includes(SECRET), false);
    if (result.status !== 'sent') return;
    assert.equal(new URLSearchParams(result.record.request.body).get('test'), null);
    assert.equal(result.record.parsed?.kind === 'success' && result.record.parsed.fields[2].value, '160.00');
  });

  it('production: confirmed before the credentials are asked for; declined, none are asked', async () => {
    const file = await bed.writeOrder('order-of-questions.order.json', comodoOrder({ product: '7' }));
    const from = bed.ui.length;
    assert.equal((await bed.submit(file, 'production')).status, 'sent');
    const kinds = bed.ui.slice(from).map((u) => u.kind);
    assert.ok(kinds.indexOf('confirmProduction') >= 0, kinds.join());
    assert.ok(kinds.indexOf('confirmProduction') < kinds.indexOf('credentials'), kinds.join());

    bed.answers.production = false;
    const other = await bed.writeOrder('declined.order.json', comodoOrder({ product: '8' }));
    const sent = bed.sent;
    const at = bed.ui.length;
    const declined = await bed.submit(other, 'production');
    bed.answers.production = true;
    assert.equal(declined.status, 'cancelled');
    assert.equal(bed.sent, sent);
    assert.deepEqual(
      bed.ui.slice(at).map((u) => u.kind),
      ['confirmProduction'],
    );
  });

  it('production: an account asked for later is said so; the typed word without a CSR name', async () => {
    const saved = bed.settings.apis.comodo.userName;
    const file = await bed.writeOrder(
      'no-account.order.json',
      comodoOrder({ loginName: undefined, product: '9' }),
    );
    bed.settings.apis.comodo.userName = '';
    bed.answers.production = false;
    await bed.submit(file, 'production');
    bed.answers.production = true;
    bed.settings.apis.comodo.userName = saved;
    const confirm = bed.lastUi('confirmProduction');
    assert.match(
      confirm?.detail ?? '',
      /^Account charged: loginName not set yet: asked for after this confirmation$/m,
    );
    assert.doesNotMatch(confirm?.message ?? '', /charged to/);
  });

  it('production: re-sending the same CSR and product asks first, naming the earlier order number', async () => {
    const first = await bed.writeOrder('dup-a.order.json', comodoOrder({ product: '24' }));
    const r1 = await bed.submit(first, 'production');
    assert.ok(r1.status === 'sent' && r1.record.parsed?.kind === 'success');
    const number =
      r1.status === 'sent' && r1.record.parsed?.kind === 'success' ? r1.record.parsed.orderNumber : '';
    // Another file, same CSR, same product (other field order and years): the same certificate.
    const second = await bed.writeOrder('dup-b.order.json', comodoOrder({ product: ' 24 ', years: 3 }));
    bed.answers.duplicate = false;
    const sentBefore = bed.sent;
    const r2 = await bed.submit(second, 'production');
    bed.answers.duplicate = true;
    assert.equal(r2.status, 'cancelled');
    assert.equal(bed.sent, sentBefore);
    const asked = bed.lastUi('confirmDuplicate');
    assert.ok(asked?.message.includes(`order number ${number}`), asked?.message);
    // Demo is never asked about.
    const before = bed.ui.filter((u) => u.kind === 'confirmDuplicate').length;
    await bed.submit(second, 'demo');
    assert.equal(bed.ui.filter((u) => u.kind === 'confirmDuplicate').length, before);
  });

  const errorCases: [string, Record<string, unknown>, number, string | undefined][] = [
    ['-2 unrecognised argument', { colour: 'blue' }, -2, undefined],
    ['-3 missing argument', { serverSoftware: undefined }, -3, 'serverSoftware'],
    ['-4 invalid value', { years: 7 }, -4, 'years'],
    ['-4 invalid product combination', { product: '43,36' }, -4, 'product'],
    ['-9 CSR not base64', { csr: 'this is not base64!' }, -9, undefined],
    ['-10 CSR cannot be decoded', { csr: 'QUJDREVGR0g=' }, -10, undefined],
    ['-12 CSR signature invalid', { csr: 'file:bad-signature.csr' }, -12, undefined],
    ['-5 wildcard CN for a product without one', { csr: 'file:wildcard.csr' }, -5, undefined],
    ['-6 wildcard product, CN without a wildcard', { product: '35', servers: 1 }, -6, undefined],
    ['-7 country not ISO-3166', { csr: 'file:country-zz.csr' }, -7, undefined],
    ['-8 CSR without O', { csr: 'file:missing-o.csr' }, -8, undefined],
    ['-11 unsupported algorithm (Ed25519)', { csr: 'file:ed25519.csr' }, -11, undefined],
    ['-13 unsupported key size (RSA-1024, current policy)', { csr: 'file:rsa1024.csr' }, -13, undefined],
    ['-18 intranet name that is an FQDN', { product: '44' }, -18, undefined],
    ['-19 intranet name that is a public IP', { product: '44', csr: 'file:public-ip.csr' }, -19, undefined],
  ];
  for (const [title, overrides, code, field] of errorCases) {
    it(`error ${title}: status, documented meaning, field diagnostic`, async () => {
      const order = comodoOrder(overrides);
      for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete order[k];
      const file = await bed.writeOrder(`err${code}.order.json`, order);
      const result = await bed.submit(file, 'demo');
      assert.equal(result.status, 'sent');
      if (result.status !== 'sent') return;
      const parsed = result.record.parsed;
      assert.equal(parsed?.kind, 'error', JSON.stringify(result.record.response));
      if (parsed?.kind !== 'error') return;
      assert.equal(parsed.statusCode, code);
      if (field) {
        assert.equal(parsed.fieldError?.field, field);
        assert.deepEqual(bed.fieldErrors.get(file)?.[0]?.field, field);
      } else {
        assert.equal(bed.fieldErrors.has(file), false);
      }
      assert.ok(bed.ui.some((u) => u.kind === 'error' && u.message.includes(String(code))));
    });
  }

  it('documented codes the sandbox is asked for: -15 not enough credit, 1 payment required', async () => {
    const file = await bed.writeOrder('codes.order.json', comodoOrder());
    bed.fault('comodo', 'code=-15');
    const r1 = await bed.submit(file, 'demo');
    assert.ok(r1.status === 'sent' && r1.record.parsed?.kind === 'error');
    if (r1.status === 'sent' && r1.record.parsed?.kind === 'error')
      assert.equal(r1.record.parsed.message, 'Not enough credit!');
    bed.fault('comodo', 'code=1');
    const r2 = await bed.submit(file, 'demo');
    assert.ok(r2.status === 'sent' && r2.record.parsed?.kind === 'success');
    if (r2.status === 'sent' && r2.record.parsed?.kind === 'success') {
      assert.equal(r2.record.parsed.statusMeaning, 'Successful, Payment Required');
      assert.match(r2.record.parsed.fields[2].label, /Amount Required/);
    }
    bed.settings.apis.comodo.productionUrl = bed.sandbox.urls['comodo-autoapplyssl'];
    bed.settings.apis.comodo.demoUrl = '';
  });

  for (const code of [-1, -14, -16, -17]) {
    it(`documented status ${code}, injected: parsed with its documented meaning`, async () => {
      const file = await bed.writeOrder('injected.order.json', comodoOrder());
      bed.fault('comodo', `code=${code}`);
      const result = await bed.submit(file, 'demo');
      bed.settings.apis.comodo.productionUrl = bed.sandbox.urls['comodo-autoapplyssl'];
      bed.settings.apis.comodo.demoUrl = '';
      assert.ok(result.status === 'sent' && result.record.parsed?.kind === 'error');
      if (result.status !== 'sent' || result.record.parsed?.kind !== 'error') return;
      assert.equal(result.record.parsed.statusCode, code);
      assert.equal(result.record.parsed.message, result.record.parsed.statusMeaning);
    });
  }

  it('the secret never reaches a written file, the log or the panel', async () => {
    const everything = await bed.everythingSeen();
    assert.ok(bed.shown.length > 5);
    assert.equal(everything.includes('S3cr3t-k3y'), false);
    assert.ok(everything.includes('********'));
  });
});
