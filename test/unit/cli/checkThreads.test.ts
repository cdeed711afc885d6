// The threads of `cert-order check` (cli/src/checkThreads.ts): how many workers a run gets, and a
// worker that crashes or exits early ends the run with an error instead of leaving it waiting.
// The workers here are real worker threads running small scripts that fail as a worker could;
// the bin's own worker is run in test/cli/checkThreads.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkFiles, FILES_PER_WORKER, MIN_CORES, workerCount } from '../../../cli/src/checkThreads';
import { UsageError } from '../../../cli/src/files';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'comodo-inline-csr.order.json');

describe('workerCount', () => {
  it('keeps one thread below MIN_CORES cores and for few files', () => {
    assert.equal(workerCount(100_000, {}, MIN_CORES - 1), 0);
    assert.equal(workerCount(FILES_PER_WORKER - 1, {}, 16), 0);
    assert.equal(workerCount(1, { CERT_ORDER_CHECK_WORKERS: 'auto' }, 16), 0);
  });

  it('adds a worker for each FILES_PER_WORKER files, up to one less than the cores', () => {
    assert.equal(workerCount(FILES_PER_WORKER, {}, MIN_CORES), 1);
    assert.equal(workerCount(3 * FILES_PER_WORKER, {}, 8), 3);
    assert.equal(workerCount(100 * FILES_PER_WORKER, {}, 8), 7);
  });

  it('takes CERT_ORDER_CHECK_WORKERS over the cores, never more workers than chunks of files', () => {
    assert.equal(workerCount(10, { CERT_ORDER_CHECK_WORKERS: '1' }, 1), 1);
    assert.equal(workerCount(10, { CERT_ORDER_CHECK_WORKERS: '4' }, 1), 1);
    assert.equal(workerCount(0, { CERT_ORDER_CHECK_WORKERS: '1' }, 2), 0);
    assert.equal(workerCount(100_000, { CERT_ORDER_CHECK_WORKERS: '0' }, 64), 0);
    assert.equal(workerCount(100_000, { CERT_ORDER_CHECK_WORKERS: '' }, 1), 0);
    for (const bad of ['-1', 'two', '1.5', '1000'])
      assert.throws(() => workerCount(10, { CERT_ORDER_CHECK_WORKERS: bad }, 2), UsageError, bad);
  });
});

describe('checkFiles with a worker that fails', () => {
  let dir: string;
  // Each takes every file still untaken (so that the main thread cannot finish the run on its
  // own), then fails.
  const scripts = {
    throws: `const { workerData } = require('node:worker_threads');
Atomics.add(workerData.next, 0, 1e9);
throw new Error('out of memory, say');`,
    exits: `const { workerData } = require('node:worker_threads');
Atomics.add(workerData.next, 0, 1e9);
process.exit(3);`,
    silent: `const { workerData } = require('node:worker_threads');
Atomics.add(workerData.next, 0, 1e9);`,
  };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cert-order-threads-'));
    for (const [name, text] of Object.entries(scripts)) writeFileSync(path.join(dir, `${name}.js`), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Enough files that the main thread is still checking when the worker starts.
  const files = Array.from({ length: 3000 }, (_, i) => ({
    display: `order-${i}.order.json`,
    absolute: EXAMPLE,
  }));
  const run = (script: string) =>
    checkFiles(
      { root: path.dirname(EXAMPLE), keyPolicy: 'current', files },
      { workers: 1, script: path.join(dir, script) },
    );

  it('rejects with the error a worker threw', async () => {
    await assert.rejects(run('throws.js'), {
      message:
        'a checking thread stopped before its files were checked (out of memory, say); no report was written',
    });
  });

  it('rejects when a worker exits before its files are checked', async () => {
    await assert.rejects(
      run('exits.js'),
      /a checking thread stopped before its files were checked \(exit code 3\)/,
    );
  });

  it('rejects when a worker ends without saying it is done', async () => {
    await assert.rejects(run('silent.js'), /\(exit code 0\)/);
  });

  it('checks every file in order with no worker', async () => {
    const outcomes = await checkFiles(
      { root: path.dirname(EXAMPLE), keyPolicy: 'current', files: files.slice(0, 40) },
      { workers: 0 },
    );
    assert.deepEqual(
      outcomes.map((o) => ('file' in o ? o.file.path : o.error.path)),
      files.slice(0, 40).map((f) => f.display),
    );
  });
});
