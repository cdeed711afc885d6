// The order history on disk: one JSON file per submission, written atomically (a temporary file
// in the same folder, flushed, renamed, then the folder flushed), so a reader never sees half a
// record and a crash just after the rename cannot lose it. Listing reads each entry through
// readHistoryEntry (regular files only, capped), a few at once; an entry that cannot be read or is
// not a record is skipped and counted, never blocking the others. No vscode import.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readHistoryEntry, type EntryRead } from './readEntry';
import { parseRecord, recordFileName, type SubmissionRecord } from '../../../common/src/protocol';

export interface HistoryLocation {
  /** The folder a submission of this order file is written to. */
  directoryFor(orderFile: string): string;
  /** Where to write when that folder cannot be written (the extension's global storage). */
  fallbackDirectory?(): string;
  /** Every folder to list (the global one, or each workspace folder's). */
  directories(): string[];
}

export interface ListedHistory {
  records: SubmissionRecord[];
  /** Entries that could not be read as records, and why (the first MAX_SKIPPED_LISTED of them). */
  skipped: SkippedEntry[];
  /** How many entries were skipped in all, those not in `skipped` included. */
  skippedCount: number;
  /** Each record's file by record id; a record kept in memory only (never written) has none. */
  files: Map<string, string>;
}

/** A record just kept: where it was written, or no file when it could be written nowhere. */
export interface WrittenRecord {
  record: SubmissionRecord;
  file?: string;
}

/** The bounds of one listing: a folder from a repository may hold anything, in any number. */
export interface ListingLimits {
  /** Entries looked at per folder; the rest are counted, not read. */
  maxEntries: number;
  /** One entry's read; a read still pending then is skipped (it may be on a hung file system). */
  entryTimeoutMs: number;
  /** The whole listing; entries not reached by then are counted, not read. */
  totalTimeoutMs: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = {
  maxEntries: 5000,
  entryTimeoutMs: 2000,
  totalTimeoutMs: 10_000,
};

/** Skipped entries named one by one; past that only counted. */
const MAX_SKIPPED_LISTED = 100;

/**
 * Entries read at once in one folder: a read is mostly waiting on the disk, and one at a time left
 * the listing over twice as slow as reading the same files eight at once (docs/benchmarks.md).
 */
const READS_AT_ONCE = 8;

/** One entry read: its record, or why it was skipped. */
type EntryOutcome = { file: string; record: SubmissionRecord } | { file: string; reason: string };

export interface HistoryStoreOptions {
  limits?: Partial<ListingLimits>;
  /** Reads one entry (readHistoryEntry); a test passes one that never answers. */
  readEntry?: (file: string) => Promise<EntryRead>;
  now?: () => number;
}

export interface SkippedEntry {
  file: string;
  /** "a symbolic link", "not a regular file", "not a record", ... */
  reason: string;
}

/**
 * Flushes a folder's entries (the rename) to disk. POSIX only: Windows cannot open a folder for
 * this, and its rename is made durable by the file system's own journal.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // The record is written; a folder that cannot be flushed (some network file systems) does not
  // make it unwritten, so this failing is not a failure of the write.
  await syncFolder(path.dirname(file)).catch(() => undefined);
}

export class HistoryStore {
  /**
   * Records that could be written nowhere: kept for the life of the window, so the list and the
   * duplicate-production guard still see an order that was placed.
   */
  private readonly unsaved: SubmissionRecord[] = [];

  private readonly limits: ListingLimits;
  private readonly readEntry: (file: string) => Promise<EntryRead>;
  private readonly now: () => number;
  /** Told of every record kept, so a view adds it without listing the history again. */
  private readonly writeListeners = new Set<(written: WrittenRecord) => void>();

  constructor(
    private readonly location: HistoryLocation,
    options: HistoryStoreOptions = {},
  ) {
    this.limits = { ...DEFAULT_LISTING_LIMITS, ...options.limits };
    this.readEntry = options.readEntry ?? ((file) => readHistoryEntry(file));
    this.now = options.now ?? Date.now;
  }

  /**
   * Writes to the order's folder, else to the fallback folder; the path written. Whatever goes
   * wrong (even choosing the folder), a record that is not on disk is kept for this window.
   */
  async write(record: SubmissionRecord, orderFile: string): Promise<string> {
    let file: string;
    try {
      file = await this.writeSomewhere(record, orderFile);
    } catch (err) {
      this.unsaved.push(record);
      this.tell({ record });
      throw err;
    }
    this.tell({ record, file });
    return file;
  }

  /** Calls `listener` after each write (or keeping in memory); returns what stops it. */
  onDidWrite(listener: (written: WrittenRecord) => void): { dispose(): void } {
    this.writeListeners.add(listener);
    return { dispose: () => this.writeListeners.delete(listener) };
  }

  /** A listener that throws must not turn a written record into a failed write. */
  private tell(written: WrittenRecord): void {
    for (const listener of this.writeListeners) {
      try {
        listener(written);
      } catch {
        // the listener's own failure; the record is kept either way
      }
    }
  }

  private async writeSomewhere(record: SubmissionRecord, orderFile: string): Promise<string> {
    const fallback = this.location.fallbackDirectory?.();
    let primary: string;
    try {
      primary = this.location.directoryFor(orderFile);
    } catch (err) {
      if (fallback === undefined) throw err;
      primary = fallback;
    }
    const dirs = fallback !== undefined && fallback !== primary ? [primary, fallback] : [primary];
    const data = JSON.stringify(record, null, 2) + '\n';
    const errors: string[] = [];
    for (const dir of dirs) {
      const file = path.join(dir, recordFileName(record));
      try {
        await writeFileAtomic(file, data);
        return file;
      } catch (err) {
        errors.push(`${dir}: ${(err as Error).message}`);
      }
    }
    throw new Error(errors.join('; '));
  }

  /** Newest first; in bounded time and memory whatever the folders hold. */
  async listAll(): Promise<ListedHistory> {
    const listing = new Listing(this.limits, this.readEntry, this.now);
    for (const record of this.unsaved) listing.add(record);
    for (const dir of this.location.directories()) await listing.readFolder(dir);
    return listing.result();
  }

  async list(): Promise<SubmissionRecord[]> {
    return (await this.listAll()).records;
  }
}

/** One listing's records, skipped entries and clock. */
class Listing {
  private readonly records: SubmissionRecord[] = [];
  private readonly seen = new Set<string>();
  private readonly files = new Map<string, string>();
  private readonly skipped: SkippedEntry[] = [];
  private skippedCount = 0;
  private readonly deadline: number;

  constructor(
    private readonly limits: ListingLimits,
    private readonly readEntry: (file: string) => Promise<EntryRead>,
    private readonly now: () => number,
  ) {
    this.deadline = now() + limits.totalTimeoutMs;
  }

  add(record: SubmissionRecord, file?: string): void {
    if (this.seen.has(record.id)) return;
    this.seen.add(record.id);
    this.records.push(record);
    if (file !== undefined) this.files.set(record.id, file);
  }

  skip(file: string, reason: string, count = 1): void {
    this.skippedCount += count;
    if (this.skipped.length < MAX_SKIPPED_LISTED) this.skipped.push({ file, reason });
  }

  /**
   * The folder's entries, named one at a time (never all names at once) and read READS_AT_ONCE at
   * a time, up to the limits. What each read gives is taken in the folder's order once all are in,
   * so the listing (which duplicate is kept, the order of skipped entries) is as if read one by one.
   */
  async readFolder(dir: string): Promise<void> {
    let folder;
    try {
      folder = await fs.opendir(dir);
    } catch {
      return;
    }
    let notRead = 0;
    let why = '';
    let unreadable: string | undefined;
    const outcomes: EntryOutcome[] = [];
    const reading = new Set<Promise<void>>();
    try {
      for await (const entry of folder) {
        if (!entry.name.endsWith('.json') || entry.name.startsWith('.')) continue;
        if (outcomes.length >= this.limits.maxEntries) {
          why ||= `over the ${this.limits.maxEntries}-entry limit of one folder`;
          notRead++;
          continue;
        }
        if (reading.size >= READS_AT_ONCE) await Promise.race(reading);
        if (this.now() >= this.deadline) {
          why ||= `the listing took over ${this.limits.totalTimeoutMs} ms`;
          break;
        }
        const at = outcomes.push({ file: '', reason: '' }) - 1;
        const read: Promise<void> = this.readOne(path.join(dir, entry.name)).then((outcome) => {
          outcomes[at] = outcome;
          reading.delete(read);
        });
        reading.add(read);
      }
    } catch (err) {
      unreadable = `the folder could not be read to its end (${(err as Error).message})`;
    } finally {
      await Promise.all(reading);
      await folder.close().catch(() => undefined);
    }
    for (const outcome of outcomes)
      if ('record' in outcome) this.add(outcome.record, outcome.file);
      else this.skip(outcome.file, outcome.reason);
    if (unreadable !== undefined) this.skip(dir, unreadable);
    if (why !== '')
      this.skip(
        dir,
        `${notRead > 0 ? `${notRead} entries` : 'the remaining entries'} not read: ${why}`,
        Math.max(1, notRead),
      );
  }

  /** Never rejects: whatever goes wrong is the entry's reason for being skipped. */
  private async readOne(file: string): Promise<EntryOutcome> {
    try {
      const reading = this.readEntry(file).catch((err: unknown): EntryRead => ({
        ok: false,
        reason: err instanceof Error ? err.message : String(err),
      }));
      const read = await withTimeout(reading, this.limits.entryTimeoutMs);
      if (!read) return { file, reason: `not read within ${this.limits.entryTimeoutMs} ms` };
      if (!read.ok) return { file, reason: read.reason };
      const record = parseRecord(read.text);
      return record ? { file, record } : { file, reason: 'not a submission record' };
    } catch (err) {
      return { file, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  result(): ListedHistory {
    const records = [...this.records].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { records, skipped: this.skipped, skippedCount: this.skippedCount, files: this.files };
  }
}

/** The promise's value, or undefined when it has not settled within `ms` (it is left to finish). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
