// What stops a submission: a file in flight, error diagnostics, a plain-http endpoint, missing
// credentials; and what is never sent: a secret written in the order.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HistoryStore } from '../../../client/src/history/store';
import type { Send } from '../../../client/src/http/send';
import { submitOrder } from '../../../client/src/submission/flow';
import { Bed, comodoOrder, SECRET } from './harness';

/** A promise and the function that resolves it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('submission guards', () => {
  const bed = new Bed();
  let file = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
    file = await bed.writeOrder('guarded.order.json', comodoOrder());
  });
  after(() => bed.stop());

  it('a second submission of the same file while one is in flight is refused; another file is not', async () => {
    const held = gate();
    const started = gate();
    bed.sendWrapper =
      (send: Send): Send =>
      async (req) => {
        started.open();
        await held.wait;
        return send(req);
      };
    const first = bed.submit(file, 'demo');
    await started.wait; // the first request is being sent
    bed.sendWrapper = (s) => s;
    const second = await bed.submit(file, 'demo');
    assert.equal(second.status, 'refused');
    assert.match(second.status === 'refused' ? second.reason : '', /already being submitted/);
    const other = await bed.submit(await bed.writeOrder('other.order.json', comodoOrder()), 'demo');
    assert.equal(other.status, 'sent');
    held.open();
    assert.equal((await first).status, 'sent');
    // Released: the file can be sent again.
    assert.equal((await bed.submit(file, 'demo')).status, 'sent');
  });

  it('a sender that throws counts as "may have been placed", and the guard is released', async () => {
    bed.sendWrapper = (): Send => async () => {
      throw new Error('boom');
    };
    const result = await bed.submit(file, 'demo');
    bed.sendWrapper = (s) => s;
    assert.ok(result.status === 'sent' && result.record.failure?.kind === 'maybe-sent');
    assert.equal(bed.inFlight.isInFlight(file), false);
  });

  it('the answer is on disk before it is shown; a failed write still shows it, with an error', async () => {
    const events: string[] = [];
    const text = await fs.readFile(file, 'utf8');
    const deps = bed.deps();
    const write = deps.history.write;
    await submitOrder(
      {
        ...deps,
        history: {
          list: deps.history.list,
          write: async (record, f) => {
            events.push('write');
            const written = await write(record, f);
            events.push(`on disk: ${(await fs.stat(written)).isFile()}`);
            return written;
          },
        },
        present: () => void events.push('present'),
      },
      { orderFile: file, text, environment: 'demo' },
    );
    assert.deepEqual(events, ['write', 'on disk: true', 'present']);

    events.length = 0;
    await submitOrder(
      {
        ...bed.deps(),
        history: {
          list: async () => [],
          write: async () => {
            events.push('write failed');
            throw new Error('disk full');
          },
        },
        present: () => void events.push('present'),
      },
      { orderFile: file, text, environment: 'demo' },
    );
    assert.deepEqual(events, ['write failed', 'present']);
    assert.ok(
      bed.ui.some(
        (u) =>
          u.kind === 'error' && u.message.includes('could not be written') && u.message.includes('disk full'),
      ),
    );
  });

  it('an order with error diagnostics is not sent, and the message says why', async () => {
    bed.errorDiagnostics = ['"years" must be 1, 2 or 3'];
    const sent = bed.sent;
    const result = await bed.submit(file, 'production');
    bed.errorDiagnostics = [];
    assert.equal(result.status, 'refused');
    assert.equal(bed.sent, sent);
    const blocked = bed.lastUi('blocked');
    assert.match(blocked?.message ?? '', /1 error .*"years" must be 1, 2 or 3.*Problems/);
    assert.equal(bed.lastUi('confirmProduction')?.message, undefined);
  });

  it('plain http to a host that is not loopback is refused; https required', async () => {
    bed.settings.apis.comodo.demoUrl = 'http://example.com/products/!AutoApplySSL';
    const sent = bed.sent;
    const result = await bed.submit(file, 'demo');
    bed.settings.apis.comodo.demoUrl = '';
    assert.equal(result.status, 'refused');
    assert.match(result.status === 'refused' ? result.reason : '', /only sent over https/);
    assert.equal(bed.sent, sent);
  });

  it('http to loopback can be switched off', async () => {
    bed.settings.http.allowLoopbackHttp = false;
    const result = await bed.submit(file, 'demo');
    bed.settings.http.allowLoopbackHttp = true;
    assert.equal(result.status, 'refused');
  });

  it('no credentials and no prompt: cancelled with a message naming the credential', async () => {
    const env = bed.env;
    bed.env = {};
    const sent = bed.sent;
    const result = await bed.submit(file, 'demo');
    bed.env = env;
    assert.equal(result.status, 'cancelled');
    assert.equal(bed.sent, sent);
  });

  it('credentials from SecretStorage per API and environment; per-environment variables first', async () => {
    const env = bed.env;
    bed.env = {
      CERT_ORDER_COMODO_DEMO_LOGIN_PASSWORD: 'demo-only-password',
      CERT_ORDER_COMODO_LOGIN_PASSWORD: SECRET,
    };
    const result = await bed.submit(file, 'demo');
    bed.env = env;
    assert.equal(result.status, 'sent');
    assert.equal(bed.logLines.join('\n').includes('demo-only-password'), false);
    const all = await bed.allWrittenText();
    assert.equal(all.includes('demo-only-password'), false);
  });

  it('a password written in the order is not sent; the stored one is', async () => {
    const inFile = await bed.writeOrder(
      'with-password.order.json',
      comodoOrder({ loginPassword: 'written-in-file' }),
    );
    const result = await bed.submit(inFile, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(new URLSearchParams(result.record.request.body).get('loginPassword'), '********');
    assert.equal(result.record.request.body.includes('written-in-file'), false);
    assert.ok(bed.logLines.some((l) => l.includes('loginPassword written in the order is ignored')));
  });

  it('malformed history files do not break the list', async () => {
    await fs.mkdir(bed.historyDir, { recursive: true });
    await fs.writeFile(
      path.join(bed.historyDir, 'garbage.json'),
      '{"format": "cert-order-submission/1", "id": 3',
    );
    await fs.writeFile(path.join(bed.historyDir, 'other.json'), '{"hello": "world"}');
    await fs.writeFile(path.join(bed.historyDir, '.half-written.json.tmp'), '{');
    const store = new HistoryStore({
      directoryFor: () => bed.historyDir,
      directories: () => [bed.historyDir, path.join(bed.dir, 'missing')],
    });
    const listed = await store.listAll();
    assert.equal(listed.skipped.length, 2);
    assert.ok(listed.records.length >= 4);
    const times = listed.records.map((r) => r.startedAt);
    assert.deepEqual(times, [...times].sort().reverse());
  });

  it('history is written atomically: no temporary files are left behind', async () => {
    const names = await fs.readdir(bed.historyDir);
    assert.deepEqual(
      names.filter((n) => n.endsWith('.tmp') && n !== '.half-written.json.tmp'),
      [],
    );
  });

  it('the secret never reaches a written file, the log or the panel', async () => {
    const everything = await bed.everythingSeen();
    assert.equal(everything.includes('S3cr3t-k3y'), false);
  });
});
