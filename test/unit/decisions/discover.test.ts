import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverFolders, scanDecisions } from '../../../src/core/decisions';
import { fixtureRoot, lines } from './helpers';

describe('discoverFolders', () => {
  let root: string;
  const write = (file: string, text = '') => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const dirs = async (options?: { decisionsDir?: string }) => (await discoverFolders(root, options)).map((f) => [f.dir, f.source, f.label, f.format]);
  const nygard = lines('# 1. A', '', 'Date: 2026-01-01', '', '## Status', '', 'Accepted');
  const log4brains = lines('# A', '', '- Status: accepted');
  const native = lines('---', 'status: accepted', '---', '# A');

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'async-desk-discover-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('nothing at all: docs/decisions, native, so "new record" has a place', async () => {
    assert.deepEqual(await dirs(), [['docs/decisions', 'default', '', 'madr']]);
  });

  it('first existing default: docs/decisions > docs/adr > doc/adr', async () => {
    write('doc/adr/0001-a.md', nygard);
    assert.deepEqual(await dirs(), [['doc/adr', 'default', '', 'nygard']]);
    write('docs/adr/0001-a.md', native);
    assert.deepEqual(await dirs(), [['docs/adr', 'default', '', 'madr']]);
    mkdirSync(path.join(root, 'docs/decisions'));
    assert.deepEqual(await dirs(), [['docs/decisions', 'default', '', 'madr']]);
  });

  it('.log4brains.yml beats the defaults and lists its packages', async () => {
    write('docs/decisions/0001-a.md', native);
    write(
      '.log4brains.yml',
      lines('project:', '  adrFolder: ./docs/architecture', '  packages:', '    - name: web', '      path: ./web', '      adrFolder: ./web/adr'),
    );
    assert.deepEqual(await dirs(), [
      ['docs/architecture', 'log4brains', '', 'log4brains'],
      ['web/adr', 'package', 'web', 'log4brains'],
    ]);
  });

  it('.adr-dir beats .log4brains.yml; an empty adr-tools folder writes adr-tools records', async () => {
    write('.log4brains.yml', lines('project:', '  adrFolder: ./docs/adr'));
    write('.adr-dir', 'architecture/decisions\n');
    assert.deepEqual(await dirs(), [['architecture/decisions', 'adr-dir', '', 'nygard']]);
  });

  it('the setting beats everything; blank settings are ignored', async () => {
    write('.adr-dir', 'doc/adr');
    assert.deepEqual(await dirs({ decisionsDir: './records/' }), [['records', 'setting', '', 'madr']]);
    assert.deepEqual(await dirs({ decisionsDir: '  ' }), [['doc/adr', 'adr-dir', '', 'nygard']]);
  });

  it('the folder format is the majority of its records', async () => {
    write('docs/decisions/0001-a.md', nygard);
    write('docs/decisions/0002-b.md', nygard);
    write('docs/decisions/0003-c.md', native);
    write('docs/decisions/20260101-d.md', log4brains);
    assert.deepEqual(await dirs(), [['docs/decisions', 'default', '', 'nygard']]);
  });

  it('categories: sub-folders with records, not templates, assets, hidden or _ folders', async () => {
    write('docs/decisions/0001-a.md', native);
    write('docs/decisions/backend/0001-a.md', native);
    write('docs/decisions/web/20260101-a.md', log4brains);
    write('docs/decisions/templates/decision.md', native);
    write('docs/decisions/assets/x.md', native);
    write('docs/decisions/_drafts/0001-a.md', native);
    write('docs/decisions/.obsidian/0001-a.md', native);
    write('docs/decisions/empty/notes.txt', 'x');
    assert.deepEqual(await dirs(), [
      ['docs/decisions', 'default', '', 'madr'],
      ['docs/decisions/backend', 'category', 'backend', 'madr'],
      ['docs/decisions/web', 'category', 'web', 'log4brains'],
    ]);
  });

  it('skips README, index, templates, hidden, _ and non-Markdown files', async () => {
    for (const name of ['README.md', 'readme.md', 'index.md', 'template.md', 'adr-template.md', '_draft.md', '.hidden.md', 'notes.txt', 'diagram.png']) {
      write(`docs/decisions/${name}`, native);
    }
    write('docs/decisions/0001-a.md', native);
    const index = await scanDecisions(root);
    assert.deepEqual(
      index.records.map((r) => r.file),
      ['docs/decisions/0001-a.md'],
    );
  });

  it('fixture repos', async () => {
    assert.deepEqual(
      (await discoverFolders(fixtureRoot('adr-tools'))).map((f) => [f.dir, f.source, f.format]),
      [['doc/architecture/decisions', 'adr-dir', 'nygard']],
    );
    assert.deepEqual(
      (await discoverFolders(fixtureRoot('log4brains'))).map((f) => [f.dir, f.source, f.label, f.format]),
      [
        ['docs/adr', 'log4brains', '', 'log4brains'],
        ['packages/payments-api/adr', 'package', 'payments-api', 'log4brains'],
      ],
    );
    assert.deepEqual(
      (await discoverFolders(fixtureRoot('native'))).map((f) => [f.dir, f.source, f.label]),
      [
        ['docs/decisions', 'default', ''],
        ['docs/decisions/backend', 'category', 'backend'],
        ['docs/decisions/frontend', 'category', 'frontend'],
      ],
    );
  });
});
