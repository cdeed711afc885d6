// Reading an opened file whole, bounded: the loop the history reader (history/readEntry.ts) and the
// CSR file reader (submission/localFile.ts) share. No vscode import.
import type { FileHandle } from 'node:fs/promises';

/** Past the first read, the size of each further read (a file that grew since its stat). */
const READ_CHUNK = 256 * 1024;

/**
 * The bytes of `handle` (whose stat gave `size`), or undefined when there are more than `maxBytes`.
 * Read by the cap, not by the size: a file that grows is cut off at the cap, not followed. The first
 * read asks for one byte more than `size`, so a file that did not grow is read in one call, and a
 * short read at or past `size` is its end. Not zero-filled and not from the shared pool: each
 * chunk's unread end is zeroed, so the buffer's `.buffer` holds the file and nothing else.
 */
export async function readOpened(
  handle: FileHandle,
  size: number,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  let want = Math.min(size + 1, maxBytes + 1);
  for (;;) {
    const chunk = Buffer.allocUnsafeSlow(want);
    const { bytesRead } = await handle.read(chunk, 0, want, length);
    if (bytesRead === 0) break;
    chunk.fill(0, bytesRead);
    chunks.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
    if (length > maxBytes) return undefined;
    if (bytesRead < want && length >= size) break;
    want = Math.min(READ_CHUNK, maxBytes + 1 - length);
  }
  if (chunks.length === 1) return chunks[0];
  const whole = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const c of chunks) at += c.copy(whole, at);
  return whole;
}
