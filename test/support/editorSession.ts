// A real VS Code for the tests: the packaged VSIX installed into a fresh extensions dir of
// code-server 4.100.3, a throw-away copy of examples/ as the workspace, and Debian's Chromium
// driven by playwright-core. Used by test/vscode/runCodeServer.ts (the in-editor suite) and the
// browser checks in test/e2e/. Everything started here is ended by `close()`.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type * as CodeServerModule from '../../scripts/code-server.mjs' with { 'resolution-mode': 'import' };

export const ROOT = path.resolve(__dirname, '..', '..');
export const VSIX = path.join(ROOT, 'dist', 'cert-order-tools.vsix');
export const RESULTS = path.join(ROOT, 'test-results');
export const SCREENSHOTS = path.join(RESULTS, 'screenshots');

export function loadCodeServerModule(): Promise<typeof CodeServerModule> {
  return import(pathToFileURL(path.join(ROOT, 'scripts', 'code-server.mjs')).href);
}

/**
 * Process groups this process started (code-server, the sandbox). If the test process is ended
 * before its `close()` ran (a runner's timeout, Ctrl+C), they are killed on the way out.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const g of liveGroups) {
        try {
          process.kill(-g, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
    // Without a listener, these signals end Node without running 'exit' listeners.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(130));
    }
  }
  liveGroups.add(pid);
  return () => liveGroups.delete(pid);
}

let packaged = false;
/** Builds the bundles and packs dist/cert-order-tools.vsix (once per process). */
export function packageVsix(): string {
  if (!packaged) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync(process.execPath, ['scripts/package.mjs'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    packaged = true;
  }
  return VSIX;
}

/** The folder a VSIX of this package installs into under `extensionsDir` (publisher.name-version). */
export function installedExtensionDir(extensionsDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  return path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
}

/** `--name VALUE` from the command line. */
export function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface EditorSession {
  tmp: string;
  workspace: string;
  extensionsDir: string;
  /** The folder the VSIX was unpacked into. */
  installedExtension: string;
  port: number;
  /** `http://127.0.0.1:PORT` of the sandbox, when the session started one. */
  sandboxOrigin?: string;
  codeServerOutput(): string;
  /** The workbench URL for the workspace, with optional desktop-style arguments. */
  url(args?: [string, string][]): string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Added to code-server's environment (the extension host inherits it). */
  env?: Record<string, string>;
  /** Written to the user settings. */
  userSettings?: Record<string, unknown>;
  /** Echo code-server's output. */
  verbose?: boolean;
  /**
   * Start the sandbox (`sandbox/out/sandbox.js`) on a free port and point the workspace
   * settings' demo endpoints (examples/.vscode/settings.json, port 8790) at it.
   */
  sandbox?: boolean;
  /** User settings that name the sandbox (production URLs are machine-scoped: user settings only). */
  sandboxUserSettings?: (origin: string) => Record<string, unknown>;
}

/** The sandbox's port 8790 as examples/.vscode/settings.json names it. */
const SANDBOX_DEFAULT = /(127\.0\.0\.1|localhost):8790\b/g;

/** Rewrites a workspace copy's settings so that its demo endpoints name the sandbox's port. */
export function pointWorkspaceAtSandbox(workspace: string, origin: string): void {
  const file = path.join(workspace, '.vscode', 'settings.json');
  if (!existsSync(file)) return;
  const port = new URL(origin).port;
  writeFileSync(file, readFileSync(file, 'utf8').replace(SANDBOX_DEFAULT, `$1:${port}`));
}

/** Starts the sandbox on a free loopback port; resolves once it says where it listens. */
export async function startSandbox(): Promise<{ origin: string; stop(): Promise<void> }> {
  const cs = await loadCodeServerModule();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'sandbox', 'out', 'sandbox.js'), '--port', '0', '--quiet'],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${output}`)), 30_000);
    const onData = (b: Buffer): void => {
      output += b.toString();
      const m = /Sandbox listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}):\n${output}`));
    });
  }).catch(async (err: unknown) => {
    await cs.killGroup(child);
    throw err;
  });
  const untrack = trackGroup(child.pid);
  return {
    origin,
    stop: async () => {
      await cs.killGroup(child);
      untrack();
    },
  };
}

/** Installs the VSIX into a fresh extensions dir and starts code-server on a copy of examples/. */
export async function startEditorSession(options: SessionOptions = {}): Promise<EditorSession> {
  const cs = await loadCodeServerModule();
  if (!cs.isCodeServerInstalled()) {
    throw new Error('code-server is not installed: run `node scripts/setup.mjs --vscode` (npm test does)');
  }
  const vsix = packageVsix();
  const tmp = mkdtempSync(path.join(tmpdir(), 'cert-order-vscode-'));
  const workspace = path.join(tmp, 'examples');
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  const sandbox = options.sandbox ? await startSandbox() : undefined;
  if (sandbox) pointWorkspaceAtSandbox(workspace, sandbox.origin);
  try {
    cs.installVsix(vsix, extensionsDir);
  } catch (err) {
    await sandbox?.stop();
    throw err;
  }
  const installedExtension = installedExtensionDir(extensionsDir);
  if (!existsSync(path.join(installedExtension, 'package.json'))) {
    throw new Error(`the VSIX did not install into ${installedExtension}`);
  }
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        // The extension's walkthrough (and any other) stays closed: the tests open what they need.
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        ...options.userSettings,
        ...(sandbox && options.sandboxUserSettings ? options.sandboxUserSettings(sandbox.origin) : {}),
      },
      null,
      2,
    ),
  );
  const server = await cs
    .startCodeServer({
      workspace,
      userDataDir,
      extensionsDir,
      env: {
        ...options.env,
        // The in-editor suite checks that the extension it sees was loaded from here, and
        // submits to the sandbox when there is one.
        CERT_ORDER_VSCODE_EXTENSIONS_DIR: extensionsDir,
        ...(sandbox ? { CERT_ORDER_VSCODE_SANDBOX: sandbox.origin } : {}),
      },
      onOutput: options.verbose ? (t) => process.stdout.write(t) : undefined,
    })
    .catch(async (err: unknown) => {
      await sandbox?.stop();
      throw err;
    });
  const untrackServer = trackGroup(server.child.pid);
  let closed = false;
  return {
    tmp,
    workspace,
    extensionsDir,
    installedExtension,
    port: server.port,
    ...(sandbox ? { sandboxOrigin: sandbox.origin } : {}),
    codeServerOutput: server.output,
    url: (args) => cs.workbenchUrl(server.port, workspace, args),
    async close() {
      if (closed) return;
      closed = true;
      await server.stop();
      untrackServer();
      await sandbox?.stop();
      // Keep code-server's log and the VS Code logs for a failed run to look at.
      mkdirSync(path.join(RESULTS, 'logs'), { recursive: true });
      writeFileSync(path.join(RESULTS, 'logs', `code-server-${server.port}.log`), server.output());
      const logs = path.join(userDataDir, 'logs');
      if (existsSync(logs))
        cpSync(logs, path.join(RESULTS, 'logs', `vscode-${server.port}`), { recursive: true });
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium with a fresh profile, flags for this closed network. */
export async function launchBrowser(): Promise<{ browser: Browser; page: Page }> {
  const cs = await loadCodeServerModule();
  const browser = await chromium.launch({
    executablePath: cs.CHROMIUM,
    args: cs.CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return { browser, page };
}

/** Saves a screenshot under test-results/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
