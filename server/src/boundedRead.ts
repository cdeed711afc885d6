// Reading a file of a repository, bounded while reading: an order comes from a repository, and a
// repository can be hostile. `stat` alone tells nothing about `/proc/self/pagemap` (a "regular
// file" of size 0 that reads gigabytes), a FIFO or a device reached through a symbolic link, so
// the reader checks the path's target, opens without blocking, checks the opened file (`fstat`),
// reads in chunks and stops at the cap. The server's reads give up after a time limit; the
// command line's are synchronous (readBoundedFileSync) and have none. Which references may be
// read at all (inside the order's workspace folder) is ./workspace's.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fs,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { MAX_CSR_FILE_BYTES } from '../../common/src/protocol/csrFile';

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

export function notRegular(info: Stats): Refusal {
  const kind = kindOf(info);
  const message =
    kind === 'not a regular file' ? 'it is not a regular file' : `it is ${kind}, not a regular file`;
  // EISDIR: the service words a directory itself.
  return new Refusal('not-regular', message, info.isDirectory() ? 'EISDIR' : undefined);
}

export function tooLarge(maxBytes: number): Refusal {
  return new Refusal(
    'too-large',
    `it is larger than ${Math.round(maxBytes / 1024)} KB, too large for a CSR (a CSR is a few KB)`,
  );
}

/**
 * The reading loop's state: whole chunks (pagemap reads only multiples of 8 bytes), never past one
 * chunk beyond the cap, whatever the file's size says (pagemap says 0). A file whose `fstat` gives
 * a size is read up to that size, as Node's readFile does: no second read to find its end.
 */
class BoundedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly size: number,
  ) {}

  /** The buffer for the next read; undefined when done. */
  next(): Buffer | undefined {
    if (this.total > this.maxBytes || (this.size > 0 && this.total >= this.size)) return undefined;
    const left = this.size - this.total;
    return Buffer.allocUnsafe(left > 0 && left < CHUNK_BYTES ? left : CHUNK_BYTES);
  }

  /** Records a read into `chunk`; false at the end of the file. */
  took(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    return true;
  }

  bytes(): Uint8Array {
    if (this.total > this.maxBytes) throw tooLarge(this.maxBytes);
    return new Uint8Array(Buffer.concat(this.chunks, this.total));
  }
}

/** The opened file, not the path: what is read is what was checked. */
function checkOpened(info: Stats, maxBytes: number): BoundedRead {
  if (!info.isFile()) throw notRegular(info);
  if (info.size > maxBytes) throw tooLarge(maxBytes);
  return new BoundedRead(maxBytes, info.size);
}

/** A read's error in the words the diagnostic uses. */
function readError(err: unknown): Error {
  const code = (err as { code?: unknown }).code;
  if (code === 'EAGAIN') return new Error('it is not a file that can be read now');
  // Errors of our own, and those the diagnostic words itself (ENOENT, EACCES...), as they are.
  if (typeof code !== 'string' || WORDED.has(code)) return err as Error;
  return new Error(`it could not be read (${code})`);
}

async function readOpened(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; info: Stats }> {
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    const read = checkOpened(info, maxBytes);
    for (let chunk = read.next(); chunk; chunk = read.next()) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!read.took(chunk, bytesRead)) break;
    }
    return { bytes: read.bytes(), info };
  } catch (err) {
    throw readError(err);
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

/**
 * readBoundedFile for the command line: the same checks in the same order, without the thread
 * pool. A run reads thousands of small files, each in a few system calls that answer in
 * microseconds; through the pool each costs a round trip of the event loop, several times the
 * read itself. No time limit: a call that blocks cannot be given up (Ctrl+C, or the pipeline's
 * own timeout, ends it). Never in the language server, whose event loop must keep answering.
 */
export function readBoundedFileSync(
  path: string,
  maxBytes = MAX_REFERENCED_FILE_BYTES,
): { bytes: Uint8Array; info: Stats } {
  const real = realpathSync.native(path);
  // Opening a device can itself do something (`/dev/ptmx` makes a terminal): never open one.
  const target = statSync(real);
  if (!target.isFile()) throw notRegular(target);
  const fd = openSync(real, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    const read = checkOpened(info, maxBytes);
    for (let chunk = read.next(); chunk; chunk = read.next()) {
      if (!read.took(chunk, readSync(fd, chunk, 0, chunk.length, null))) break;
    }
    return { bytes: read.bytes(), info };
  } catch (err) {
    throw readError(err);
  } finally {
    closeSync(fd);
  }
}

/** A refusal of the bounded reader in the command line's words (a file named or found, not a CSR). */
function inCliWords(err: unknown, max: number): unknown {
  if (err instanceof Refusal && err.kind === 'not-regular') return new Error('not a regular file');
  if (err instanceof Refusal && err.kind === 'too-large')
    return new Error(`larger than ${max} bytes: too large to check`);
  return err;
}

/**
 * Reads a regular file (links followed), at most `max` bytes, counting while reading: a FIFO or
 * device named on the command line or found in a workspace must not hang or fill memory, whatever
 * `stat` says of its size. The same reader as the CSR files', its refusals in the CLI's words.
 */
export async function readBounded(absolutePath: string, max = MAX_ORDER_FILE_BYTES): Promise<Buffer> {
  try {
    return Buffer.from((await readBoundedFile(absolutePath, max)).bytes);
  } catch (err) {
    throw inCliWords(err, max);
  }
}

/** readBounded with readBoundedFileSync, for the command line's checks. */
export function readBoundedSync(absolutePath: string, max = MAX_ORDER_FILE_BYTES): Buffer {
  try {
    const { bytes } = readBoundedFileSync(absolutePath, max);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    throw inCliWords(err, max);
  }
}
