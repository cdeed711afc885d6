import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openScratch, waitFor } from './helpers';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string }[];
    menus?: Record<string, { command?: string }[]>;
    walkthroughs?: {
      id: string;
      steps: { id: string; description: string; completionEvents?: string[]; media: { markdown?: string } }[];
    }[];
  };
}

suite('Commands', () => {
  suiteTeardown(closeAllEditors);

  test('every command in the manifest is registered once the extension is active', async () => {
    await openScratch('commands.order.json', '{}\n');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await waitFor(() => ext.isActive, 'the extension to activate');
    await ext.activate();
    const declared = ((ext.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      declared.filter((c) => !registered.has(c)),
      [],
      'commands declared in package.json but not registered',
    );
  });

  test('every menu entry names a declared command', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    const declared = new Set((manifest.contributes?.commands ?? []).map((c) => c.command));
    const dangling = Object.entries(manifest.contributes?.menus ?? {}).flatMap(([menu, items]) =>
      items.filter((i) => i.command && !declared.has(i.command)).map((i) => `${menu}: ${i.command}`),
    );
    assert.deepEqual(dangling, []);
  });

  test('the walkthrough opens, its steps link and complete on declared commands, their pages exist', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = ext.packageJSON as Manifest;
    const declared = new Set((manifest.contributes?.commands ?? []).map((c) => c.command));
    const [walkthrough] = manifest.contributes?.walkthroughs ?? [];
    assert.ok(walkthrough, 'a walkthrough is contributed');
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['write', 'csr', 'submit', 'history'],
    );
    for (const step of walkthrough.steps) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      const events = (step.completionEvents ?? [])
        .filter((e) => e.startsWith('onCommand:'))
        .map((e) => e.slice('onCommand:'.length));
      assert.ok(links.length > 0, `${step.id}: a command link`);
      for (const command of [...links, ...events]) assert.ok(declared.has(command), `${step.id}: ${command}`);
      const page = vscode.Uri.joinPath(ext.extensionUri, step.media.markdown ?? '');
      const text = Buffer.from(await vscode.workspace.fs.readFile(page)).toString('utf8');
      assert.match(text, /^# /, `${step.id}: ${page.path} is a page`);
    }
    // It opens (the workbench's own command, as on the first start outside the tests).
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${EXTENSION_ID}#${walkthrough.id}`,
      false,
    );
    await waitFor(
      () =>
        vscode.window.tabGroups.all.some((g) =>
          g.tabs.some((t) => /Welcome|Walkthrough|Getting Started/i.test(t.label)),
        ),
      'the walkthrough tab',
      15_000,
    );
  });
});
