// `cert-order check` over many files on more than one core: the main thread and worker threads
// (checkWorker.ts) check the files side by side, each with its own checker (its own CSR decode
// cache and `file:` answers: a CSR shared by many orders is decoded once per thread). Every thread
// takes the next chunk of files from one shared counter, so a thread that meets slow files, or
// starts late, takes fewer; the outcomes are put back in the order the files were found, so the
// report is the one a single thread writes.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CHUNK,
  checkChunks,
  type CheckJob,
  type Outcome,
  type WorkerJob,
  type WorkerMessage,
} from './checkChunks';
import { createChecker } from './checker';
import { UsageError } from './files';

/**
 * When `auto` starts workers. Measured on a 2-core machine (docs/benchmarks.md): one worker beside
 * the main thread made 300 to 10,000 files slower, not faster. Each thread warms up its own JIT
 * and compiles its own schemas (a thread's first thousand orders cost about 2.5 times a warm one),
 * and two vCPUs gave at most 1.4 times one's throughput even to two checks that share nothing. So
 * below 4 cores one thread; from 4 cores up (not measured here) a worker for each 2,000 files, so
 * that its warm-up (about 160 ms) stays a small part of its share.
 */
export const MIN_CORES = 4;
export const FILES_PER_WORKER = 2000;
/** `auto` (default), `0` (one thread) or a number of workers whatever the files and cores. */
export const WORKERS_VARIABLE = 'CERT_ORDER_CHECK_WORKERS';

/** The worker threads a run of `count` files gets, from the cores and CERT_ORDER_CHECK_WORKERS. */
export function workerCount(count: number, env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const given = env[WORKERS_VARIABLE];
  if (given !== undefined && given !== '' && given !== 'auto') {
    if (!/^\d{1,3}$/.test(given))
      throw new UsageError(`${WORKERS_VARIABLE} is auto, 0 or a number of worker threads, not ${given}`);
    // Never more workers than chunks of files: one that could get nothing is not started.
    return Math.min(Number(given), Math.ceil(count / CHUNK));
  }
  if (cores < MIN_CORES) return 0;
  return Math.min(cores - 1, Math.floor(count / FILES_PER_WORKER));
}

export interface ThreadOptions {
  workers: number;
  /** The script a worker runs (the bin passes its check-worker.js); none: one thread. */
  script?: string;
  /** Called with how many files each thread checked (the main thread first). */
  trace?: (counts: number[]) => void;
}

/**
 * Every file's outcome, in the order of `job.files`. Rejects (the run ends with exit code 2) when
 * a worker fails or stops before its files are checked: a crashed worker never leaves the run
 * waiting.
 */
export async function checkFiles(job: CheckJob, options: ThreadOptions): Promise<Outcome[]> {
  const checker = createChecker(job.root, job.keyPolicy);
  const n = job.files.length;
  const outcomes = new Array<Outcome>(n);
  const checked = [0];
  let filled = 0;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const take = (thread: number) => (start: number, chunk: Outcome[]) => {
    for (let i = 0; i < chunk.length; i++) outcomes[start + i] = chunk[i];
    filled += chunk.length;
    checked[thread] += chunk.length;
  };
  if (options.workers <= 0 || options.script === undefined) {
    await checkChunks(checker, job.files, next, take(0));
    options.trace?.(checked);
    return outcomes;
  }

  let failure: Error | undefined;
  let wake: () => void = () => undefined;
  const workers: Worker[] = [];
  const data: WorkerJob = { ...job, certOrderCheckWorker: true, next };
  for (let w = 1; w <= options.workers; w++) {
    checked.push(0);
    let done = false;
    const fail = (why: string) => {
      failure ??= new Error(
        `a checking thread stopped before its files were checked (${why}); no report was written`,
      );
      wake();
    };
    // No stdin for a worker: it would hold the terminal's stream open for nothing.
    const worker = new Worker(options.script, { workerData: data, stdin: false });
    worker.on('message', (m: WorkerMessage) => {
      if ('done' in m) done = true;
      else take(w)(m.start, m.outcomes);
      wake();
    });
    worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)));
    // A worker's messages are all delivered before its 'exit'.
    worker.on('exit', (code) => {
      if (!done) fail(`exit code ${code}`);
    });
    workers.push(worker);
  }
  try {
    // Between its chunks the main thread lets the workers' outcomes in, and stops on a failure.
    const between = () =>
      new Promise<boolean>((resolve) => setImmediate(() => resolve(failure === undefined)));
    await checkChunks(checker, job.files, next, take(0), between);
    await new Promise<void>((resolve) => {
      wake = () => {
        if (failure !== undefined || filled === n) resolve();
      };
      wake();
    });
    if (failure) throw failure;
    options.trace?.(checked);
    return outcomes;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
