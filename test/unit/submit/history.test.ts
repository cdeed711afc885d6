// Never lose an answer, never send twice unknowingly: the history falls back to the global
// storage, keeps what it could not write for the window's life (the duplicate guard sees it), and
// the same order from two files is sent to production one at a time.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HistoryStore } from '../../../client/src/history/store';
import type { Send } from '../../../client/src/http/send';
import { Bed, comodoOrder, ssl2buyOrder } from './harness';

describe('history that cannot be written, and the same order from two files', () => {
  const bed = new Bed();
  let blocked = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('www.example.com.csr');
    await bed.copyFixture('smime.csr');
    // A regular file where a folder would be: nothing can be written under it.
    blocked = path.join(bed.dir, 'not-a-folder');
    await fs.writeFile(blocked, '');
  });
  after(() => bed.stop());

  it('a workspace history folder that cannot be written falls back to the global storage', async () => {
    const fallback = path.join(bed.dir, 'global-history');
    bed.history = new HistoryStore({
      directoryFor: () => path.join(blocked, 'history'),
      fallbackDirectory: () => fallback,
      directories: () => [fallback],
    });
    const file = await bed.writeOrder('fallback.order.json', comodoOrder());
    const result = await bed.submit(file, 'demo');
    assert.ok(result.status === 'sent');
    if (result.status !== 'sent') return;
    assert.equal(path.dirname(result.historyFile ?? ''), fallback);
    assert.equal(
      bed.ui.some((u) => u.kind === 'error' && /history/.test(u.message)),
      false,
    );
  });

  it('written nowhere: the message says so, and a second production send of that order still asks first', async () => {
    bed.history = new HistoryStore({
      directoryFor: () => path.join(blocked, 'history'),
      fallbackDirectory: () => path.join(blocked, 'global'),
      directories: () => [path.join(blocked, 'global')],
    });
    const file = await bed.writeOrder('nowhere.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-NOWHERE' }));
    const first = await bed.submit(file, 'production');
    assert.ok(first.status === 'sent' && first.record.parsed?.kind === 'success');
    assert.equal(first.historyFile, undefined);
    assert.match(bed.lastUi('error')?.message ?? '', /could not be written.*until this window closes/s);
    const number = first.status === 'sent' ? first.record.parsed : undefined;
    assert.ok(
      bed.logLines.some(
        (l) => number?.kind === 'success' && l.includes(`order number ${number.orderNumber}`),
      ),
    );

    bed.answers.duplicate = false;
    const sent = bed.sent;
    const second = await bed.submit(file, 'production');
    bed.answers.duplicate = true;
    assert.equal(second.status, 'cancelled');
    assert.equal(bed.sent, sent);
    assert.ok(
      number?.kind === 'success' &&
        bed.lastUi('confirmDuplicate')?.message.includes(number.orderNumber ?? '?'),
    );
    assert.equal((await bed.history.listAll()).records.length, 1);
  });

  it('two files with the same PartnerOrderID sent to production at once: the second waits its turn', async () => {
    bed.history = new HistoryStore({
      directoryFor: () => bed.historyDir,
      directories: () => [bed.historyDir],
    });
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let started = (): void => undefined;
    const sending = new Promise<void>((r) => (started = r));
    bed.sendWrapper =
      (send: Send): Send =>
      async (req) => {
        started();
        await held;
        return send(req);
      };
    const a = await bed.writeOrder('copy-a.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-TWICE' }));
    const b = await bed.writeOrder('copy-b.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-TWICE' }));
    const first = bed.submit(a, 'production');
    await sending;
    bed.sendWrapper = (s) => s;
    const second = await bed.submit(b, 'production');
    assert.equal(second.status, 'refused');
    assert.match(
      second.status === 'refused' ? second.reason : '',
      /same order \(PartnerOrderID\).*another file/,
    );
    release();
    assert.equal((await first).status, 'sent');
    // Afterwards it is the ordinary duplicate question.
    bed.answers.duplicate = false;
    assert.equal((await bed.submit(b, 'production')).status, 'cancelled');
    bed.answers.duplicate = true;
  });
});
