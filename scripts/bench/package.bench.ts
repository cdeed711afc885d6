// Package figures (issue 9): the size of the bundles (client, server, the libraries they share)
// and of the VSIX (`npm run bench` builds; this packs the VSIX as `npm run package` does, which
// fails over MAX_VSIX_KB), and the language server's start: from spawning
// `node server/out/server.js --stdio` to its answer to `initialize`, beside the start of a Node
// that does nothing (`node -e ''`), sampled in turn in the same run so the difference is what
// loading and starting the server costs.
import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const CLIENT = path.join(ROOT, 'client', 'out', 'extension.js');
/** The libraries both load (scripts/bundle/plugins.mjs, SHARED_LIBRARIES_OUT). */
const SHARED = path.join(ROOT, 'common', 'out', 'libraries.js');
const SAMPLES = 15;

const kb = (file: string) => Math.round((statSync(file).size / 1024) * 10) / 10;

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Milliseconds from spawning the server to the `initialize` response on its stdout. */
function serverStartMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (buf: Buffer) => {
      out += buf.toString();
      // The response carries the request's id and the server's capabilities.
      if (!/"id":1\b/.test(out) || !out.includes('"capabilities"')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill();
      resolve(ms);
    });
    child.on('exit', (code) => {
      if (!out.includes('"capabilities"')) reject(new Error(`the server exited (${code}) before answering`));
    });
    child.stdin.write(
      frame({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {} },
      }),
    );
  });
}

/** Milliseconds from spawning `node -e ''` to its exit. */
function emptyNodeMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (n: number) => Math.round(n * 10) / 10;

export async function run(): Promise<Record<string, number | string>> {
  execFileSync(process.execPath, ['scripts/package.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const { VSIX, MAX_VSIX_KB, zipEntries } = (await import(
    pathToFileURL(path.join(ROOT, 'scripts', 'package.mjs')).href
  )) as {
    VSIX: string;
    MAX_VSIX_KB: number;
    zipEntries(file: string): string[];
  };

  const server: number[] = [];
  const node: number[] = [];
  await serverStartMs(); // the first start reads the files from disk; the rest from the cache
  for (let i = 0; i < SAMPLES; i++) {
    server.push(await serverStartMs());
    node.push(await emptyNodeMs());
  }
  const serverMs = median(server);
  const nodeMs = median(node);
  return {
    client_bundle_kb: kb(CLIENT),
    server_bundle_kb: kb(SERVER),
    shared_libraries_bundle_kb: kb(SHARED),
    vsix_kb: kb(VSIX),
    vsix_limit_kb: MAX_VSIX_KB,
    vsix_entries: zipEntries(VSIX).length,
    server_start_to_initialize_response_p50_ms: round(serverMs),
    node_empty_start_p50_ms: round(nodeMs),
    server_start_minus_empty_node_ms: round(serverMs - nodeMs),
  };
}
