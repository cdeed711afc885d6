// The server's file system access for the service: referenced CSR files (read again only when
// they changed), orders from disk, and directory listings for completion. Node's, file: URIs only.
// Every read is bounded while reading (./boundedRead); which references may be read at all
// (inside the order's workspace folder) is ./workspace's.
import { promises as fs, realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import {
  MAX_REFERENCED_FILE_BYTES,
  notRegular,
  readBoundedFile,
  readBoundedFileSync,
  tooLarge,
} from './boundedRead';
import type { DirectoryEntry, ListDirectory, ReadFile } from './service';

export {
  MAX_ORDER_FILE_BYTES,
  MAX_REFERENCED_FILE_BYTES,
  readBounded,
  readBoundedFile,
  readBoundedFileSync,
  readBoundedSync,
  Refusal,
} from './boundedRead';

/** The last referenced files read, by path (insertion order: oldest first), 32 MB at most. */
const recentFiles = new Map<string, { mtimeMs: number; size: number; bytes: Uint8Array }>();
const MAX_RECENT_FILES = 32;

/**
 * A `file:` URI's bytes, bounded as above; no containment (the CLI, and the server after its
 * workspace check). Validation and hover ask on every keystroke: an unchanged file (same mtime
 * and size) is answered from memory, after a `stat`.
 */
export const readLocalFile: ReadFile = async (uri) => {
  const path = localPath(uri);
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

function localPath(uri: string): string {
  if (!uri.startsWith('file:')) throw new Error(`only file: URIs are read (${uri})`);
  return fileURLToPath(uri);
}

/** Each key's answer computed once: its value, or its error again. */
function once<T>(compute: (key: string) => T, maxEntries: number): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    let answer = known.get(key);
    if (!answer) {
      if (known.size >= maxEntries) known.clear();
      answer = new Promise<T>((resolve) => resolve(compute(key)));
      known.set(key, answer);
    }
    return answer;
  };
}

/**
 * The command line's reads of `file:` references, for one run: synchronous (readBoundedFileSync),
 * and each path resolved and each file read once, its bytes or its error kept for the run (a CSR
 * named by a hundred orders is read once; the files are taken as they are when the run reads
 * them). `realpath` for containedReader's check.
 */
export function createRunReader(): { readFile: ReadFile; realpath: (path: string) => Promise<string> } {
  const read = once((path) => readBoundedFileSync(path).bytes, 1024);
  const realpath = once((path) => realpathSync.native(path), 16384);
  return { readFile: async (uri) => read(localPath(uri)), realpath };
}

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
