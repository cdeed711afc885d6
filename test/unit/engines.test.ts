// package.json's `engines.vscode` is a claim about Node: the extension host of the oldest VS Code
// it admits must run every runtime dependency the VSIX bundles. VS Code runs extensions in its
// own Node (Electron's on the desktop, the server's in code-server and remotes), so a dependency
// that needs a newer Node (undici 7: >= 20.18.1) fails there at run time, not at install time.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The Node each VS Code minor runs extensions in, around the minimum. Source: the
 * `.node-version` of code-server's release tags (github.com/coder/code-server; its release
 * builds and bundles that Node with that VS Code, from lib/vscode's remote/.npmrc target), read
 * with `git show TAG:.node-version`. 1.96 and 1.100 agree with the desktop's Electron (32.2.6,
 * Node 20.18.1; 34.5.1, Node 20.19.0) as kkdev92/plantuml-local's v0.3.0 release notes list them.
 */
const NODE_OF_VSCODE: Record<string, string> = {
  '1.91': '20.11.1', // code-server v4.91.0, v4.91.1
  '1.92': '20.11.1', // v4.92.2
  '1.93': '20.15.1', // v4.93.1
  '1.94': '20.16.0', // v4.94.2-rc.1 (code-server released no 4.94)
  '1.95': '20.18.0', // v4.95.1, v4.95.2, v4.95.3
  '1.96': '20.18.1', // v4.96.1 to v4.96.4 (set by "Update Code to 1.96.0", coder/code-server#7112)
  '1.97': '20.18.1', // v4.97.2
  '1.98': '20.18.2', // v4.98.0, v4.98.2
  '1.99': '20.18.3', // v4.99.0 to v4.99.4
  '1.100': '20.19.0', // v4.100.0 to v4.100.3
};

interface PackageJson {
  name: string;
  version: string;
  engines?: { node?: string; vscode?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

const manifest = readPackage(path.join(ROOT, 'package.json'));

/** `^1.96.0` -> `1.96`. */
function minimumMinor(range: string): string {
  const min = semver.minVersion(range);
  assert.ok(min, `engines.vscode ${range} has no minimum`);
  return `${min.major}.${min.minor}`;
}

/** Where Node would load `name` from when required in `fromDir` (the nearest node_modules up). */
function resolvePackageJson(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package the bundles can contain: package.json's `dependencies` and what they depend on,
 * as installed. (The VSIX holds esbuild bundles, not node_modules; devDependencies are never
 * bundled: the build's own tests keep it so.) Optional and peer dependencies count when installed.
 */
function runtimePackages(): PackageJson[] {
  const found = new Map<string, PackageJson>();
  const pending = Object.keys(manifest.dependencies ?? {}).map((name) => ({
    name,
    from: ROOT,
    required: true,
  }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const file = resolvePackageJson(next.name, next.from);
    if (!file) {
      assert.ok(!next.required, `${next.name} is not installed (run npm ci)`);
      continue;
    }
    if (found.has(file)) continue;
    const pkg = readPackage(file);
    found.set(file, pkg);
    const from = path.dirname(file);
    for (const name of Object.keys(pkg.dependencies ?? {})) pending.push({ name, from, required: true });
    for (const name of Object.keys({ ...pkg.optionalDependencies, ...pkg.peerDependencies }))
      pending.push({ name, from, required: false });
  }
  return [...found.values()];
}

/** The packages (and package.json itself) whose engines.node `node` does not satisfy. */
function unsatisfied(node: string, packages: PackageJson[]): string[] {
  return [manifest, ...packages]
    .filter((pkg) => pkg.engines?.node && !semver.satisfies(node, pkg.engines.node))
    .map((pkg) => `${pkg.name}@${pkg.version} (engines.node ${pkg.engines?.node})`);
}

describe('engines.vscode', () => {
  const claimed = manifest.engines?.vscode ?? '';
  const minimum = minimumMinor(claimed);
  const packages = runtimePackages();

  it('names a minimum whose Node is in the table', () => {
    assert.ok(NODE_OF_VSCODE[minimum], `no Node version recorded for VS Code ${minimum}: add it`);
  });

  it('admits no VS Code whose Node fails a bundled dependency or package.json engines.node', () => {
    // Sanity: the walk found the dependencies that set the bar, and their transitive ones.
    const names = packages.map((p) => p.name);
    for (const name of ['undici', 'vscode-languageclient', 'vscode-jsonrpc'])
      assert.ok(names.includes(name), name);
    assert.deepEqual(unsatisfied(NODE_OF_VSCODE[minimum], packages), [], `VS Code ${minimum}`);
  });

  it('is the first VS Code that fits (the minimum is not higher than the dependencies need)', () => {
    const minors = Object.keys(NODE_OF_VSCODE).sort((a, b) => semver.compare(`${a}.0`, `${b}.0`));
    const first = minors.find((m) => unsatisfied(NODE_OF_VSCODE[m], packages).length === 0);
    assert.equal(first, minimum);
    const before = minors[minors.indexOf(minimum) - 1];
    assert.ok(before, 'the table starts at the minimum: add the minor before it');
    assert.notDeepEqual(unsatisfied(NODE_OF_VSCODE[before], packages), []);
  });

  it('is what @types/vscode describes, so no newer API type-checks', () => {
    const types = readPackage(path.join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'));
    assert.equal(minimumMinor(types.version), minimum, `@types/vscode ${types.version}`);
    assert.equal(manifest.devDependencies?.['@types/vscode'], types.version, 'pinned exactly');
  });

  it("is the VS Code of the minimum tier's code-server (npm run test:vscode:minimum)", async () => {
    const cs = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'code-server.mjs')).href)) as {
      CODE_SERVER_MINIMUM_VERSION: string;
    };
    // code-server 4.X.Y embeds VS Code 1.X (its CHANGELOG names each release's Code version).
    const minor = semver.parse(cs.CODE_SERVER_MINIMUM_VERSION)?.minor;
    assert.equal(`1.${minor}`, minimum);
  });
});
