// The layering lint rules (eslint.config.mjs, scripts/eslint/layers.mjs) run through ESLint's Node
// API on fixture sources placed in each layer: a bad import is an error naming the rule, and the
// imports each layer is meant to use are not. (`npm run lint` checks the repository's own files.)
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '../../..');
const LAYER_RULES = new Set(['layers/allowed-folders', 'no-restricted-imports']);

let eslint: ESLint;

/** The layering errors for `source` as if it were the file `path` (which need not exist). */
async function layerErrors(path: string, source: string): Promise<{ rule: string; message: string }[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: resolve(ROOT, path) });
  return result.messages
    .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
    .map((m) => ({ rule: m.ruleId as string, message: m.message }));
}

async function assertRejected(path: string, source: string, rule: string, says: RegExp): Promise<void> {
  const errors = await layerErrors(path, source);
  assert.equal(errors.length, 1, `${path}: ${source} -> ${JSON.stringify(errors)}`);
  assert.equal(errors[0].rule, rule);
  assert.match(errors[0].message, says);
}

describe('layering lint rules', () => {
  before(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  describe('the service (server/src/service)', () => {
    const file = 'server/src/service/validation/fixture.ts';
    it('imports no vscode, no LSP connection, no node:fs, no HTTP', async () => {
      await assertRejected(
        file,
        "import * as vscode from 'vscode';",
        'no-restricted-imports',
        /service layer/,
      );
      await assertRejected(
        file,
        "import { createConnection } from 'vscode-languageserver/node';",
        'no-restricted-imports',
        /service layer/,
      );
      await assertRejected(
        file,
        "import { readFile } from 'node:fs/promises';",
        'no-restricted-imports',
        /pure/,
      );
      await assertRejected(file, "import { readFileSync } from 'fs';", 'no-restricted-imports', /pure/);
      await assertRejected(file, "import { request } from 'undici';", 'no-restricted-imports', /pure/);
    });
    it('imports nothing of the server wiring above it, however deep the file is', async () => {
      await assertRejected(
        'server/src/service/fixture.ts',
        "import { startServer } from '../serverMain';",
        'layers/allowed-folders',
        /resolves to server\/src\/serverMain, outside what the service layer may import/,
      );
      await assertRejected(
        file,
        "export { createCsrFeatures } from '../../csr';",
        'layers/allowed-folders',
        /server\/src\/csr/,
      );
      await assertRejected(
        file,
        "type Features = typeof import('../../csr');",
        'layers/allowed-folders',
        /server\/src\/csr/,
      );
    });
    it('may use its own modules, common/ and the LSP types', async () => {
      const source = [
        "import type { Range } from 'vscode-languageserver-types';",
        "import type { TextDocument } from 'vscode-languageserver-textdocument';",
        "import { catalogues } from '../../../../common/src/catalogue';",
        "import type { OrderModel } from '../model';",
        "import { NO_FINDINGS } from './rule';",
      ].join('\n');
      assert.deepEqual(await layerErrors(file, source), []);
    });
  });

  describe('the client (client/src)', () => {
    const file = 'client/src/commands/fixture.ts';
    it('imports nothing from server/', async () => {
      await assertRejected(
        file,
        "import { DIAGNOSTIC_SOURCE } from '../../../server/src/service';",
        'layers/allowed-folders',
        /server\/src\/service, outside what the client layer may import/,
      );
      await assertRejected(
        file,
        "import { TextDocuments } from 'vscode-languageserver';",
        'no-restricted-imports',
        /client layer/,
      );
    });
    it('uses the shared requests in common/', async () => {
      const source =
        "import { DecodeCsrRequest } from '../../../common/src/lsp/requests';\nimport * as vscode from 'vscode';";
      assert.deepEqual(await layerErrors(file, source), []);
    });
  });

  describe('common/', () => {
    const file = 'common/src/csr/fixture.ts';
    it('imports nothing above it', async () => {
      await assertRejected(
        file,
        "import type { OrderFacts } from '../../../server/src/service/types';",
        'layers/allowed-folders',
        /outside what the common layer may import \(common\/src\)/,
      );
      await assertRejected(
        file,
        "const send = require('../../../client/src/http/send');",
        'layers/allowed-folders',
        /client\/src\/http\/send/,
      );
      await assertRejected(
        file,
        "import * as vscode from 'vscode';",
        'no-restricted-imports',
        /common layer/,
      );
    });
    it('may use its own modules and plain packages', async () => {
      const source =
        "import { createHash } from 'node:crypto';\nimport { decodeCsr } from './decode';\nimport { catalogues } from '../catalogue';";
      assert.deepEqual(await layerErrors(file, source), []);
    });
  });
});
