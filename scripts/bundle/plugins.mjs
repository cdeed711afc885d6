// esbuild plugins of scripts/build.mjs that keep the VSIX small (issue 9: at most 350 KB, checked
// by scripts/package.mjs). Each one is a choice about what a bundle carries, so each says why.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/**
 * vscode-languageserver-types has an ES module build for `import` and a UMD one for `require`:
 * the server's own code and vscode-json-languageservice import it, vscode-languageserver-protocol
 * requires it, and each bundle carried both. Every import gets the UMD build.
 */
export const oneTypesBuild = {
  name: 'one-vscode-languageserver-types',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-types$/ }, (args) =>
      args.kind === 'require-call'
        ? undefined
        : build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir }),
    );
  },
};

/**
 * The client gets only the part of undici it uses (undici-client.mjs), one build of its HTTP
 * parser (llhttp-no-simd.cjs) and no FormData encoder (undici-no-formdata.cjs): about 300 KB of
 * the client bundle that nothing called.
 */
export const undiciSubset = {
  name: 'undici-subset',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: here('undici-client.mjs') }));
    build.onResolve({ filter: /\/llhttp_simd-wasm\.js$/ }, () => ({ path: here('llhttp-no-simd.cjs') }));
    build.onResolve({ filter: /\/web\/fetch\/body\.js$/ }, (args) =>
      /[\\/]undici[\\/]lib[\\/]dispatcher$/.test(args.resolveDir)
        ? { path: here('undici-no-formdata.cjs') }
        : undefined,
    );
  },
};

/**
 * Libraries that both the client and the language server use, bundled once into
 * SHARED_LIBRARIES_OUT (the JSON-RPC connection, the LSP protocol and types, the JSON parser, the
 * English country names): each of the two bundles loads them from that file instead of carrying
 * its own copy. The keys are import specifiers.
 */
export const SHARED_LIBRARIES = [
  'vscode-jsonrpc',
  'vscode-jsonrpc/node',
  'vscode-languageserver-protocol',
  'vscode-languageserver-protocol/node',
  'vscode-languageserver-types',
  'jsonc-parser',
  'i18n-iso-countries/index.js',
  'i18n-iso-countries/langs/en.json',
];
export const SHARED_LIBRARIES_OUT = 'common/out/libraries.js';
const SHARED_PACKAGE =
  /^(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types|jsonc-parser|i18n-iso-countries)(\/.*)?$/;

/**
 * The repository's own modules under common/src (the catalogues, the CSR decoder and its rules,
 * the protocol types): the client and the server each imported about 66 KB of them, so the VSIX
 * carried them twice. They go into SHARED_LIBRARIES_OUT too, keyed by their path without the
 * extension ('common/src/csr/decode'), and each is evaluated only when a bundle first reads it
 * (a getter), so the server does not start the client's key generation code and the other way
 * round.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMON_SRC = join(ROOT, 'common', 'src');

/** Every module of common/src, as 'common/src/...' keys without the extension. */
function commonModules(dir = COMMON_SRC) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...commonModules(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts'))
      out.push(relative(ROOT, p).split(sep).join('/').replace(/\.ts$/, ''));
  }
  return out;
}

/** The common/src module a relative import resolves to, as its key, or undefined. */
function commonModuleKey(resolveDir, path) {
  const base = resolve(resolveDir, path);
  if (!base.startsWith(COMMON_SRC + sep)) return undefined;
  for (const file of [base, `${base}.ts`, join(base, 'index.ts')])
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && existsSync(file))
      return relative(ROOT, file).split(sep).join('/').replace(/\.ts$/, '');
  return undefined;
}

/** The esbuild options of the bundle of SHARED_LIBRARIES and common/src (an object by key). */
export function sharedLibrariesBundle(root) {
  const lines = SHARED_LIBRARIES.map((s) => `  ${JSON.stringify(s)}: require(${JSON.stringify(s)}),`);
  const lazy = commonModules().map(
    (key) => `  get ${JSON.stringify(key)}() {\n    return require(${JSON.stringify(`./${key}.ts`)});\n  },`,
  );
  return {
    stdin: {
      contents: `module.exports = {\n${[...lines, ...lazy].join('\n')}\n};\n`,
      resolveDir: root,
      sourcefile: 'shared-libraries.cjs',
      loader: 'js',
    },
    outfile: SHARED_LIBRARIES_OUT,
  };
}

/**
 * For the bundle written to `outfile`: every import of a shared library becomes a property of
 * SHARED_LIBRARIES_OUT, required at run time. A shared package imported under a specifier that is
 * not listed fails the build, so that a process never holds two copies of one library.
 */
export function useSharedLibraries(outfile) {
  const from = relative(dirname(outfile), SHARED_LIBRARIES_OUT).split(sep).join('/');
  return {
    name: 'use-shared-libraries',
    setup(build) {
      build.onResolve({ filter: SHARED_PACKAGE }, (args) => {
        const specifier = args.path.replace(/\/$/, '');
        if (!SHARED_LIBRARIES.includes(specifier))
          return {
            errors: [
              {
                text: `'${args.path}' (imported by ${args.importer}) is in a library shared by the client and the server: add it to SHARED_LIBRARIES in scripts/bundle/plugins.mjs`,
              },
            ],
          };
        return { path: specifier, namespace: 'shared-library' };
      });
      // A module of common/src, imported from the client or the server (never from common/src
      // itself: those imports are inside the shared bundle).
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.importer.startsWith(COMMON_SRC + sep)) return undefined;
        const key = commonModuleKey(args.resolveDir, args.path);
        return key ? { path: key, namespace: 'shared-library' } : undefined;
      });
      build.onResolve({ filter: /.*/, namespace: 'shared-library' }, (args) => ({
        path: args.path,
        external: true,
      }));
      build.onLoad({ filter: /.*/, namespace: 'shared-library' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(from)})[${JSON.stringify(args.path)}];\n`,
        loader: 'js',
      }));
    },
  };
}
