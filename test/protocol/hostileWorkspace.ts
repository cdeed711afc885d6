// A workspace planted as a hostile repository would be (issue 14): in `repo/orders/`, the
// examples' CSRs and a copy named good.csr, links inside it and out of it (a file outside the
// repository, /etc/passwd, devices, /proc), a FIFO, a sparse file past the CSR cap, a link loop, a
// dangling link and a folder named like a CSR.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Link name in `orders/` -> target (`@` names a file of the workspace or of its parent). */
const LINKS: Record<string, string> = {
  'inside-link.csr': '@repo/orders/good.csr',
  'out-link.csr': '@secret.csr',
  'passwd.csr': '/etc/passwd',
  'zero.csr': '/dev/zero',
  'ptmx.csr': '/dev/ptmx',
  'pagemap.csr': '/proc/self/pagemap',
  'loop.csr': '@repo/orders/loop.csr',
  'dangling.csr': '@repo/orders/nothing-here.csr',
};

export interface HostileWorkspace {
  /** The repository: open it as the workspace folder. */
  root: string;
  /** A CSR outside the repository, next to it. */
  outside: string;
  /** The names planted in `orders/` (each a `file:` reference from an order there). */
  names: string[];
}

export function plantHostileWorkspace(): HostileWorkspace {
  const base = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  const root = path.join(base, 'repo');
  const orders = path.join(root, 'orders');
  mkdirSync(path.join(orders, 'folder.csr'), { recursive: true });
  const outside = path.join(base, 'secret.csr');
  copyFileSync(path.join(EXAMPLES, 'www.example.com.csr'), outside);
  copyFileSync(path.join(EXAMPLES, 'www.example.com.csr'), path.join(orders, 'good.csr'));
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.csr')))
    copyFileSync(path.join(EXAMPLES, f), path.join(orders, f));
  for (const [name, target] of Object.entries(LINKS))
    symlinkSync(target.startsWith('@') ? path.join(base, target.slice(1)) : target, path.join(orders, name));
  execFileSync('mkfifo', [path.join(orders, 'fifo.csr')]);
  const huge = openSync(path.join(orders, 'huge.csr'), 'w');
  ftruncateSync(huge, 2 * 1024 * 1024);
  closeSync(huge);
  return { root, outside, names: readdirSync(orders).sort() };
}
