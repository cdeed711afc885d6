// `npm run test:vscode:electron`: the same in-editor suite in desktop VS Code through
// @vscode/test-electron. It uses VSCODE_EXECUTABLE_PATH when set, else downloads VS Code
// (`--version X`, default `stable`; engines.vscode's minimum is a good second run), which needs
// a network that reaches Microsoft: not these machines, so it is not part of `npm test`.
//
// As under code-server, the packaged VSIX is installed into a fresh extensions dir and that
// folder is the extensionDevelopmentPath, so the package, not the repository, is tested.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  downloadAndUnzipVSCode,
  resolveCliArgsFromVSCodeExecutablePath,
  runTests,
} from '@vscode/test-electron';
import {
  ROOT,
  installedExtensionDir,
  option,
  packageVsix,
  pointWorkspaceAtSandbox,
  startSandbox,
} from '../support/editorSession';
import { buildSuite } from './buildSuite';

async function main(): Promise<number> {
  const suiteIndex = await buildSuite();
  const vsix = packageVsix();
  const vscodeExecutablePath =
    process.env.VSCODE_EXECUTABLE_PATH || (await downloadAndUnzipVSCode(option('--version') ?? 'stable'));
  const tmp = mkdtempSync(path.join(tmpdir(), 'cert-order-electron-'));
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  try {
    const workspace = path.join(tmp, 'examples');
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    // As under code-server: the sandbox on a free port, the workspace's demo endpoints on it.
    sandbox = await startSandbox();
    pointWorkspaceAtSandbox(workspace, sandbox.origin);

    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(
      cli,
      [...cliArgs, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (install.status !== 0)
      throw new Error(`installing the VSIX failed:\n${install.stdout}${install.stderr}`);
    const installed = installedExtensionDir(extensionsDir);
    if (!existsSync(installed)) throw new Error(`the VSIX did not install into ${installed}`);

    const launchArgs = [
      workspace,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--disable-workspace-trust',
      '--disable-gpu',
      '--skip-welcome',
      '--skip-release-notes',
    ];
    // Electron refuses to run as root without it.
    if (process.getuid?.() === 0) launchArgs.push('--no-sandbox');
    const secret = `suite-secret-${randomBytes(6).toString('hex')}`;
    const env: Record<string, string> = {
      CERT_ORDER_VSCODE_EXTENSIONS_DIR: extensionsDir,
      CERT_ORDER_VSCODE_SANDBOX: sandbox.origin,
      CERT_ORDER_COMODO_LOGIN_PASSWORD: secret,
      CERT_ORDER_SSL2BUY_API_KEY: secret,
    };
    const grep = option('--grep');
    if (grep) env.CERT_ORDER_VSCODE_TEST_GREP = grep;
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: installed,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: env,
      launchArgs,
    });
  } finally {
    await sandbox?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
