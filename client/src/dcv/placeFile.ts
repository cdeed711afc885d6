// Writing the DCV file under a web root, for the editor's "Create DCV File" and `cert-order dcv
// --web-root`: never over a different file unless the caller's `confirmReplace` says yes; the same
// content already there is left alone and said so. No vscode import (the CLI uses it too).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dcvFileState, type DcvFileState } from '../../../common/src/csr';

/** A DCV file is three short lines: anything much larger at its place is not one. */
const MAX_EXISTING_BYTES = 64 * 1024;

export type PlaceOutcome =
  | { kind: 'written'; file: string; replaced: boolean }
  | { kind: 'same'; file: string }
  | { kind: 'kept'; file: string }
  | { kind: 'failed'; file: string; message: string };

async function existingText(file: string): Promise<string | undefined | Error> {
  let info;
  try {
    info = await fs.lstat(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'ENOENT' ? undefined : (err as Error);
  }
  if (!info.isFile()) return new Error('is not a regular file (a folder, link or device is not replaced)');
  // Larger than a DCV file: different, whatever it holds.
  if (info.size > MAX_EXISTING_BYTES) return `\0${info.size}`;
  return fs.readFile(file, 'utf8');
}

/**
 * Places `content` at `relativePath` under `webRoot` (folders made as needed). `confirmReplace` is
 * asked only when a different file is there; the file is then replaced only on `true`.
 */
export async function placeDcvFile(
  webRoot: string,
  relativePath: string,
  content: string,
  confirmReplace: (file: string) => Promise<boolean>,
): Promise<PlaceOutcome> {
  const file = path.join(webRoot, ...relativePath.split('/'));
  try {
    const root = await fs.stat(webRoot).catch(() => undefined);
    if (!root?.isDirectory()) return { kind: 'failed', file, message: `${webRoot} is not a folder` };
    const existing = await existingText(file);
    if (existing instanceof Error) return { kind: 'failed', file, message: `${file} ${existing.message}` };
    const state: DcvFileState = dcvFileState(existing, content);
    if (state === 'same') return { kind: 'same', file };
    if (state === 'different' && !(await confirmReplace(file))) return { kind: 'kept', file };
    await fs.mkdir(path.dirname(file), { recursive: true });
    // 'wx' when nothing was there: a file that appeared meanwhile is not overwritten unasked.
    await fs.writeFile(file, content, { flag: state === 'absent' ? 'wx' : 'w' });
    return { kind: 'written', file, replaced: state === 'different' };
  } catch (err) {
    return { kind: 'failed', file, message: err instanceof Error ? err.message : String(err) };
  }
}
