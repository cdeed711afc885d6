// `npm start` (after `setup --vscode` and `build`): packs the VSIX and installs it into a
// code-server 4.100.3 of its own, starts the local sandbox of the order APIs when it is built,
// opens a fresh copy of examples/ as the workspace (so trying the quick fixes never modifies the
// repository's files; the copy is made anew at each start), and prints the URL. Ctrl+C stops
// everything.
//
//   --port N   code-server's port (default 8123, or a free one when that is taken; 0: a free one)
//   --sandbox-port N   the sandbox's port (default: the one examples/.vscode/settings.json names;
//              0: a free one, which the workspace settings then do not point at: for --smoke)
//   --dev      load the repository as extensionDevelopmentPath instead of the installed VSIX
//              (then `npm run build` and "Developer: Reload Window" pick up changes)
//   --smoke    start everything, check that it answers, stop, and exit 0 or 1
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout } from 'node:timers';
import { freePort, installVsix, killGroup, startCodeServer, workbenchUrl } from './code-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const dev = argv.includes('--dev');
const numberArg = (name) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : undefined);
const portArg = numberArg('--port');
const sandboxPortArg = numberArg('--sandbox-port');
const log = (msg) => console.log(`[start] ${msg}`);

const stops = [];
async function stopAll() {
  while (stops.length) await stops.pop()();
}

// Ctrl+C (or SIGTERM, SIGHUP) at any moment, start-up included: a process started before it is
// stopped as soon as its start returns, and nothing is left running.
let stopping = false;
const stopRequested = new Promise((res) => {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (!stopping) log(`${sig}: stopping`);
      stopping = true;
      process.exitCode = 130;
      res();
    });
  }
});

function portAnswers(port) {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

async function waitForPort(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await portAnswers(port)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** The loopback port the workspace settings point the demo endpoints at, if any. */
function sandboxPortFromSettings() {
  const file = join(ROOT, 'examples', '.vscode', 'settings.json');
  if (!existsSync(file)) return undefined;
  const m = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

/** Starts the sandbox when it is built; a placeholder that exits at once is reported and skipped. */
async function startSandbox() {
  const script = join(ROOT, 'sandbox', 'out', 'sandbox.js');
  if (!existsSync(script)) return undefined;
  const port = sandboxPortArg === 0 ? await freePort() : (sandboxPortArg ?? sandboxPortFromSettings());
  if (port === undefined) {
    log('sandbox: examples/.vscode/settings.json points no endpoint at a loopback port; not started');
    return undefined;
  }
  if (await portAnswers(port)) {
    log(`sandbox: port ${port} is already answering (a sandbox started elsewhere?); using it`);
    return { port };
  }
  let output = '';
  const child = spawn(process.execPath, [script, '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  stops.push(() => killGroup(child));
  if (!(await waitForPort(port, child, 15000))) {
    log(`sandbox: not running (${output.trim() || `exit ${child.exitCode}`}); continuing without it`);
    await killGroup(child);
    return undefined;
  }
  log(`sandbox listening on http://127.0.0.1:${port}/`);
  return { port };
}

async function main() {
  const state = smoke
    ? mkdtempSync(join(tmpdir(), 'cert-order-start-'))
    : join(ROOT, '.vscode-test', 'start');
  if (smoke) stops.push(async () => rmSync(state, { recursive: true, force: true }));
  const extensionsDir = join(state, 'extensions');
  const userDataDir = join(state, 'user-data');
  const workspace = join(state, 'examples');
  rmSync(workspace, { recursive: true, force: true });
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) {
    writeFileSync(
      settings,
      JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off' }),
    );
  }

  if (!dev) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'inherit' });
    installVsix(join(ROOT, 'dist', 'cert-order-tools.vsix'), extensionsDir);
    log(`installed dist/cert-order-tools.vsix into ${extensionsDir}`);
  }
  const sandbox = await startSandbox();
  if (stopping) return stopAll();

  let port = portArg;
  if (port === undefined) port = (await portAnswers(8123)) ? await freePort() : 8123;
  if (port === 0) port = await freePort();
  const server = await startCodeServer({ workspace, userDataDir, extensionsDir, port });
  stops.push(() => server.stop());
  if (stopping) return stopAll();
  const url = workbenchUrl(server.port, workspace, dev ? [['extensionDevelopmentPath', ROOT]] : []);

  if (smoke) {
    const page = await globalThis.fetch(url);
    const html = await page.text();
    const ok = page.status === 200 && html.includes('workbench');
    log(`smoke: code-server ${page.status}${ok ? ', workbench page served' : ', no workbench page'}`);
    let sandboxOk = true;
    if (sandbox) {
      sandboxOk = await portAnswers(sandbox.port);
      log(`smoke: sandbox on ${sandbox.port} ${sandboxOk ? 'answers' : 'does not answer'}`);
    }
    await stopAll();
    if (!stopping) process.exitCode = ok && sandboxOk ? 0 : 1;
    return;
  }

  console.log(
    `\n  Open ${url}\n  (${dev ? 'extension loaded from the repository' : 'extension installed from the VSIX'}` +
      `${sandbox ? `, sandbox on http://127.0.0.1:${sandbox.port}/` : ', no sandbox'}). Ctrl+C stops everything.\n`,
  );
  await Promise.race([stopRequested, new Promise((res) => server.child.once('exit', res))]);
  if (!stopping) log('code-server exited; stopping');
  await stopAll();
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
