// Listing the history in bounded time and memory whatever a folder holds: an entry whose read
// never answers (a hung file system) is skipped after its timeout, a folder with more entries than
// the limit has the rest counted, and the whole listing stops at its deadline. And which folders
// are listed at all: a workspace's only when it is trusted and that location chosen.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RECORD_FORMAT, type SubmissionRecord } from '../../../common/src/protocol';
import { historyFolderFor, historyFolders, WORKSPACE_HISTORY_DIR } from '../../../client/src/history/folders';
import { readHistoryEntry } from '../../../client/src/history/readEntry';
import { HistoryStore } from '../../../client/src/history/store';

function record(i: number): SubmissionRecord {
  return {
    format: RECORD_FORMAT,
    id: `rec-${i}`,
    apiId: 'ssl2buy-sectigo-pac-enterprise',
    apiTitle: 'SSL2Buy',
    environment: 'demo',
    endpoint: 'http://127.0.0.1:1/x',
    orderFile: `/tmp/o${i}.order.json`,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    durationMs: 1,
    request: { url: 'http://127.0.0.1:1/x', method: 'POST', headers: {}, body: '{}' },
  };
}

describe('history listing: bounded', () => {
  let dir = '';
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-bounds-'));
    for (let i = 0; i < 12; i++) await fs.writeFile(path.join(dir, `r${i}.json`), JSON.stringify(record(i)));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));
  const location = () => ({ directoryFor: () => dir, directories: () => [dir] });

  it('an entry whose read never answers is skipped after its timeout; the others are listed', async () => {
    const hung = path.join(dir, 'r3.json');
    const store = new HistoryStore(location(), {
      limits: { entryTimeoutMs: 1000 },
      readEntry: (file) => (file === hung ? new Promise(() => undefined) : readHistoryEntry(file)),
    });
    const listed = await store.listAll();
    assert.equal(listed.records.length, 11);
    assert.deepEqual(listed.skipped, [{ file: hung, reason: 'not read within 1000 ms' }]);
    assert.equal(listed.skippedCount, 1);
  });

  it('a reader that throws skips that entry only', async () => {
    const bad = path.join(dir, 'r5.json');
    const store = new HistoryStore(location(), {
      readEntry: (file) => (file === bad ? Promise.reject(new Error('EIO')) : readHistoryEntry(file)),
    });
    const listed = await store.listAll();
    assert.equal(listed.records.length, 11);
    assert.deepEqual(listed.skipped, [{ file: bad, reason: 'EIO' }]);
  });

  it('entries are read a few at once, never more than eight, and listed as if one by one', async () => {
    let reading = 0;
    let most = 0;
    const store = new HistoryStore(location(), {
      readEntry: async (file) => {
        most = Math.max(most, ++reading);
        try {
          // Each read waits a moment, so reads started together are in flight together.
          await new Promise((resolve) => setImmediate(resolve));
          return await readHistoryEntry(file);
        } finally {
          reading--;
        }
      },
    });
    const listed = await store.listAll();
    assert.equal(most, 8);
    assert.deepEqual(
      listed.records.map((r) => r.id),
      Array.from({ length: 12 }, (_, i) => `rec-${11 - i}`),
    );
  });

  it('reads that finish in reverse order list what one-by-one reads list (duplicates, skipped)', async () => {
    const mixed = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-bounds-order-'));
    try {
      // Two files with the same record id (only one is listed), and two that cannot be read.
      for (let i = 0; i < 10; i++) {
        const r = i % 3 === 0 ? { ...record(i), id: 'rec-same' } : record(i);
        await fs.writeFile(path.join(mixed, `m${i}.json`), JSON.stringify(r));
      }
      const unreadable = (file: string) => /m[47]\.json$/.test(file);
      const at = { directoryFor: () => mixed, directories: () => [mixed] };
      const oneByOne = await new HistoryStore(at, {
        readEntry: (file) =>
          unreadable(file) ? Promise.reject(new Error(`EIO ${file}`)) : readHistoryEntry(file),
      }).listAll();
      let started = 0;
      let inFlight = 0;
      let most = 0;
      const reversed = await new HistoryStore(at, {
        // The first read started is the last to finish: each waits more turns than the next.
        readEntry: async (file) => {
          const turns = 20 - started++;
          most = Math.max(most, ++inFlight);
          try {
            for (let t = 0; t < turns; t++) await new Promise((resolve) => setImmediate(resolve));
            if (unreadable(file)) throw new Error(`EIO ${file}`);
            return await readHistoryEntry(file);
          } finally {
            inFlight--;
          }
        },
      }).listAll();
      assert.ok(most > 1, 'reads were in flight together');
      assert.deepEqual(reversed, oneByOne);
      assert.equal(oneByOne.records.filter((r) => r.id === 'rec-same').length, 1);
      assert.equal(oneByOne.skipped.length, 2);
    } finally {
      await fs.rm(mixed, { recursive: true, force: true });
    }
  });

  it('past the entry limit of a folder the rest are counted, not read', async () => {
    let reads = 0;
    const store = new HistoryStore(location(), {
      limits: { maxEntries: 5 },
      readEntry: (file) => {
        reads++;
        return readHistoryEntry(file);
      },
    });
    const listed = await store.listAll();
    assert.equal(reads, 5);
    assert.equal(listed.records.length, 5);
    assert.equal(listed.skippedCount, 7);
    assert.match(
      listed.skipped[0]?.reason ?? '',
      /^7 entries not read: over the 5-entry limit of one folder$/,
    );
  });

  it('the whole listing stops at its deadline', async () => {
    // The clock is passed in: each look at it is a second later.
    let t = 0;
    const store = new HistoryStore(location(), {
      limits: { totalTimeoutMs: 4000 },
      now: () => (t += 1000),
    });
    const listed = await store.listAll();
    assert.ok(listed.records.length > 0 && listed.records.length < 12, `${listed.records.length} read`);
    assert.match(listed.skipped.at(-1)?.reason ?? '', /not read: the listing took over 4000 ms/);
  });
});

describe('which history folders: a workspace folder only when trusted and chosen', () => {
  const base = { global: '/g/history', workspaceFolders: ['/w1', '/w2'] };
  it('untrusted: the global folder only, whatever the setting', () => {
    assert.deepEqual(historyFolders({ ...base, trusted: false, location: 'workspace' }), ['/g/history']);
    assert.equal(
      historyFolderFor({ global: base.global, trusted: false, location: 'workspace', orderFolder: '/w1' }),
      '/g/history',
    );
  });
  it('trusted, global storage chosen: the global folder only', () => {
    assert.deepEqual(historyFolders({ ...base, trusted: true, location: 'globalStorage' }), ['/g/history']);
  });
  it('trusted and workspace chosen: each workspace folder too, and orders written to their own', () => {
    assert.deepEqual(historyFolders({ ...base, trusted: true, location: 'workspace' }), [
      '/g/history',
      path.join('/w1', WORKSPACE_HISTORY_DIR),
      path.join('/w2', WORKSPACE_HISTORY_DIR),
    ]);
    assert.equal(
      historyFolderFor({ global: base.global, trusted: true, location: 'workspace', orderFolder: '/w2' }),
      path.join('/w2', WORKSPACE_HISTORY_DIR),
    );
    assert.equal(
      historyFolderFor({ global: base.global, trusted: true, location: 'workspace', orderFolder: undefined }),
      '/g/history',
    );
  });
});

describe('history write: a record is never lost, even when choosing its folder fails', () => {
  let dir = '';
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cert-order-write-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('goes to the fallback folder when the order folder cannot be chosen', async () => {
    const store = new HistoryStore({
      directoryFor: () => {
        throw new Error('no workspace');
      },
      fallbackDirectory: () => dir,
      directories: () => [dir],
    });
    const file = await store.write(record(1), '/tmp/o1.order.json');
    assert.equal(path.dirname(file), dir);
    assert.deepEqual(
      (await store.listAll()).records.map((r) => r.id),
      ['rec-1'],
    );
  });

  it('with nowhere to write, rejects and still lists it for this window', async () => {
    const store = new HistoryStore({
      directoryFor: () => {
        throw new Error('no workspace');
      },
      directories: () => [],
    });
    await assert.rejects(store.write(record(2), '/tmp/o2.order.json'), /no workspace/);
    assert.deepEqual(
      (await store.listAll()).records.map((r) => r.id),
      ['rec-2'],
    );
  });
});
