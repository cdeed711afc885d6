// The layering as a lint rule: `layers/allowed-folders` resolves every relative import (import,
// export ... from, import(), require(), `import x = require()`, `typeof import()`) against the
// importing file and reports one that lands outside the folders its layer may use. ESLint's own
// `no-restricted-imports` matches specifier strings, which cannot tell `../csr` in
// server/src/service (the wiring above the service) from `../csr` one folder deeper; resolving the
// path can. Packages are restricted with `no-restricted-imports` (see eslint.config.mjs).
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: folders in the options are relative to it. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const toPosix = (p) => p.split(sep).join('/');
const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** @type {import('eslint').Rule.RuleModule} */
const allowedFolders = {
  meta: {
    type: 'problem',
    docs: { description: "Relative imports stay inside the folders the file's layer may use." },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' }, minItems: 1 },
        },
        required: ['layer', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      outside:
        "'{{specifier}}' resolves to {{target}}, outside what the {{layer}} layer may import ({{allowed}}).",
    },
  },
  create(context) {
    const { layer, allow } = context.options[0];
    const from = dirname(context.filename);
    function check(node, source) {
      const specifier = source?.type === 'Literal' ? source.value : undefined;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = toPosix(relative(ROOT, resolve(from, specifier)));
      if (allow.some((folder) => inside(target, folder))) return;
      context.report({
        node: source,
        messageId: 'outside',
        data: { specifier, target, layer, allowed: allow.join(', ') },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'layers' }, rules: { 'allowed-folders': allowedFolders } };
