// Round trips of SSL2Buy Sectigo PAC Enterprise orders through the flow, undici and the sandbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Bed, SECRET, ssl2buyOrder, USER } from './harness';

describe('SSL2Buy Sectigo PAC Enterprise round trips against the sandbox', () => {
  const bed = new Bed();
  before(async () => {
    await bed.start();
    await bed.copyFixture('smime.csr');
    await bed.copyFixture('bad-signature.csr');
  });
  after(() => bed.stop());

  it('demo: JSON POST with PartnerEmail and the masked ApiKey; documented fields; DCV values', async () => {
    const file = await bed.writeOrder('demo.order.json', ssl2buyOrder());
    const result = await bed.submit(file, 'demo');
    assert.equal(result.status, 'sent');
    if (result.status !== 'sent') return;
    const { record } = result;
    const body = JSON.parse(record.request.body) as Record<string, unknown>;
    assert.equal(body.PartnerEmail, USER);
    assert.equal(body.ApiKey, '********');
    assert.equal(body.Year, 1);
    assert.match(String(body.CSR), /BEGIN CERTIFICATE REQUEST/);
    assert.equal('$api' in body, false);
    assert.equal(record.parsed?.kind, 'success');
    if (record.parsed?.kind !== 'success') return;
    const names = record.parsed.fields.map((f) => f.name);
    assert.deepEqual(names, [
      'StatusCode',
      'SSL2BuyOrderNumber',
      'ComodoOrderNumber',
      'ApprovalEmail',
      'DomainName',
      'MD5',
      'SHA1',
      'UniqueValue',
    ]);
    assert.equal(record.parsed.orderNumber, record.parsed.fields[1].value);
    const dcv = record.dcv;
    assert.ok(dcv?.fromResponse && dcv.fromCsr && dcv.csrHashes);
    assert.equal(dcv.domain, 'example.com');
    assert.equal(record.parsed.hashes?.md5?.toLowerCase(), dcv.csrHashes.md5);
    assert.ok(
      dcv.fromResponse.filePath.endsWith(
        `/.well-known/pki-validation/${dcv.csrHashes.md5.toUpperCase()}.txt`,
      ),
    );
    assert.ok(dcv.fromCsr.fileContent.startsWith(dcv.csrHashes.sha256.toUpperCase()));
    const html = bed.shown.at(-1)?.html ?? '';
    for (const id of [
      'order-number',
      'dcv-response-file-path',
      'dcv-csr-cname-target',
      'dcv-convention',
      'csr-sha256',
    ])
      assert.match(html, new RegExp(`id="${id}"`));
    assert.equal(bed.shown.at(-1)?.onDiskWhenShown, true);
  });

  it('an error naming a nested field becomes a field diagnostic', async () => {
    const order = ssl2buyOrder();
    delete (order.PACOrderInfo as Record<string, unknown>).FirstName;
    const file = await bed.writeOrder('missing.order.json', order);
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent' && result.record.parsed?.kind === 'error');
    if (result.status !== 'sent' || result.record.parsed?.kind !== 'error') return;
    assert.equal(result.record.parsed.statusCode, -1);
    assert.equal(result.record.parsed.fieldError?.field, 'PACOrderInfo.FirstName');
    assert.deepEqual(
      result.record.parsed.fields.map((f) => f.name),
      ['StatusCode', 'APIError.ErrorNumber', 'APIError.ErrorField', 'APIError.ErrorMessage'],
    );
    assert.equal(bed.fieldErrors.get(file)?.[0]?.field, 'PACOrderInfo.FirstName');
  });

  const errorCases: [string, Record<string, unknown>, string][] = [
    ['too long', { OrganisationInfo: { OrgName: 'x'.repeat(201) } }, 'OrganisationInfo.OrgName'],
    ['wrong type', { Year: 'one' }, 'Year'],
    ['bad CSR', { CSR: 'file:bad-signature.csr' }, 'CSR'],
    ['CSR not base64', { CSR: 'not a csr at all!' }, 'CSR'],
  ];
  for (const [title, overrides, field] of errorCases) {
    it(`StatusCode -1 with APIError: ${title}`, async () => {
      const file = await bed.writeOrder(`err-${field}.order.json`, ssl2buyOrder(overrides));
      const result = await bed.submit(file, 'demo');
      assert.ok(result.status === 'sent' && result.record.parsed?.kind === 'error');
      if (result.status !== 'sent' || result.record.parsed?.kind !== 'error') return;
      assert.equal(result.record.parsed.fieldError?.field, field);
    });
  }

  it('StatusCode -1 without a field (injected): an error, no diagnostic', async () => {
    bed.fault('ssl2buy', 'code=-1');
    const file = await bed.writeOrder('injected.order.json', ssl2buyOrder());
    const result = await bed.submit(file, 'demo');
    bed.pointAt('ssl2buy', bed.sandbox.urls['ssl2buy-sectigo-pac-enterprise']);
    assert.ok(result.status === 'sent' && result.record.parsed?.kind === 'error');
    assert.equal(bed.fieldErrors.has(file), false);
  });

  it('production: the confirmation summarises; a second order with the same PartnerOrderID asks first', async () => {
    const file = await bed.writeOrder('prod.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-PROD-1' }));
    const r1 = await bed.submit(file, 'production');
    assert.ok(r1.status === 'sent' && r1.record.parsed?.kind === 'success');
    const confirm = bed.lastUi('confirmProduction');
    assert.ok(confirm?.message.includes(bed.settings.apis.ssl2buy.productionUrl));
    assert.match(confirm?.detail ?? '', /API: SSL2Buy Sectigo PAC Enterprise/);
    assert.match(confirm?.detail ?? '', /Validity: 1 year/);
    assert.match(confirm?.detail ?? '', /Common name \(CSR\): Jane Doe/);
    assert.match(confirm?.detail ?? '', /Organisation: Example Ltd/);
    assert.match(confirm?.detail ?? '', /PartnerOrderID: PO-PROD-1/);
    assert.match(confirm?.detail ?? '', new RegExp(`^Account charged: PartnerEmail ${USER}$`, 'm'));
    assert.equal(confirm?.typed, 'Jane Doe');
    const number =
      r1.status === 'sent' && r1.record.parsed?.kind === 'success' ? r1.record.parsed.orderNumber : '?';
    // Same PartnerOrderID, another year: still the same order for the partner.
    const again = await bed.writeOrder(
      'prod-again.order.json',
      ssl2buyOrder({ PartnerOrderID: 'PO-PROD-1', Year: 2 }),
    );
    const sentBefore = bed.sent;
    const r2 = await bed.submit(again, 'production');
    assert.equal(r2.status, 'sent');
    assert.equal(bed.sent, sentBefore + 1);
    assert.ok(bed.lastUi('confirmDuplicate')?.message.includes(`order number ${number}`));
    // Declining the production confirmation sends nothing and writes nothing.
    bed.answers.production = false;
    const records = (await bed.historyRecords()).length;
    const r3 = await bed.submit(
      await bed.writeOrder('prod-other.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-PROD-2' })),
      'production',
    );
    bed.answers.production = true;
    assert.equal(r3.status, 'cancelled');
    assert.equal(bed.sent, sentBefore + 1);
    assert.equal((await bed.historyRecords()).length, records);
  });

  it('the secret never reaches a written file, the log or the panel', async () => {
    const everything = await bed.everythingSeen();
    assert.ok(bed.shown.length >= 6);
    assert.equal(everything.includes('S3cr3t-k3y'), false);
    assert.equal(everything.includes(JSON.stringify(SECRET).slice(1, -1)), false);
  });
});
