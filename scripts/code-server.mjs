// Where code-server lives and how to start it: shared by scripts/setup.mjs (which installs it),
// scripts/start.mjs (`npm start`), test/vscode/runCodeServer.ts and test/e2e/*.
// Node builtins only: setup.mjs imports it before node_modules exists.
//
// code-server 4.100.3 is a real VS Code (OSS 1.100.3) with a Node extension host; 4.101+ needs
// Node 22. A second one, 4.96.4 (VS Code 1.96.4), is the oldest VS Code that `engines.vscode`
// claims (`npm run test:vscode:minimum` runs the in-editor suite in it). Both are installed
// outside the repository, in a per-user cache, so that a fresh clone (and CI's) reuses them and
// the project's own `npm ci` stays clean:
//   $CERT_ORDER_TOOLS_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/cert-order-tools
// Which one the functions below use: CERT_ORDER_CODE_SERVER=minimum picks the minimum, else the
// current one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';

/** The newest code-server that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/**
 * The code-server whose VS Code is package.json's `engines.vscode` minimum (1.96: the first whose
 * Node, 20.18.1, satisfies undici 7; see test/unit/engines.test.ts). code-server publishes no
 * 4.95, and 4.96.4 is the only 4.96 on npm.
 */
export const CODE_SERVER_MINIMUM_VERSION = '4.96.4';

/** The version the functions below default to: CERT_ORDER_CODE_SERVER=minimum, else the current. */
export function selectedCodeServerVersion() {
  return process.env.CERT_ORDER_CODE_SERVER === 'minimum' ? CODE_SERVER_MINIMUM_VERSION : CODE_SERVER_VERSION;
}

export function cacheRoot() {
  if (process.env.CERT_ORDER_TOOLS_CACHE) return process.env.CERT_ORDER_TOOLS_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cert-order-tools');
}

export function codeServerDir(version = selectedCodeServerVersion()) {
  return join(cacheRoot(), `code-server-${version}`);
}

/** Written last by the installer: a directory without it is an interrupted install. */
export function codeServerMarker(version = selectedCodeServerVersion()) {
  return join(codeServerDir(version), '.installed');
}

export function codeServerEntry(version = selectedCodeServerVersion()) {
  return join(codeServerDir(version), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isCodeServerInstalled(version = selectedCodeServerVersion()) {
  return existsSync(codeServerMarker(version)) && existsSync(codeServerEntry(version));
}

/** The set-up flag that installs the selected code-server. */
export function setupFlag(version = selectedCodeServerVersion()) {
  return version === CODE_SERVER_MINIMUM_VERSION ? '--vscode-minimum' : '--vscode';
}

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for Debian's Chromium on this closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Installs a packaged extension into an extensions dir; throws with code-server's output. */
export function installVsix(vsix, extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const res = spawnSync(
    process.execPath,
    [codeServerEntry(), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) {
    throw new Error(`installing ${vsix} failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  return `${res.stdout}`.trim();
}

/**
 * Ends a process started with `detached: true` together with everything it started (the
 * extension host, the language server, the pty host...), which share its process group.
 */
export async function killGroup(child, graceMs = 3000) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it prints "HTTP server listening".
 * Returns `{ port, url, child, output, stop }`; `url` uses `localhost` because webviews need a
 * secure context. `onOutput(text)` receives everything code-server prints; `env` is added to
 * its environment, which the extension host inherits.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  port,
  env,
  onOutput,
  timeoutMs = 60000,
}) {
  if (!isCodeServerInstalled()) {
    throw new Error(
      `code-server ${selectedCodeServerVersion()} is not installed: run \`node scripts/setup.mjs ${setupFlag()}\``,
    );
  }
  port = port || (await freePort());
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const args = [
    codeServerEntry(),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-workspace-trust',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const stop = () => killGroup(child);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (buf) => {
      const text = buf.toString();
      output += text;
      if (onOutput) onOutput(text);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, url: `http://localhost:${port}/`, child, output: () => output, stop };
}

/**
 * The workbench URL that opens `folder` and passes desktop-style arguments (for example
 * `extensionTestsPath`) through the `payload` query. Paths are absolute on this machine.
 */
export function workbenchUrl(port, folder, args = []) {
  const remote = (p) => `vscode-remote://localhost:${port}${p}`;
  const payload = args.map(([k, v]) => [k, v.startsWith('/') ? remote(v) : v]);
  let url = `http://localhost:${port}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
