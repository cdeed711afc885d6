// Reading one history file without trusting the folder it is in. A workspace's history folder
// comes from a repository: an entry may be a link to /dev/ptmx (an open that never returns), to
// /dev/zero (a read that never ends) or to a file outside, a FIFO, or just huge. Only a regular
// file that is not a link is read, and never more than the cap. No vscode import.
import { constants, promises as fs } from 'node:fs';
import { readOpened } from '../readOpened';

/**
 * The largest record read back. A record holds the request (with the CSR) and the answer, which
 * the sender cuts at `certOrder.http.maxResponseBytes` (1 MiB by default); JSON escaping can make
 * that a few times larger, so the cap leaves room for it.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export type EntryRead = { ok: true; text: string } | { ok: false; reason: string };

// O_NOFOLLOW: a link swapped in after the lstat fails to open instead of being followed (not on
// Windows, where the constant is absent). O_NONBLOCK: a FIFO swapped in does not block the open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function why(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ELOOP') return 'a symbolic link';
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

export async function readHistoryEntry(file: string, maxBytes = MAX_RECORD_BYTES): Promise<EntryRead> {
  let info;
  try {
    info = await fs.lstat(file);
  } catch (err) {
    return { ok: false, reason: why(err) };
  }
  if (info.isSymbolicLink()) return { ok: false, reason: 'a symbolic link' };
  if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
  if (info.size > maxBytes) return { ok: false, reason: `${info.size} bytes, over the ${maxBytes}-byte cap` };
  let handle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, reason: why(err) };
  }
  try {
    // The file opened may not be the one examined (replaced in between): check what is open.
    const opened = await handle.stat();
    if (!opened.isFile()) return { ok: false, reason: 'not a regular file' };
    const bytes = await readOpened(handle, opened.size, maxBytes);
    if (!bytes) return { ok: false, reason: `over the ${maxBytes}-byte cap` };
    return { ok: true, text: bytes.toString('utf8') };
  } catch (err) {
    return { ok: false, reason: why(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
