// Guards the architecture rules that the compiler cannot: src/core stays free of VS Code, and the
// webview bundles import only types from the host side.
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
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
  });

  it('src/core never imports from src/features', () => {
    const offenders = tsFiles(join(ROOT, 'src/core')).filter((file) =>
      importsOf(readFileSync(file, 'utf8')).some((i) => i.spec.includes('/features/')),
    );
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
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

  it('the import scanner sees a vscode import (so the rules above can fail)', () => {
    assert.deepEqual(importsOf("import * as vscode from 'vscode';\nimport type { X } from '../../src/protocol/today';"), [
      { spec: 'vscode', typeOnly: false },
      { spec: '../../src/protocol/today', typeOnly: true },
    ]);
  });
});
