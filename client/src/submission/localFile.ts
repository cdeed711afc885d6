// Reading a CSR file named by a `file:` reference: only a regular file, only up to a size a CSR
// can have (a device such as /dev/zero, a FIFO or a huge file would hang or exhaust memory).
// Failures are errors whose message completes "the CSR file PATH ...". No vscode import.
import { constants, promises as fs } from 'node:fs';
import { isInsideFolder } from '../../../common/src/protocol/csrFile';
import { readOpened } from '../readOpened';

function describe(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${err instanceof Error ? err.message : String(err)})`;
}

export async function readRegularFile(file: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await fs.stat(file);
  } catch (err) {
    throw new Error(describe(err));
  }
  if (!info.isFile()) throw new Error('is not a file');
  if (info.size > maxBytes) throw new Error(`is ${info.size} bytes: too large for a CSR`);
  let handle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not hang.
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new Error(describe(err));
  }
  try {
    const bytes = await readOpened(handle, info.size, maxBytes);
    if (!bytes) throw new Error('is too large for a CSR');
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * A `file:` CSR whose path is inside `root` is read only if its real path is too: a symbolic link
 * in the workspace pointing outside it must not carry `~/.ssh/id_rsa` to a CA. Both paths are
 * resolved (the workspace folder may itself be reached through a link).
 */
export async function readCsrFileInside(file: string, root: string, maxBytes: number): Promise<Uint8Array> {
  let real;
  let realRoot;
  try {
    [real, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(root)]);
  } catch (err) {
    throw new Error(describe(err));
  }
  if (!isInsideFolder(real, realRoot))
    throw new Error(
      `is a link to ${real}, outside the workspace folder; only CSR files inside ${root} are sent. ` +
        'Copy the CSR into the workspace, or paste it into the order',
    );
  return readRegularFile(real, maxBytes);
}
