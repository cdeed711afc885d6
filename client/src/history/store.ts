// The order history on disk: one JSON file per submission, written atomically (a temporary file
// in the same folder, flushed, then renamed), so a reader never sees half a record. Files that
// are not records are skipped when listing. No vscode import.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
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
  /** Files that could not be read as records. */
  skipped: string[];
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
    const skipped: string[] = [];
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
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch {
          skipped.push(file);
          continue;
        }
        const record = parseRecord(text);
        if (!record || seen.has(record.id)) {
          if (!record) skipped.push(file);
          continue;
        }
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
