// What the main thread and the worker threads of `cert-order check` share (checkThreads.ts,
// checkWorker.ts): the job, the outcome of a file, and the loop that takes chunks of files from
// one shared counter until none is left.
import type { CheckedFile, Checker } from './checker';
import type { FoundFile } from './files';
import type { FileError } from './formats/common';

/** What one file came to: its diagnostics, or why it could not be read (exit code 2). */
export type Outcome = { file: CheckedFile } | { error: FileError };

export interface CheckJob {
  /** The folder `file:` references are read inside (files.ts findRoot). */
  root: string;
  keyPolicy: 'current' | 'document';
  files: FoundFile[];
}

export interface WorkerJob extends CheckJob {
  certOrderCheckWorker: true;
  /** Int32 over a SharedArrayBuffer: the index of the next file no thread has taken. */
  next: Int32Array;
}

/** A worker's messages: each chunk's outcomes as it is checked, then `done`. */
export type WorkerMessage = { start: number; outcomes: Outcome[] } | { done: true };

/** Files a thread takes at a time: few enough to share the end of a run, enough to post rarely. */
export const CHUNK = 32;

export function isWorkerJob(data: unknown): data is WorkerJob {
  return (data as Partial<WorkerJob> | null)?.certOrderCheckWorker === true;
}

async function checkOne(checker: Checker, f: FoundFile): Promise<Outcome> {
  try {
    return { file: await checker.check(f.display, f.absolute) };
  } catch (err) {
    return { error: { path: f.display, message: err instanceof Error ? err.message : String(err) } };
  }
}

/**
 * Takes chunks from `next` until none is left, handing each chunk's outcomes to `take`; after
 * each chunk `between` says whether to go on.
 */
export async function checkChunks(
  checker: Checker,
  files: readonly FoundFile[],
  next: Int32Array,
  take: (start: number, outcomes: Outcome[]) => void,
  between: () => Promise<boolean> = () => Promise.resolve(true),
): Promise<void> {
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= files.length) return;
    const outcomes: Outcome[] = [];
    for (const f of files.slice(start, start + CHUNK)) outcomes.push(await checkOne(checker, f));
    take(start, outcomes);
    if (!(await between())) return;
  }
}
