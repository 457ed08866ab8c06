// The safe reader (src/core/shared/repoFiles.ts) on a repository built at run time with what a hostile one
// can hold: links out of it, devices, FIFOs, huge files, UTF-16, link loops. Nothing here is committed:
// symlinks and FIFOs are made by the test in a temporary folder.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_LIMITS, MB, RepoFiles, decodeText, readFileSafely, type ReadOutcome } from '../../../src/core/shared/repoFiles';
import { readTextIfExists } from '../../../src/core/shared/fs';

const CANARY = 'CANARY-outside-the-repository';

function problemOf(read: ReadOutcome): { code: string; message: string } {
  assert.ok(!read.ok && !read.missing, `expected a problem, got ${JSON.stringify(read).slice(0, 200)}`);
  return read.problem;
}

describe('RepoFiles: reading a repository you do not trust', function () {
  this.timeout(10_000);
  let scratch: string;
  let root: string;
  let outside: string;

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'async-desk-repofiles-'));
    root = path.join(scratch, 'repo');
    outside = path.join(scratch, 'outside');
    mkdirSync(path.join(root, 'docs', 'decisions'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'secret.md'), `# ${CANARY}\n`);
    writeFileSync(path.join(root, 'docs', 'decisions', '0001-ok.md'), '# OK\n');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const files = () => new RepoFiles(root);

  it('reads a regular file inside the root, and a link to one inside the root', () => {
    symlinkSync('0001-ok.md', path.join(root, 'docs', 'decisions', '0002-alias.md'));
    assert.deepEqual(files().read('docs/decisions/0001-ok.md'), { ok: true, text: '# OK\n' });
    assert.deepEqual(files().read('docs/decisions/0002-alias.md'), { ok: true, text: '# OK\n' });
    assert.deepEqual(files().read('docs/decisions/9999-none.md'), { ok: false, missing: true });
  });

  it('a root reached through a link is fine (the check is on real paths)', () => {
    symlinkSync(root, path.join(scratch, 'alias'));
    assert.deepEqual(new RepoFiles(path.join(scratch, 'alias')).read('docs/decisions/0001-ok.md'), { ok: true, text: '# OK\n' });
  });

  it('never follows a link out of the root: to a file elsewhere, to /etc/passwd, to a device', () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'docs', 'decisions', '0003-link.md'));
    symlinkSync('/etc/passwd', path.join(root, 'docs', 'decisions', '0004-passwd.md'));
    symlinkSync('/dev/zero', path.join(root, 'docs', 'decisions', '0005-zero.md'));
    for (const name of ['0003-link.md', '0004-passwd.md', '0005-zero.md']) {
      const problem = problemOf(files().read(`docs/decisions/${name}`));
      assert.equal(problem.code, 'outside-workspace');
      assert.match(problem.message, new RegExp(`^docs/decisions/${name} is a symbolic link to a file outside the workspace folder; not read\\.$`));
    }
    assert.equal(problemOf(files().read('../outside/secret.md')).code, 'outside-workspace', 'a ../ path');
    assert.equal(problemOf(files().read(path.join(outside, 'secret.md'))).code, 'outside-workspace', 'an absolute path');
  });

  it('a FIFO inside the root is refused at once, without blocking', () => {
    execFileSync('mkfifo', [path.join(root, 'docs', 'decisions', '0006-fifo.md')]);
    const started = Date.now();
    const problem = problemOf(files().read('docs/decisions/0006-fifo.md'));
    assert.equal(problem.code, 'not-a-file');
    assert.match(problem.message, /not a regular file \(a FIFO\)/);
    assert.ok(Date.now() - started < 1000);
  });

  it('a file over the limit is refused before it is read, naming the limit and the setting', () => {
    writeFileSync(path.join(root, 'docs', 'decisions', '0007-huge.md'), Buffer.alloc(2 * MB, 'a'));
    const problem = problemOf(files().read('docs/decisions/0007-huge.md', DEFAULT_LIMITS.file, 'setting asyncDesk.maxFileSizeMB'));
    assert.equal(problem.code, 'too-large');
    assert.equal(problem.message, 'docs/decisions/0007-huge.md is 2 MB, over the 1 MB limit (setting asyncDesk.maxFileSizeMB); not read.');
    assert.deepEqual(files().read('docs/decisions/0007-huge.md', 3 * MB).ok, true);
  });

  it('a link loop is a problem, not a hang', () => {
    symlinkSync('0009-b.md', path.join(root, 'docs', 'decisions', '0008-a.md'));
    symlinkSync('0008-a.md', path.join(root, 'docs', 'decisions', '0009-b.md'));
    assert.equal(problemOf(files().read('docs/decisions/0008-a.md')).code, 'symlink-loop');
  });

  it('decodes UTF-16 with a byte-order mark, reports UTF-16 without one, keeps a UTF-8 BOM', () => {
    const text = '# Décision\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual(decodeText(le, 'f.md'), { ok: true, text });
    assert.deepEqual(decodeText(be, 'f.md'), { ok: true, text });
    assert.equal(problemOf(decodeText(Buffer.from(text, 'utf16le'), 'f.md')).code, 'utf-16-without-bom');
    assert.deepEqual(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'), 'f.md'), { ok: true, text: `\uFEFF${text}` }, 'written back byte for byte');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex');
    assert.deepEqual(decodeText(png, 'f.md').ok, true, 'binary is not UTF-16');
    assert.deepEqual(decodeText(Buffer.from('#\0x', 'utf8'), 'f.md').ok, true, 'too short to tell');
  });

  it('folder(): absolute, ../ and linked folders that lead outside are refused; a folder not made yet is fine', () => {
    symlinkSync(outside, path.join(root, 'docs', 'linked'));
    assert.deepEqual(files().folder('docs/decisions'), { dir: 'docs/decisions' });
    assert.deepEqual(files().folder('./docs//adr/'), { dir: 'docs/adr' }, 'not there yet');
    assert.deepEqual(files().folder(path.join(root, 'docs', 'decisions')), { dir: 'docs/decisions' }, 'absolute inside');
    assert.deepEqual(files().folder('.'), { dir: '' });
    for (const dir of ['/etc', '../../../etc', outside, 'docs/linked', 'docs/linked/deeper', '/']) {
      const result = files().folder(dir);
      assert.ok('error' in result, `${dir} accepted as ${JSON.stringify(result)}`);
      assert.match(result.error, /outside the workspace folder/);
    }
  });

  it('list(): links inside count as their target, links outside are skipped with a problem, devices are "other"', () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'docs', 'decisions', '0003-out.md'));
    symlinkSync('../decisions', path.join(root, 'docs', 'decisions', 'inner'));
    symlinkSync(outside, path.join(root, 'docs', 'decisions', 'away'));
    execFileSync('mkfifo', [path.join(root, 'docs', 'decisions', '0006-fifo.md')]);
    const listing = files().list('docs/decisions');
    const kinds = Object.fromEntries(listing.entries.map((e) => [e.name, e.kind]));
    assert.deepEqual(kinds, { '0001-ok.md': 'file', inner: 'dir', '0006-fifo.md': 'other' });
    assert.deepEqual(listing.problems.map((p) => [p.file, p.code]).sort(), [
      ['docs/decisions/0003-out.md', 'outside-workspace'],
      ['docs/decisions/away', 'outside-workspace'],
    ]);
    assert.deepEqual(files().list('docs/none'), { entries: [], problems: [], missing: true });
  });

  it('readFileSafely (files outside a repository, e.g. --answers): devices and FIFOs refused, named', () => {
    const fifo = path.join(scratch, 'answers.json');
    execFileSync('mkfifo', [fifo]);
    assert.match(problemOf(readFileSafely('/dev/zero', '/dev/zero', MB)).message, /^\/dev\/zero is not a regular file \(a device\)/);
    assert.match(problemOf(readFileSafely(fifo, 'answers.json', MB)).message, /^answers\.json is not a regular file \(a FIFO\)/);
  });

  it('readTextIfExists (before an edit) refuses devices, FIFOs and UTF-16 with a clear error', async () => {
    const utf16 = path.join(root, 'utf16.md');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# x\n', 'utf16le')]));
    await assert.rejects(readTextIfExists(utf16), /UTF-16 text; Async Desk edits UTF-8 files only/);
    await assert.rejects(readTextIfExists('/dev/zero'), /not a regular file \(a device\)/);
    assert.equal(await readTextIfExists(path.join(root, 'none.md')), null);
  });
});
