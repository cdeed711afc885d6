// `npm start -- --smoke`: starts the sandbox (on a free port) and code-server with the VSIX, checks
// that they answer, stops them and exits.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from '../support/editorSession';

test('npm start -- --smoke serves the workbench and stops cleanly', { timeout: 180_000 }, () => {
  const res = spawnSync(
    process.execPath,
    ['scripts/start.mjs', '--smoke', '--port', '0', '--sandbox-port', '0'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    },
  );
  const output = `${res.stdout}${res.stderr}`;
  assert.equal(res.status, 0, output);
  assert.match(output, /smoke: code-server 200, workbench page served/);
  assert.match(output, /smoke: sandbox on \d+ answers/);
});
