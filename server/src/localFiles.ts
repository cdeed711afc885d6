// The server's file system access for the service: referenced CSR files (read again only when
// they changed), orders from disk, and directory listings for completion. Node's, file: URIs only.
//
// Every read is bounded while reading: an order comes from a repository, and a repository can be
// hostile. `stat` alone tells nothing about `/proc/self/pagemap` (a "regular file" of size 0 that
// reads gigabytes), a FIFO or a device reached through a symbolic link, so the reader checks the
// path's target, opens without blocking, checks the opened file (`fstat`), reads in chunks and
// stops at the cap, and gives up after a time limit. Which references may be read at all (inside
// the order's workspace folder) is ./workspace's.
import { constants, promises as fs, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_CSR_FILE_BYTES } from '../../common/src/protocol/csrFile';
import { glob } from 'tinyglobby';
import type { DirectoryEntry, ListDirectory, ReadFile } from './service';

/** Larger than anything the service checks (it answers file-too-large past 4 MB) yet bounded. */
export const MAX_ORDER_FILE_BYTES = 16 * 1024 * 1024;

/** A CSR file is a few KB; the submission side sends no more than this either. */
export const MAX_REFERENCED_FILE_BYTES = MAX_CSR_FILE_BYTES;

/** A local CSR file answers in milliseconds; a file system that does not is not waited for. */
export const READ_TIMEOUT_MS = 3000;

const CHUNK_BYTES = 64 * 1024;

/** Error codes server/src/service/csrFields.ts words for the diagnostic. */
const WORDED = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR']);

/**
 * O_NONBLOCK: opening a FIFO (or a device, should the path change after the check) returns at
 * once instead of waiting for a writer, and the few "regular" files that block (`/proc/kmsg`)
 * answer EAGAIN. O_NOCTTY: a terminal never becomes the server's. O_NOFOLLOW: the path is the
 * resolved one, so a link swapped in after the check fails rather than being followed.
 */
const OPEN_FLAGS =
  constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A file the reader will not read; `message` completes "Cannot read the CSR file ...: ". */
export class Refusal extends Error {
  constructor(
    readonly kind: 'not-regular' | 'too-large',
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function notRegular(info: Stats): Refusal {
  const kind = kindOf(info);
  const message =
    kind === 'not a regular file' ? 'it is not a regular file' : `it is ${kind}, not a regular file`;
  // EISDIR: the service words a directory itself.
  return new Refusal('not-regular', message, info.isDirectory() ? 'EISDIR' : undefined);
}

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(
    'too-large',
    `it is larger than ${Math.round(maxBytes / 1024)} KB, too large for a CSR (a CSR is a few KB)`,
  );
}

async function readOpened(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; info: Stats }> {
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    // The opened file, not the path: what is read is what was checked.
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(info);
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // Whole chunks (pagemap reads only multiples of 8 bytes), never past one chunk beyond the
    // cap, whatever the file's size says (pagemap says 0).
    while (total <= maxBytes) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge(maxBytes);
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)), info };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EAGAIN') throw new Error('it is not a file that can be read now');
    // Errors of our own, and those the diagnostic words itself (ENOENT, EACCES...), as they are.
    if (typeof code !== 'string' || WORDED.has(code)) throw err;
    throw new Error(`it could not be read (${code})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The bytes of a regular file (links followed), at most `maxBytes` of them, or an error saying
 * why not. Devices, FIFOs and sockets are refused before they are opened.
 */
export async function readBoundedFile(
  path: string,
  maxBytes = MAX_REFERENCED_FILE_BYTES,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<{ bytes: Uint8Array; info: Stats }> {
  return withTimeout(
    (async () => {
      const real = await fs.realpath(path);
      // Opening a device can itself do something (`/dev/ptmx` makes a terminal): never open one.
      const info = await fs.stat(real);
      if (!info.isFile()) throw notRegular(info);
      return readOpened(real, maxBytes);
    })(),
    timeoutMs,
  );
}

/** The last referenced files read, by path (insertion order: oldest first), 32 MB at most. */
const recentFiles = new Map<string, { mtimeMs: number; size: number; bytes: Uint8Array }>();
const MAX_RECENT_FILES = 32;

/**
 * A `file:` URI's bytes, bounded as above; no containment (the CLI, and the server after its
 * workspace check). Validation and hover ask on every keystroke: an unchanged file (same mtime
 * and size) is answered from memory, after a `stat`.
 */
export const readLocalFile: ReadFile = async (uri) => {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are read (${uri})`);
  const path = fileURLToPath(uri);
  const info = await fs.stat(path);
  if (!info.isFile()) throw notRegular(info);
  if (info.size > MAX_REFERENCED_FILE_BYTES) throw tooLarge(MAX_REFERENCED_FILE_BYTES);
  const known = recentFiles.get(path);
  // A size-0 file of /proc or /sys changes with every read: never answered from memory.
  if (known && info.size > 0 && known.mtimeMs === info.mtimeMs && known.size === info.size)
    return known.bytes;
  const { bytes } = await readBoundedFile(path);
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
 * Reads a regular file (links followed), at most `max` bytes, counting while reading: a FIFO or
 * device named on the command line or found in a workspace must not hang or fill memory, whatever
 * `stat` says of its size. The same reader as the CSR files', its refusals in the CLI's words.
 */
export async function readBounded(absolutePath: string, max = MAX_ORDER_FILE_BYTES): Promise<Buffer> {
  try {
    return Buffer.from((await readBoundedFile(absolutePath, max)).bytes);
  } catch (err) {
    if (err instanceof Refusal && err.kind === 'not-regular') throw new Error('not a regular file');
    if (err instanceof Refusal && err.kind === 'too-large')
      throw new Error(`larger than ${max} bytes: too large to check`);
    throw err;
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
