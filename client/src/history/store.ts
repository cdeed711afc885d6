// The order history on disk: one JSON file per submission, written atomically (a temporary file
// in the same folder, flushed, renamed, then the folder flushed), so a reader never sees half a
// record and a crash just after the rename cannot lose it. Listing reads each entry through
// readHistoryEntry (regular files only, capped); an entry that cannot be read or is not a record
// is skipped and counted, never blocking the others. No vscode import.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readHistoryEntry } from './readEntry';
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
  /** Entries that could not be read as records, and why. */
  skipped: SkippedEntry[];
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

  constructor(private readonly location: HistoryLocation) {}

  /** Writes to the order's folder, else to the fallback folder; the path written. */
  async write(record: SubmissionRecord, orderFile: string): Promise<string> {
    const primary = this.location.directoryFor(orderFile);
    const fallback = this.location.fallbackDirectory?.();
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
    this.unsaved.push(record);
    throw new Error(errors.join('; '));
  }

  /** Newest first. */
  async listAll(): Promise<ListedHistory> {
    const records: SubmissionRecord[] = [...this.unsaved];
    const skipped: SkippedEntry[] = [];
    const seen = new Set<string>(this.unsaved.map((r) => r.id));
    for (const dir of this.location.directories()) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const file = path.join(dir, name);
        const read = await readHistoryEntry(file);
        if (!read.ok) {
          skipped.push({ file, reason: read.reason });
          continue;
        }
        const record = parseRecord(read.text);
        if (!record) {
          skipped.push({ file, reason: 'not a submission record' });
          continue;
        }
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        records.push(record);
      }
    }
    records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { records, skipped };
  }

  async list(): Promise<SubmissionRecord[]> {
    return (await this.listAll()).records;
  }
}
