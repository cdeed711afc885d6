// Entry point of a worker thread of `cert-order check` (its own bundle, cli/out/check-worker.js:
// only the checker, so that a worker starts in about half the time the whole bin takes to load).
// It checks chunks of the job's files and posts each chunk's outcomes, then `done`.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkChunks, isWorkerJob, type WorkerJob, type WorkerMessage } from './checkChunks';
import { createChecker } from './checker';

async function run(job: WorkerJob): Promise<void> {
  const checker = createChecker(job.root, job.keyPolicy);
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  await checkChunks(checker, job.files, job.next, (start, outcomes) => post({ start, outcomes }));
  post({ done: true });
}

if (isMainThread || !isWorkerJob(workerData)) {
  process.stderr.write('cert-order: check-worker.js is started by cert-order check, not on its own\n');
  process.exitCode = 2;
} else {
  // A rejection is unhandled, so it ends the worker: its 'error' event in the main thread ends
  // the run (exit code 2).
  void run(workerData);
}
