// Guards the architecture rules that the compiler cannot: src/core stays free of VS Code, the
// webview bundles import only types from the host side, features talk through typed APIs rather than
// our own commands, and no test hook ships in the product (ADR-0014).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers of static imports, dynamic imports and requires. */
function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

describe('Architecture rules', () => {
  it('src/core never imports vscode', () => {
    const offenders = tsFiles(join(ROOT, 'src/core')).filter((file) => importsOf(readFileSync(file, 'utf8')).some((i) => i.spec === 'vscode'));
    assert.deepEqual(
      offenders.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('src/core never imports from src/features', () => {
    const offenders = tsFiles(join(ROOT, 'src/core')).filter((file) => importsOf(readFileSync(file, 'utf8')).some((i) => i.spec.includes('/features/')));
    assert.deepEqual(
      offenders.map((f) => relative(ROOT, f)),
      [],
    );
  });

  it('webview bundles import only types from the extension side', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'webview-ui'))) {
      for (const i of importsOf(readFileSync(file, 'utf8'))) {
        if (i.spec.includes('/src/') && !i.typeOnly) offenders.push(`${relative(ROOT, file)} -> ${i.spec}`);
        if (i.spec === 'vscode') offenders.push(`${relative(ROOT, file)} -> vscode`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('features never run our own commands: they call each other through typed APIs', () => {
    // VS Code generates `<view id>.focus` for every view; focusing a view is not a feature call.
    const ownCommand = /executeCommand(?:<[^>]*>)?\(\s*['"](asyncDesk\.[\w.]+)['"]/g;
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(ownCommand)) if (!m[1]!.endsWith('.focus')) offenders.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('no test hook is contributed, registered as a command or written into the start-up bundles', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const testish = /ForTests|\.test\./;
    assert.deepEqual(
      manifest.contributes.commands.map((c) => c.command).filter((id) => testish.test(id)),
      [],
    );
    const registered = /registerCommand\(\s*['"]([^'"]+)['"]/g;
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(registered)) offenders.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    assert.deepEqual(offenders, [], 'commands are registered from COMMAND_IDS by the entry point only');
    for (const bundle of ['dist/extension.js', 'dist/features.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      assert.ok(!/ForTests|indexChanges|checkReminder/.test(text), `${bundle} holds test-hook code`);
    }
    assert.ok(readFileSync(join(ROOT, 'dist/testHooks.js'), 'utf8').includes('indexChanges'), 'the scan above would see the hooks');
  });

  it('the import scanner sees a vscode import (so the rules above can fail)', () => {
    assert.deepEqual(importsOf("import * as vscode from 'vscode';\nimport type { X } from '../../src/protocol/today';"), [
      { spec: 'vscode', typeOnly: false },
      { spec: '../../src/protocol/today', typeOnly: true },
    ]);
  });
});
