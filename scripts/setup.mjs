// Set-up that `npm start` and `npm test` run first, so that a fresh clone needs no manual step.
// Uses only Node's own modules: it runs before node_modules exists.
//
//   node scripts/setup.mjs            npm packages (npm ci when node_modules is missing or stale)
//   node scripts/setup.mjs --vscode   also Debian's chromium, ripgrep, openssl and libkrb5-dev, and
//                                     code-server (see scripts/code-server.mjs for the cache)
//   node scripts/setup.mjs --vscode-minimum
//                                     the same with the second code-server, whose VS Code is the
//                                     `engines.vscode` minimum (both flags together: both)
// Every step checks first and is skipped when done, so a second run takes a moment.
import { execSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CODE_SERVER_MINIMUM_VERSION,
  CODE_SERVER_VERSION,
  codeServerDir,
  codeServerMarker,
  isCodeServerInstalled,
} from './code-server.mjs';

function run(cmd, options = {}) {
  console.log(`[setup] ${cmd}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  execSync(cmd, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
}

function fail(message) {
  console.error(`[setup] ${message}`);
  process.exit(1);
}

// npm packages: install when node_modules is missing or older than the lock file.
const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  run('npm ci --no-audit --no-fund');
}

const versions = [
  ...(process.argv.includes('--vscode') ? [CODE_SERVER_VERSION] : []),
  ...(process.argv.includes('--vscode-minimum') ? [CODE_SERVER_MINIMUM_VERSION] : []),
];
if (versions.length > 0) ensureDebianPackages();
for (const version of versions) withLock(codeServerDir(version) + '.lock', () => ensureCodeServer(version));

// Kerberos headers for a native module of VS Code, ripgrep because its npm package would
// download `rg` from GitHub, Chromium for the browser, node-gyp's tools (python3, make, g++)
// to build code-server's native modules, and openssl, which the CSR creation tests ask whether
// a created request verifies (`openssl req -verify`): a minimal Debian has none of them.
function ensureDebianPackages() {
  const wanted = ['libkrb5-dev', 'ripgrep', 'chromium', 'python3', 'make', 'g++', 'openssl'];
  const missing = wanted.filter((pkg) => !debianPackageInstalled(pkg));
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${wanted.join(' ')}`;
  if (process.getuid?.() !== 0) {
    fail(
      `missing Debian packages: ${missing.join(', ')}. Install them as root, then run this again:\n\n` +
        `    sudo sh -c '${cmd}'\n`,
    );
  }
  run(cmd, { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

function debianPackageInstalled(pkg) {
  try {
    const status = execSync(`dpkg-query -W -f='\${Status}' ${pkg}`, { stdio: ['ignore', 'pipe', 'ignore'] });
    return status.toString().includes('install ok installed');
  } catch {
    return false;
  }
}

// The steps of ../shared/notes/real-vscode-offline.md. The marker is written last, so an
// interrupted install is thrown away and redone.
function ensureCodeServer(version) {
  if (isCodeServerInstalled(version)) return;
  const dir = codeServerDir(version);
  const started = Date.now();
  console.log(`[setup] installing code-server ${version} into ${dir} (about 6 minutes, once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  // As root, code-server refuses to install without unsafe-perm; its postinstall (skipped) would
  // download ripgrep. node-gyp builds against the running Node's own headers: without a nodedir
  // it downloads them from nodejs.org, which these machines cannot reach.
  const unsafe = { npm_config_unsafe_perm: 'true', ...nodeHeaders() };
  run(`npm install --no-audit --no-fund --ignore-scripts code-server@${version}`, {
    cwd: dir,
    env: unsafe,
  });
  // code-server loads argon2 (password auth) at start even with `--auth none`; its install script
  // would try a download first, so build it from the sources it ships.
  run('npm rebuild argon2', { cwd: dir, env: { ...unsafe, npm_config_build_from_source: 'true' } });
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  registryInsteadOfGit(join(vscodeDir, 'npm-shrinkwrap.json'));
  run('npm install --no-audit --no-fund --omit=dev --ignore-scripts', { cwd: vscodeDir, env: unsafe });
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  rmSync(join(rgDir, 'rg'), { force: true });
  symlinkSync('/usr/bin/rg', join(rgDir, 'rg'));
  // Builds the native modules against Node's headers; `yes` lets node-pty fetch node-gyp via npx.
  run('npm rebuild', { cwd: vscodeDir, env: { ...unsafe, npm_config_yes: 'true' } });
  rmSync(join(vscodeDir, 'node_modules.asar'), { force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  run('npm install --no-audit --no-fund --omit=dev', { cwd: join(vscodeDir, 'extensions'), env: unsafe });
  writeFileSync(codeServerMarker(version), `code-server ${version} ${new Date().toISOString()}\n`);
  console.log(`[setup] code-server ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * VS Code 1.96's shrinkwrap takes @vscode/proxy-agent from a GitHub commit, which these machines
 * cannot reach (npm waits on it for minutes). npm has the same version with the same integrity,
 * which npm checks on download: point such an entry at the registry's tarball, the integrity kept.
 */
function registryInsteadOfGit(shrinkwrapFile) {
  if (!existsSync(shrinkwrapFile)) return;
  const shrinkwrap = JSON.parse(readFileSync(shrinkwrapFile, 'utf8'));
  const changed = [];
  for (const [where, entry] of Object.entries(shrinkwrap.packages ?? {})) {
    if (!entry.resolved?.startsWith('git+') || !entry.version) continue;
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const base = name.slice(name.lastIndexOf('/') + 1);
    entry.resolved = `https://registry.npmjs.org/${name}/-/${base}-${entry.version}.tgz`;
    changed.push(`${name}@${entry.version}`);
  }
  if (changed.length === 0) return;
  console.log(`[setup] from the npm registry instead of GitHub: ${changed.join(', ')}`);
  writeFileSync(shrinkwrapFile, JSON.stringify(shrinkwrap, null, 2) + '\n');
}

/** `npm_config_nodedir` for node-gyp: the running Node's prefix, when it ships its headers. */
function nodeHeaders() {
  const prefix = dirname(dirname(process.execPath));
  if (existsSync(join(prefix, 'include', 'node', 'node.h'))) return { npm_config_nodedir: prefix };
  console.log(
    `[setup] no Node headers under ${prefix}/include/node: node-gyp will try to download them from nodejs.org`,
  );
  return {};
}

// Two set-ups at once (npm start beside npm test) must not install into the same directory.
function withLock(lockDir, fn) {
  mkdirSync(join(lockDir, '..'), { recursive: true });
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the longest install is left over from a killed run.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 15 * 60 * 1000) {
        rmdirSync(lockDir);
        continue;
      }
      if (Date.now() > deadline) fail(`timed out waiting for ${lockDir}`);
      execSync('sleep 1');
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(lockDir);
  }
}
