// `npm run test:vscode`: runs the in-editor suite inside code-server 4.100.3 (a real VS Code)
// with the packaged VSIX installed, driven by headless Chromium.
//
// The workbench takes desktop VS Code's arguments through the `payload` query.
// `extensionTestsPath` alone is refused by the extension host ("Cannot load test runner"): it
// also wants `extensionDevelopmentPath`. That is pointed at the folder the VSIX was installed
// into, so the code under test is exactly what the package holds, never the repository's.
// When `run()` settles, the page calls `window.codeAutomationExit(code)`.
//
// Options: --grep PATTERN (only matching tests), --timeout SECONDS (whole run, default 900),
// --verbose (echo code-server's and the browser's logs), --minimum (in the second code-server,
// whose VS Code is engines.vscode's minimum: `npm run test:vscode:minimum`).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  RESULTS,
  ROOT,
  SCREENSHOTS,
  launchBrowser,
  loadCodeServerModule,
  option,
  screenshot,
  startEditorSession,
  type EditorSession,
} from '../support/editorSession';
import { buildSuite } from './buildSuite';

const verbose = process.argv.includes('--verbose');
// scripts/code-server.mjs picks its code-server by this variable, read at each call; the
// extension host inherits it, so the suite knows it runs on the minimum.
const minimum = process.argv.includes('--minimum');
if (minimum) process.env.CERT_ORDER_CODE_SERVER = 'minimum';
const TIER = minimum ? 'test:vscode:minimum' : 'test:vscode';
const FAILURE_SHOT = minimum ? 'vscode-suite-minimum-failed' : 'vscode-suite-failed';
const timeoutMs = Number(option('--timeout') ?? 900) * 1000;

let session: EditorSession | undefined;
let browser: Browser | undefined;

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await session?.close().catch((err: unknown) => console.error(err));
  session = undefined;
}

const SUMMARY = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;

/**
 * Copies what the suite appends to its report file to stdout, as it comes, except its closing
 * `N passed, N failed` line, which the runner prints last of all (CI reads the last such line).
 */
function follow(file: string): { flush(): void; stop(): void; summary(): string | undefined } {
  let printed = 0;
  let summary: string | undefined;
  const flush = (): void => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end <= printed) return;
    for (const line of text.slice(printed, end).split('\n').slice(0, -1)) {
      if (SUMMARY.test(line)) summary = line;
      else process.stdout.write(`${line}\n`);
    }
    printed = end;
  };
  const timer = setInterval(flush, 200);
  return { flush, stop: () => clearInterval(timer), summary: () => summary };
}

/** The VS Code version of the code-server the session will start (its lib/vscode/package.json). */
async function installedVsCodeVersion(): Promise<string> {
  const cs = await loadCodeServerModule();
  const file = path.join(path.dirname(cs.codeServerEntry()), '..', '..', 'lib', 'vscode', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function main(): Promise<number> {
  const started = Date.now();
  const suiteIndex = await buildSuite();
  mkdirSync(RESULTS, { recursive: true });
  const report = path.join(RESULTS, minimum ? 'vscode-suite-minimum.log' : 'vscode-suite.log');
  writeFileSync(report, '');
  rmSync(path.join(SCREENSHOTS, `${FAILURE_SHOT}.png`), { force: true });
  // Secrets for the sandbox, through the extension's headless route (CERT_ORDER_* variables); the
  // suite checks that they reach no file.
  const secret = `suite-secret-${randomBytes(6).toString('hex')}`;
  const env: Record<string, string> = {
    CERT_ORDER_VSCODE_TEST_LOG: report,
    CERT_ORDER_COMODO_LOGIN_PASSWORD: secret,
    CERT_ORDER_SSL2BUY_API_KEY: secret,
    CERT_ORDER_VSCODE_EXPECTED_VERSION: await installedVsCodeVersion(),
  };
  const grep = option('--grep');
  if (grep) env.CERT_ORDER_VSCODE_TEST_GREP = grep;
  const sandbox = existsSync(path.join(ROOT, 'sandbox', 'out', 'sandbox.js'));
  session = await startEditorSession({ env, verbose, sandbox });
  console.log(
    `[${TIER}] code-server on port ${session.port}, VSIX installed in ${session.installedExtension}`,
  );

  const launched = await launchBrowser();
  browser = launched.browser;
  const page = launched.page;
  const browserLog: string[] = [];
  page.on('console', (msg) => {
    browserLog.push(`[${msg.type()}] ${msg.text()}`);
    if (verbose) console.log(`[browser ${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => browserLog.push(`[pageerror] ${err.message}`));

  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(Number(code)));
  const tail = follow(report);
  const url = session.url([
    ['extensionDevelopmentPath', session.installedExtension],
    ['extensionTestsPath', suiteIndex],
  ]);
  await page.goto(url);

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[${TIER}] timed out after ${timeoutMs / 1000} s`);
      resolve(124);
    }, timeoutMs);
  });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  tail.flush();
  tail.stop();
  writeFileSync(
    path.join(RESULTS, minimum ? 'vscode-browser-console-minimum.log' : 'vscode-browser-console.log'),
    browserLog.join('\n'),
  );
  let summary = tail.summary();
  if (code !== 0) {
    await screenshot(page, FAILURE_SHOT).catch(() => undefined);
    if (!summary) {
      // The suite never finished: count what it reported, plus the run itself as a failure, and
      // show why (the browser console has the extension host's errors).
      const lines = readFileSync(report, 'utf8').split('\n');
      const passed = lines.filter((l) => /^\s*ok /.test(l)).length;
      const failed = lines.filter((l) => /^\s*FAILED /.test(l)).length + 1;
      console.error(browserLog.slice(-40).join('\n'));
      summary = `${passed} passed, ${failed} failed`;
    }
    console.error(`[${TIER}] failed (exit ${code}); logs in ${path.relative(process.cwd(), RESULTS)}/`);
  }
  console.log(`[${TIER}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summary ?? '0 passed, 0 failed');
  return code;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await cleanUp();
    process.exit(1);
  });
