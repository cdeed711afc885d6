// A history folder with planted entries (a repository's `.cert-orders/history/`): links to
// /dev/ptmx and /dev/zero, a link to a record elsewhere, a FIFO, a file over the cap. Listing
// skips and counts each, lists the rest, and a production submission is not held up by them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { HistoryStore, writeFileAtomic } from '../../../client/src/history/store';
import { MAX_RECORD_BYTES, readHistoryEntry } from '../../../client/src/history/readEntry';
import { Bed, ssl2buyOrder } from './harness';

const posix = process.platform !== 'win32';

describe('history: planted entries are skipped and counted, never followed', { skip: !posix }, () => {
  const bed = new Bed();
  let recordText = '';
  before(async () => {
    await bed.start();
    await bed.copyFixture('smime.csr');
    // One real record to start with.
    const file = await bed.writeOrder('real.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-PLANTED' }));
    const first = await bed.submit(file, 'production');
    assert.equal(first.status, 'sent');
    recordText = await fs.readFile(bed.lastHistoryFile ?? '', 'utf8');
    const dir = bed.historyDir;
    await fs.symlink('/dev/ptmx', path.join(dir, 'x.json'));
    await fs.symlink('/dev/zero', path.join(dir, 'zero.json'));
    // A link to a good record outside the folder: still a link, still skipped.
    const outside = path.join(bed.dir, 'elsewhere.json');
    await fs.writeFile(outside, recordText.replace(/"id": "[^"]+"/, '"id": "linked-record"'));
    await fs.symlink(outside, path.join(dir, 'linked.json'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    // Over the cap (sparse: no disk used).
    const huge = await fs.open(path.join(dir, 'huge.json'), 'w');
    await huge.truncate(MAX_RECORD_BYTES + 1);
    await huge.close();
    await fs.mkdir(path.join(dir, 'folder.json'));
  });
  after(() => bed.stop());

  it('lists the real record and says why each planted entry was skipped', async () => {
    const listed = await bed.history.listAll();
    assert.deepEqual(
      listed.records.map((r) => r.duplicateKey?.includes('PO-PLANTED')),
      [true],
    );
    const reasons = Object.fromEntries(listed.skipped.map((s) => [path.basename(s.file), s.reason]));
    assert.deepEqual(reasons, {
      'x.json': 'a symbolic link',
      'zero.json': 'a symbolic link',
      'linked.json': 'a symbolic link',
      'fifo.json': 'not a regular file',
      'huge.json': `${MAX_RECORD_BYTES + 1} bytes, over the ${MAX_RECORD_BYTES}-byte cap`,
      'folder.json': 'not a regular file',
    });
    assert.equal(listed.skippedCount, 6, 'each counted');
  });

  it('a production submission with planted entries answers, asks "sent before?", and can be retried', async () => {
    const file = await bed.writeOrder('again.order.json', ssl2buyOrder({ PartnerOrderID: 'PO-PLANTED' }));
    bed.answers.duplicate = false;
    const first = await bed.submit(file, 'production');
    assert.equal(first.status, 'cancelled');
    assert.match(bed.lastUi('confirmDuplicate')?.message ?? '', /already succeeded/);
    // Not left "already being submitted".
    const second = await bed.submit(file, 'production');
    bed.answers.duplicate = true;
    assert.equal(second.status, 'cancelled');
    assert.doesNotMatch(second.status === 'cancelled' ? second.reason : '', /already being submitted/);
  });

  it('a file that is not a link but is cut at the cap is refused while reading', async () => {
    const file = path.join(bed.dir, 'small-cap.json');
    await fs.writeFile(file, recordText);
    const read = await readHistoryEntry(file, 100);
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /over the 100-byte cap/);
    const whole = await readHistoryEntry(file);
    assert.equal(whole.ok && whole.text, recordText);
  });

  it('the folder is flushed after the rename, so the new name survives a crash', async () => {
    const dir = path.join(bed.dir, 'synced');
    const opened: { file: string; flags: unknown; synced: boolean }[] = [];
    const realOpen = fs.open.bind(fs);
    const spy = mock.method(fs, 'open', async (file: string, flags?: string | number, mode?: number) => {
      const handle = await realOpen(file, flags, mode);
      const entry = { file, flags, synced: false };
      opened.push(entry);
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        entry.synced = true;
        return realSync();
      };
      return handle;
    });
    try {
      await writeFileAtomic(path.join(dir, 'r.json'), '{}');
    } finally {
      spy.mock.restore();
    }
    const folder = opened.find((o) => o.file === dir);
    assert.ok(folder, `the folder was opened: ${JSON.stringify(opened)}`);
    assert.equal(folder.synced, true);
    assert.equal(
      typeof folder.flags === 'number' && (folder.flags & fsSync.constants.O_DIRECTORY) !== 0,
      true,
    );
    assert.equal(opened.indexOf(folder), opened.length - 1, 'after the file itself');
  });

  it('a store with a history folder that is itself a link to /dev lists nothing from it and returns', async () => {
    const link = path.join(bed.dir, 'dev-history');
    await fs.symlink('/dev', link);
    const store = new HistoryStore({ directoryFor: () => link, directories: () => [link] });
    const listed = await store.listAll();
    assert.deepEqual(listed.records, []);
  });
});
