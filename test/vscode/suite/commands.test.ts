import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openScratch, waitFor } from './helpers';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string }[];
    menus?: Record<string, { command?: string }[]>;
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
});
