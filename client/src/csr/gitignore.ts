// Whether a private key about to be written would be committed: is its folder in a git working
// tree, and does git ignore the file? Asked of git itself (`git check-ignore`) when git runs here;
// otherwise the working tree's .gitignore files and .git/info/exclude are read, conservatively:
// the key counts as ignored only when a pattern plainly matches it, so any doubt leads to the offer.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import * as path from 'node:path';

export interface IgnoreStatus {
  /** The working tree's top folder; undefined when the key's folder is in no git working tree. */
  workTree?: string;
  /** Whether git ignores the key (false outside a working tree). */
  ignored: boolean;
  /** How it was found out: git itself, or reading the ignore files (git is not installed). */
  via: 'git' | 'files';
}

interface Run {
  code: number | 'missing';
  stdout: string;
}

function run(git: string, cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(git, args, { cwd, timeout: 10_000, windowsHide: true }, (err, stdout) => {
      if (!err) return resolve({ code: 0, stdout });
      const e = err as NodeJS.ErrnoException & { code?: unknown };
      if (e.code === 'ENOENT') return resolve({ code: 'missing', stdout: '' });
      resolve({ code: typeof e.code === 'number' ? e.code : 128, stdout });
    });
  });
}

/** The nearest folder at or above `folder` that holds `.git` (a folder, or a worktree's file). */
function findWorkTree(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A gitignore pattern (one line) as a regular expression over slash-separated relative paths. */
function patternRegExp(pattern: string): RegExp | undefined {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  if (p === '' || /[[\\]/.test(p)) return undefined; // classes and escapes: not read, so no match
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|]/g, '\\$&');
  }
  // A directory pattern matches the folders above the key (the key itself is a file).
  const tail = dirOnly ? '/.+' : '(?:/.+)?';
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}${tail}$`);
}

/**
 * Whether the ignore files from the working tree down to the key's folder ignore `relative` (the
 * key's path from the top, slash-separated). The last matching pattern wins, as in git; a negation
 * that could be read either way (classes, escapes) makes the answer "not ignored".
 */
export function ignoredByFiles(workTree: string, relative: string): boolean {
  const parts = relative.split('/');
  // Each source with the folder its patterns are relative to ('' for the top).
  const sources: [string, string][] = [[path.join(workTree, '.git', 'info', 'exclude'), '']];
  for (let i = 0; i < parts.length; i++)
    sources.push([path.join(workTree, ...parts.slice(0, i), '.gitignore'), parts.slice(0, i).join('/')]);
  let ignored = false;
  for (const [file, base] of sources) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const inBase = base === '' ? relative : relative.slice(base.length + 1);
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(?<!\\)\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      const re = patternRegExp(negated ? line.slice(1) : line);
      if (!re) {
        if (negated) ignored = false;
        continue;
      }
      if (re.test(inBase)) ignored = !negated;
    }
  }
  return ignored;
}

/** Where the key stands with git. `git` is the program to run (tests pass a missing one). */
export async function keyIgnoreStatus(keyPath: string, git = 'git'): Promise<IgnoreStatus> {
  const folder = path.dirname(keyPath);
  const top = await run(git, folder, ['rev-parse', '--show-toplevel']);
  if (top.code !== 'missing') {
    if (top.code !== 0) return { ignored: false, via: 'git' };
    const workTree = top.stdout.trim();
    // 0: ignored, 1: not ignored; anything else is an error, read as not ignored.
    const check = await run(git, folder, ['check-ignore', '-q', '--no-index', '--', path.basename(keyPath)]);
    return { workTree, ignored: check.code === 0, via: 'git' };
  }
  const workTree = findWorkTree(folder);
  if (!workTree) return { ignored: false, via: 'files' };
  const relative = path.relative(workTree, keyPath).split(path.sep).join('/');
  return { workTree, ignored: ignoredByFiles(workTree, relative), via: 'files' };
}

/** The line that ignores exactly this file in its folder's .gitignore (special characters escaped). */
export function ignoreLine(fileName: string): string {
  return `/${fileName.replace(/[\\*?[\]!# ]/g, '\\$&')}`;
}

/** Appends the key's line to the .gitignore of the key's folder (created if missing); returns its path. */
export async function addToGitignore(keyPath: string): Promise<string> {
  const file = path.join(path.dirname(keyPath), '.gitignore');
  let before = '';
  try {
    before = await readFile(file, 'utf8');
  } catch {
    // no .gitignore yet
  }
  const sep = before === '' || before.endsWith('\n') ? '' : '\n';
  await appendFile(
    file,
    `${sep}# private key (Certificate Orders: Create Key and CSR)\n${ignoreLine(path.basename(keyPath))}\n`,
  );
  return file;
}
