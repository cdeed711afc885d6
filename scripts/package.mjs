// `npm run package`: the VSIX that users install and that the in-editor tests install into
// code-server. esbuild has bundled every dependency, so vsce runs with --no-dependencies.
// Afterwards the package is opened and checked: every file the manifest points at, the two
// bundles, the README and the licence must be inside, so a mistake in .vscodeignore fails here;
// no bundle may carry a development-only package (package-lock.json's `dev`, read against the
// bundles' source maps); and the package must
// be at most MAX_VSIX_KB.
// The README's relative image links are left as they are (--no-rewrite-relative-links): the
// repository is not on GitHub, for vsce to rewrite them to.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARED_LIBRARIES_OUT } from './bundle/plugins.mjs';

export const VSIX = resolve('dist', 'cert-order-tools.vsix');
/** The package's size limit (issue 9): a bundle that grows past it fails `npm run package`. */
export const MAX_VSIX_KB = 350;

/** Names of the entries of a zip file, read from its central directory. */
export function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** What must be in the package: derived from the manifest, so new contributions are checked too. */
function requiredEntries(manifest) {
  const paths = new Set([
    'package.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
    manifest.main.replace(/^\.\//, '').replace(/(\.js)?$/, '.js'),
    'server/out/server.js',
    SHARED_LIBRARIES_OUT,
  ]);
  if (manifest.icon) paths.add(manifest.icon);
  const c = manifest.contributes ?? {};
  for (const l of c.languages ?? []) if (l.configuration) paths.add(l.configuration);
  for (const g of c.grammars ?? []) paths.add(g.path);
  for (const s of c.snippets ?? []) paths.add(s.path);
  for (const w of c.walkthroughs ?? [])
    for (const step of w.steps ?? []) {
      const media = step.media ?? {};
      for (const file of [media.markdown, media.image, media.svg])
        if (typeof file === 'string') paths.add(file);
    }
  for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) paths.add(j.url);
  // The view containers' icons (the Orders view's activity-bar icon), light/dark pairs too.
  for (const containers of Object.values(c.viewsContainers ?? {}))
    for (const { icon } of containers)
      for (const file of typeof icon === 'string' ? [icon] : Object.values(icon ?? {}))
        if (typeof file === 'string' && !file.startsWith('$(')) paths.add(file);
  // Every schema the repository ships (issue 2: other tools validate order files with them).
  for (const f of listFiles('schemas')) paths.add(f);
  return [...paths].map((p) => `extension/${p.replace(/^\.\//, '')}`);
}

function listFiles(dir) {
  let out = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = `${dir}/${name}`;
    out = statSync(p).isDirectory() ? out.concat(listFiles(p)) : out.concat([p]);
  }
  return out;
}

/**
 * Packages that a packaged bundle carries (from its source map) and that package-lock.json marks
 * `dev` (needed only to build and test, such as node-forge, the CSR benchmark's peer): code the
 * extension runs must come from a dependency.
 */
function devPackagesInBundles(bundles) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
  const found = new Set();
  for (const bundle of bundles) {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8'));
    for (const source of map.sources) {
      const m = /^(?:\.\.\/)*((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/.exec(source);
      const key = m?.[1].replace(/\/$/, '');
      if (key && lock[key]?.dev) found.add(`${key} (in ${bundle})`);
    }
  }
  return [...found];
}

function main() {
  mkdirSync('dist', { recursive: true });
  execFileSync(
    join('node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', VSIX],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const entries = new Set(zipEntries(VSIX));
  const missing = requiredEntries(manifest).filter((p) => !entries.has(p));
  if (missing.length) {
    console.error(`[package] missing from ${VSIX}:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  const bundles = [...entries]
    .filter((e) => e.endsWith('.js') && e.startsWith('extension/') && e.includes('/out/'))
    .map((e) => e.slice('extension/'.length));
  const dev = devPackagesInBundles(bundles);
  if (dev.length) {
    console.error(
      `[package] packages needed only for development bundled into the package:\n  ${dev.join('\n  ')}`,
    );
    process.exit(1);
  }
  const kb = (statSync(VSIX).size / 1024).toFixed(1);
  if (Number(kb) > MAX_VSIX_KB) {
    console.error(
      `[package] ${VSIX} is ${kb} KB, over the ${MAX_VSIX_KB} KB limit: see what grew with esbuild's metafile (scripts/bundle/plugins.mjs says what each bundle leaves out)`,
    );
    process.exit(1);
  }
  console.log(
    `[package] ${VSIX}: ${entries.size} entries, ${kb} KB, every file the manifest names present, no development-only package bundled, at most ${MAX_VSIX_KB} KB`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/package.mjs')) main();
