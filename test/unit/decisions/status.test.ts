import assert from 'node:assert/strict';
import { normalizeStatus, parseRecord, setStatus } from '../../../src/core/decisions';
import { lines, parseFixture } from './helpers';

const ADR = 'doc/architecture/decisions';

function change(text: string, file: string, status: Parameters<typeof setStatus>[2]): string {
  return setStatus(parseRecord(text, file, file.slice(0, file.lastIndexOf('/'))), text, status);
}

describe('setStatus', () => {
  describe('adr-tools (Nygard)', () => {
    it('accepts a proposed CRLF record: only the status line changes, CRLF kept', () => {
      const { record, text } = parseFixture('adr-tools', `${ADR}/0003-deploy-with-kubernetes.md`);
      const out = setStatus(record, text, 'accepted');
      assert.equal(out, text.replace('## Status\r\n\r\nProposed\r\n', '## Status\r\n\r\nAccepted\r\n'));
      assert.equal((out.match(/\r\n/g) ?? []).length, (text.match(/\r\n/g) ?? []).length);
    });

    it('writes each status capitalised, "Superceded" in adr-tools spelling', () => {
      const text = lines('# 1. Use X', '', 'Date: 2026-01-02', '', '## Status', '', 'Accepted', '', '## Context', '', 'Why.');
      const expected = (status: string) => lines('# 1. Use X', '', 'Date: 2026-01-02', '', '## Status', '', status, '', '## Context', '', 'Why.');
      assert.equal(change(text, 'd/0001-use-x.md', 'rejected'), expected('Rejected'));
      assert.equal(change(text, 'd/0001-use-x.md', 'deprecated'), expected('Deprecated'));
      assert.equal(change(text, 'd/0001-use-x.md', 'proposed'), expected('Proposed'));
      assert.equal(change(text, 'd/0001-use-x.md', 'draft'), expected('Draft'));
      assert.equal(change(text, 'd/0001-use-x.md', 'superseded'), expected('Superceded'));
    });

    it('keeps the link lines below the status', () => {
      const { record, text } = parseFixture('adr-tools', `${ADR}/0004-use-postgresql-for-the-ledger.md`);
      assert.equal(setStatus(record, text, 'deprecated'), text.replace('## Status\n\nAccepted\n\nSupercedes', '## Status\n\nDeprecated\n\nSupercedes'));
    });

    it('adds the status line to an empty Status section', () => {
      const text = lines('# 2. Y', '', 'Date: 2026-01-02', '', '## Status', '', '## Context');
      assert.equal(change(text, 'd/0002-y.md', 'accepted'), lines('# 2. Y', '', 'Date: 2026-01-02', '', '## Status', '', 'Accepted', '', '## Context'));
    });
  });

  describe('log4brains', () => {
    it('changes "- Status: superseded by […]" to "- Status: accepted" only', () => {
      const { record, text } = parseFixture('log4brains', 'docs/adr/20240215-use-rest-for-the-public-api.md');
      assert.equal(
        setStatus(record, text, 'accepted'),
        text.replace('- Status: superseded by [20240320-use-graphql-for-the-public-api](20240320-use-graphql-for-the-public-api.md)\n', '- Status: accepted\n'),
      );
    });

    it('keeps "* " bullets and trailing HTML comments', () => {
      const { record, text } = parseFixture('log4brains', 'docs/adr/20240320-use-graphql-for-the-public-api.md');
      assert.equal(setStatus(record, text, 'deprecated'), text.replace('* Status: accepted <!-- optional -->', '* Status: deprecated <!-- optional -->'));
    });

    it('follows an existing capitalised value', () => {
      const text = lines('# T', '', '- Status: Proposed', '- Date: 2026-01-02', '', '## Context');
      assert.equal(change(text, 'd/20260102-t.md', 'accepted'), lines('# T', '', '- Status: Accepted', '- Date: 2026-01-02', '', '## Context'));
    });

    it('adds a Status bullet to a metadata list without one', () => {
      const text = lines('# T', '', '- Deciders: a', '- Date: 2026-01-02', '', '## Context');
      assert.equal(
        change(text, 'd/20260102-t.md', 'proposed'),
        lines('# T', '', '- Status: proposed', '- Deciders: a', '- Date: 2026-01-02', '', '## Context'),
      );
    });
  });

  describe('native (MADR 4)', () => {
    it('changes the front matter value only', () => {
      const { record, text } = parseFixture('native', 'docs/decisions/0002-use-postgresql-for-the-ledger.md');
      assert.equal(setStatus(record, text, 'deprecated'), text.replace('status: accepted\n', 'status: deprecated\n'));
    });

    it('keeps quotes around a quoted value and replaces "superseded by ADR-0002" whole', () => {
      const { record, text } = parseFixture('native', 'docs/decisions/0001-use-mysql-for-the-ledger.md');
      assert.equal(setStatus(record, text, 'accepted'), text.replace('status: "superseded by ADR-0002"\n', 'status: "accepted"\n'));
    });

    it('keeps the BOM', () => {
      const { record, text } = parseFixture('native', 'docs/decisions/0003-publish-settlement-events.md');
      const out = setStatus(record, text, 'accepted');
      assert.equal(out, text.replace('status: proposed\n', 'status: accepted\n'));
      assert.ok(out.startsWith('\uFEFF---\n'));
    });

    it('single quotes, comments and CRLF', () => {
      const text = "---\r\nstatus: 'proposed' # until the review\r\ndate: 2026-01-02\r\n---\r\n\r\n# T\r\n";
      assert.equal(change(text, 'd/0001-t.md', 'rejected'), "---\r\nstatus: 'rejected' # until the review\r\ndate: 2026-01-02\r\n---\r\n\r\n# T\r\n");
    });

    it('adds a status key when the front matter has none', () => {
      const text = lines('---', 'date: 2026-01-02', '---', '', '# T');
      assert.equal(change(text, 'd/0001-t.md', 'accepted'), lines('---', 'status: accepted', 'date: 2026-01-02', '---', '', '# T'));
    });

    it('fills an empty status key', () => {
      const text = lines('---', 'status:', 'date: 2026-01-02', '---', '', '# T');
      assert.equal(change(text, 'd/0001-t.md', 'accepted'), lines('---', 'status: accepted', 'date: 2026-01-02', '---', '', '# T'));
    });

    it('adds front matter to a record that has none', () => {
      const text = lines('# T', '', 'Some text.');
      assert.equal(change(text, 'd/0001-t.md', 'proposed'), lines('---', 'status: proposed', '---', '', '# T', '', 'Some text.'));
    });
  });
});

describe('normalizeStatus', () => {
  it('knows every spelling in the wild', () => {
    assert.equal(normalizeStatus('Accepted'), 'accepted');
    assert.equal(normalizeStatus('superseded by ADR-0123'), 'superseded');
    assert.equal(normalizeStatus('Superceded by [12. Foo](0012-foo.md)'), 'superseded');
    assert.equal(normalizeStatus('[Proposed](https://github.com/o/r/pull/1)'), 'proposed');
    assert.equal(normalizeStatus('**Deprecated**'), 'deprecated');
    assert.equal(normalizeStatus('in review'), null);
    assert.equal(normalizeStatus('acceptedness'), null);
    assert.equal(normalizeStatus(''), null);
  });
});
