// The server's file system access for the service: referenced CSR files (read again only when
// they changed) and directory listings for completion. Node's, over file: URIs only.
import { constants } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import type { DirectoryEntry, ListDirectory, ReadFile } from './service';

/** Larger than anything the service checks (it answers file-too-large past 4 MB) yet bounded. */
export const MAX_ORDER_FILE_BYTES = 16 * 1024 * 1024;

/** A CSR file is a few KB; anything much larger is not a CSR. */
const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/** The last referenced files read, by path (insertion order: oldest first). */
const recentFiles = new Map<string, { mtimeMs: number; size: number; bytes: Uint8Array }>();
const MAX_RECENT_FILES = 32;

export const readLocalFile: ReadFile = async (uri) => {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are read (${uri})`);
  const path = fileURLToPath(uri);
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  // A device or FIFO reports size 0 and never ends (`file:/dev/zero`): read regular files only.
  if (!info.isFile()) throw new Error('it is not a regular file');
  if (info.size > MAX_REFERENCED_FILE_BYTES) throw new Error(`${info.size} bytes is too large for a CSR`);
  // Validation and hover ask for the referenced CSR on every keystroke in the order: a stat is
  // cheap, the read is done again only when the file changed.
  const known = recentFiles.get(path);
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.bytes;
  const bytes = new Uint8Array(await readFile(path));
  recentFiles.delete(path);
  recentFiles.set(path, { mtimeMs: info.mtimeMs, size: info.size, bytes });
  if (recentFiles.size > MAX_RECENT_FILES) recentFiles.delete(recentFiles.keys().next().value as string);
  return bytes;
};

/** A folder next to an order holds a few files; a huge one is listed only in part. */
const MAX_LISTED_ENTRIES = 5000;

export const listLocalDirectory: ListDirectory = async (uri) => {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are listed (${uri})`);
  const entries = await readdir(fileURLToPath(uri), { withFileTypes: true });
  const out: DirectoryEntry[] = [];
  for (const e of entries.slice(0, MAX_LISTED_ENTRIES)) {
    if (e.isFile()) out.push({ name: e.name, type: 'file' });
    else if (e.isDirectory()) out.push({ name: e.name, type: 'directory' });
  }
  return out;
};

/**
 * Reads a regular file (links followed), at most MAX_FILE_BYTES, counting while reading: a FIFO or
 * device named on the command line or found in a workspace must not hang or fill memory, whatever `stat` says of its size.
 */
export async function readBounded(absolutePath: string, max = MAX_ORDER_FILE_BYTES): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, max + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw new Error(`larger than ${max} bytes: too large to check`);
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/** Folders no order is looked for in (dependencies, git's own files). */
export const IGNORED_FOLDERS = ['node_modules', '.git'];

/** Every `*.order.json` under a folder, links not followed, sorted; node_modules and .git skipped. */
export async function findOrderFiles(folder: string): Promise<string[]> {
  const found = await glob('**/*.order.json', {
    cwd: folder,
    ignore: IGNORED_FOLDERS.map((name) => `**/${name}/**`),
    dot: true,
    absolute: true,
    followSymbolicLinks: false,
  });
  return found.sort();
}
