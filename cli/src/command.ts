// What every command of `cert-order` shares: its process I/O, its exit codes, the options read
// the same way, and how a failure is reported (main.ts, and check.ts, which the bin loads on its
// own for `check`).
import { UsageError } from './files';
import type { SubmitIo } from './submit';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export interface Io extends SubmitIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Buffer>;
  /** The script a worker thread of `check` runs (cli/out/check-worker.js); none: one thread. */
  checkWorker?: string;
}

export function keyPolicy(value: string | undefined): 'current' | 'document' {
  if (value === undefined || value === 'current' || value === 'document') return value ?? 'current';
  throw new UsageError(`--key-policy is current or document, not ${value}`);
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} is ${allowed.join(', ')}; not ${value}`);
}

/** A command's failure on standard error; exit code 2 (usage and I/O errors). */
export function commandFailed(err: unknown, io: Pick<Io, 'stderr'>): number {
  // parseArgs throws TypeErrors with a code for unknown or malformed options.
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  io.stderr.write(`cert-order: ${err instanceof Error ? err.message : String(err)}\n`);
  if (usage) io.stderr.write(`Run cert-order --help for the commands and options.\n`);
  return EXIT.usage;
}
