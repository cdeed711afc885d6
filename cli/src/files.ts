// Which files `cert-order check` reads: the paths, folders and globs given, or every
// `*.order.json` under the current folder. node_modules and .git are never searched. And the root
// inside which their `file:` references are read.
import { lstat, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { findOrderFiles } from '../../server/src/localFiles';

const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface FoundFile {
  /** For output: relative to the current folder when inside it, otherwise absolute. */
  display: string;
  absolute: string;
}

export class UsageError extends Error {}

function display(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : absolute;
}

/** Expands the operands; a path that does not exist or a glob that matches nothing is a usage error. */
export async function findFiles(operands: readonly string[], cwd: string): Promise<FoundFile[]> {
  const absolute: string[] = [];
  if (operands.length === 0) absolute.push(...(await findOrderFiles(cwd)));
  for (const operand of operands) {
    const full = path.resolve(cwd, operand);
    // A dangling link exists (lstat) but cannot be read: it is listed, and its read fails with why.
    const info = await stat(full).catch(() => lstat(full).catch(() => undefined));
    if (info?.isDirectory()) {
      absolute.push(...(await findOrderFiles(full)));
    } else if (info) {
      absolute.push(full);
    } else if (isDynamicPattern(operand)) {
      const matched = await glob(operand, { cwd, ignore: IGNORE, dot: true, absolute: true });
      if (matched.length === 0) throw new UsageError(`no file matches ${operand}`);
      absolute.push(...matched.sort());
    } else {
      throw new UsageError(`${operand}: no such file or folder`);
    }
  }
  const seen = new Set<string>();
  const out: FoundFile[] = [];
  for (const a of absolute) {
    const normal = path.normalize(a);
    if (seen.has(normal)) continue;
    seen.add(normal);
    out.push({ display: display(cwd, normal), absolute: normal });
  }
  return out;
}

/**
 * The folder `file:` references are read inside: `--root` when given (it must be a folder), else
 * the git work tree holding the current folder (the nearest folder above it with a `.git`, a
 * folder or a worktree's file: the repository, as the workspace folder is in the editor), else
 * the current folder.
 */
export async function findRoot(cwd: string, given?: string): Promise<string> {
  if (given !== undefined) {
    const root = path.resolve(cwd, given);
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`--root ${given}: not a folder`);
    return root;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (await lstat(path.join(dir, '.git')).catch(() => undefined)) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
