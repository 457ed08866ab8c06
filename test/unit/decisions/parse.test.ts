import assert from 'node:assert/strict';
import { checkIndex, linkRecords, parseRecord, setStatus, STATUSES } from '../../../src/core/decisions';
import { markdownFiles, parseFixture } from './helpers';

const ADR = 'doc/architecture/decisions';

describe('parseRecord', () => {
  describe('adr-tools (Nygard) fixture', () => {
    it('reads number, title, date and status from an adr-tools record', () => {
      const { record } = parseFixture('adr-tools', `${ADR}/0001-record-architecture-decisions.md`);
      assert.equal(record.format, 'nygard');
      assert.equal(record.number, 1);
      assert.equal(record.slug, 'record-architecture-decisions');
      assert.equal(record.title, 'Record architecture decisions');
      assert.equal(record.status, 'accepted');
      assert.equal(record.rawStatus, 'Accepted');
      assert.equal(record.date, '2025-03-04');
      assert.equal(record.folder, ADR);
      assert.deepEqual(record.lines, { title: 0, status: 6, date: 2, reviewBy: null });
      assert.deepEqual(
        record.sections.map((s) => [s.heading, s.line, s.endLine]),
        [
          ['Status', 4, 8],
          ['Context', 8, 12],
          ['Decision', 12, 16],
          ['Consequences', 16, 20],
        ],
      );
      assert.deepEqual(record.problems, []);
    });

    it('reads "Superceded by [4. …](0004-….md)" as superseded with a resolved link', () => {
      const { record } = parseFixture('adr-tools', `${ADR}/0002-use-mysql-for-the-ledger.md`);
      assert.equal(record.status, 'superseded');
      assert.equal(record.rawStatus, 'Superceded by [4. Use PostgreSQL for the ledger](0004-use-postgresql-for-the-ledger.md)');
      assert.deepEqual(record.supersededBy, [`${ADR}/0004-use-postgresql-for-the-ledger.md`]);
      assert.deepEqual(record.supersedes, []);
      assert.equal(record.lines.status, 6);
    });

    it('reads "Supercedes [2. …]" under the status as a supersedes link', () => {
      const { record } = parseFixture('adr-tools', `${ADR}/0004-use-postgresql-for-the-ledger.md`);
      assert.equal(record.status, 'accepted');
      assert.deepEqual(record.supersedes, [`${ADR}/0002-use-mysql-for-the-ledger.md`]);
      assert.deepEqual(record.links, [
        { kind: 'supersedes', label: 'Supercedes', target: `${ADR}/0002-use-mysql-for-the-ledger.md`, line: 8, column: 11, endColumn: 74 },
      ]);
    });

    it('reads a CRLF record with the same lines as LF', () => {
      const { record, text } = parseFixture('adr-tools', `${ADR}/0003-deploy-with-kubernetes.md`);
      assert.ok(text.includes('\r\n'), 'fixture must stay CRLF');
      assert.equal(record.title, 'Deploy with Kubernetes');
      assert.equal(record.status, 'proposed');
      assert.equal(record.rawStatus, 'Proposed');
      assert.equal(record.date, '2025-04-02');
      assert.deepEqual(record.lines, { title: 0, status: 6, date: 2, reviewBy: null });
      assert.deepEqual(
        record.links?.map((l) => [l.kind, l.label, l.target, l.line]),
        [['related', 'Amended by', `${ADR}/0005-run-migrations-as-kubernetes-jobs.md`, 8]],
      );
      const lf = parseRecord(text.replace(/\r\n/g, '\n'), record.file, record.folder);
      assert.deepEqual(lf.sections, record.sections);
      assert.deepEqual(lf.lines, record.lines);
    });
  });

  describe('log4brains fixture', () => {
    it('reads "- Status:" bullets, deciders, tags and the date-named file', () => {
      const { record } = parseFixture('log4brains', 'docs/adr/20240215-use-rest-for-the-public-api.md');
      assert.equal(record.format, 'log4brains');
      assert.equal(record.number, null);
      assert.equal(record.slug, 'use-rest-for-the-public-api');
      assert.equal(record.title, 'Use REST for the public API');
      assert.equal(record.status, 'superseded');
      assert.deepEqual(record.supersededBy, ['docs/adr/20240320-use-graphql-for-the-public-api.md']);
      assert.deepEqual(record.decisionMakers, ['alice', 'bob']);
      assert.deepEqual(record.tags, ['api']);
      assert.equal(record.date, '2024-02-15');
      assert.deepEqual(record.lines, { title: 0, status: 2, date: 4, reviewBy: null });
    });

    it('reads "* Status:" bullets with HTML comments and Links-section supersedes', () => {
      const { record } = parseFixture('log4brains', 'docs/adr/20240320-use-graphql-for-the-public-api.md');
      assert.equal(record.status, 'accepted');
      assert.equal(record.rawStatus, 'accepted');
      assert.deepEqual(record.decisionMakers, ['alice', 'carol']);
      assert.deepEqual(record.tags, ['api', 'graphql']);
      assert.deepEqual(record.supersedes, ['docs/adr/20240215-use-rest-for-the-public-api.md']);
    });

    it('reads a package record', () => {
      const { record } = parseFixture('log4brains', 'packages/payments-api/adr/20240401-require-idempotency-keys.md');
      assert.equal(record.status, 'draft');
      assert.equal(record.folder, 'packages/payments-api/adr');
      assert.deepEqual(record.decisionMakers, ['dave']);
    });
  });

  describe('native (MADR 4) fixture', () => {
    it('reads "superseded by ADR-0002" and resolves the number within the folder', () => {
      const { record } = parseFixture('native', 'docs/decisions/0001-use-mysql-for-the-ledger.md');
      assert.equal(record.format, 'madr');
      assert.equal(record.status, 'superseded');
      assert.equal(record.rawStatus, 'superseded by ADR-0002');
      assert.deepEqual(record.decisionMakers, ['alice', 'bob']);
      assert.deepEqual(record.consulted, ['carol']);
      assert.deepEqual(record.informed, ['payments-team']);
      assert.deepEqual(
        record.links?.map((l) => [l.kind, l.target, l.number, l.line]),
        [['superseded-by', null, 2, 1]],
      );
      const { record: other } = parseFixture('native', 'docs/decisions/0002-use-postgresql-for-the-ledger.md');
      linkRecords([record, other]);
      assert.deepEqual(record.supersededBy, ['docs/decisions/0002-use-postgresql-for-the-ledger.md']);
    });

    it('reads every native key', () => {
      const { record } = parseFixture('native', 'docs/decisions/0002-use-postgresql-for-the-ledger.md');
      assert.equal(record.status, 'accepted');
      assert.equal(record.date, '2025-06-20');
      assert.deepEqual(record.decisionMakers, ['alice', 'bob']);
      assert.deepEqual(record.consulted, []);
      assert.deepEqual(record.informed, ['payments-team', 'auditors']);
      assert.equal(record.owner, 'alice');
      assert.equal(record.reviewBy, '2026-06-20');
      assert.equal(record.reviewTrigger, 'Ledger write volume above 2,000 TPS');
      assert.deepEqual(record.supersedes, ['docs/decisions/0001-use-mysql-for-the-ledger.md']);
      assert.deepEqual(record.issues, ['#412', '#415']);
      assert.deepEqual(record.lines, { title: 15, status: 1, date: 2, reviewBy: 9 });
      assert.deepEqual(
        record.sections.map((s) => s.heading),
        ['Context', 'Options considered', 'Decision', 'Rationale', 'Trade-offs', 'Review trigger', 'Follow-ups'],
      );
    });

    it('reads a file with a BOM, a comma-separated list and an @owner', () => {
      const { record, text } = parseFixture('native', 'docs/decisions/0003-publish-settlement-events.md');
      assert.ok(text.startsWith('\uFEFF'));
      assert.equal(record.format, 'madr');
      assert.equal(record.status, 'proposed');
      assert.deepEqual(record.decisionMakers, ['alice', 'dave']);
      assert.equal(record.owner, 'dave');
      assert.deepEqual(record.tags, ['api', 'partners']);
      assert.equal(record.title, 'Publish settlement events to partners');
      assert.deepEqual(record.problems, []);
    });

    it('numbers category records in their own folder', () => {
      const { record } = parseFixture('native', 'docs/decisions/backend/0002-retry-with-exponential-backoff.md');
      assert.equal(record.folder, 'docs/decisions/backend');
      assert.equal(record.number, 2);
      assert.deepEqual(record.supersedes, []);
    });
  });

  describe('odd input', () => {
    const file = 'docs/decisions/0009-x.md';
    it('an empty file: no title, no status, one problem', () => {
      const r = parseRecord('', file, 'docs/decisions');
      assert.equal(r.status, null);
      assert.equal(r.title, '0009-x');
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.line]),
        [['missing-title', 0]],
      );
    });

    it('binary garbage does not throw and keeps lines in range', () => {
      const garbage = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 7919) % 65536));
      const r = parseRecord(garbage, file, 'docs/decisions');
      for (const p of r.problems) assert.ok(p.line >= 0);
    });

    it('unclosed front matter is a bad-front-matter problem on line 0', () => {
      const r = parseRecord('---\nstatus: accepted\n\n# Title\n', file, 'docs/decisions');
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.line]),
        [['bad-front-matter', 0]],
      );
      assert.equal(r.title, 'Title');
    });

    it('front matter that is not a mapping is a problem', () => {
      const r = parseRecord('---\n- a\n- b\n---\n# Title\n', file, 'docs/decisions');
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.line]),
        [['bad-front-matter', 1]],
      );
    });

    it('duplicate keys are reported and the first wins', () => {
      const r = parseRecord('---\nstatus: accepted\nstatus: rejected\n---\n# Title\n', file, 'docs/decisions');
      assert.equal(r.status, 'accepted');
      assert.deepEqual(
        r.problems.map((p) => [p.code, p.line]),
        [['bad-front-matter', 2]],
      );
    });

    it('a setext title and an adr-tools status that is a link', () => {
      const r = parseRecord('Title here\n==========\n\nDate: 2020-11-04\n\n## Status\n\n[Proposed](https://github.com/o/r/pull/614)\n', file, 'docs/decisions');
      assert.equal(r.title, 'Title here');
      assert.equal(r.format, 'nygard');
      assert.equal(r.status, 'proposed');
      assert.deepEqual(r.links, []);
    });

    it('adr-tools output with the link above the status still finds the status', () => {
      const r = parseRecord('# 3. X\n\nDate: 2020-01-01\n\n## Status\n\nAmended by [4. Y](0004-y.md)\n\nAccepted\n\n## Context\n', file, 'docs/decisions');
      assert.equal(r.status, 'accepted');
      assert.equal(r.lines.status, 8);
    });

    it('headings inside code fences are not sections', () => {
      const r = parseRecord('# T\n\n## Status\n\nAccepted\n\n```md\n## Not a section\n```\n', file, 'docs/decisions');
      assert.deepEqual(
        r.sections.map((s) => s.heading),
        ['Status'],
      );
    });

    it('a lone CR does not shift line numbers', () => {
      const r = parseRecord('# T\r\n\r\n## Status\r\n\r\nAcc\repted\r\n\r\n## Context\r\n', file, 'docs/decisions');
      assert.equal(r.sections[1]?.line, 6);
    });
  });

  describe('every fixture file', () => {
    for (const repo of ['adr-tools', 'log4brains', 'native', 'broken']) {
      for (const file of markdownFiles(repo)) {
        it(`${repo}/${file}: parse is stable and writing the same status is byte-identical`, () => {
          const { record, text } = parseFixture(repo, file);
          const again = parseRecord(text, file, record.folder);
          assert.deepEqual(again, record);
          for (const p of record.problems) assert.ok(Number.isInteger(p.line) && p.line >= 0);
          if (record.status) assert.equal(setStatus(record, text, record.status), text);
          // A plain status word survives a round trip through another status.
          if (record.status && (STATUSES as readonly string[]).includes(record.rawStatus.toLowerCase())) {
            const other = record.status === 'rejected' ? 'accepted' : 'rejected';
            const changed = setStatus(record, text, other);
            assert.notEqual(changed, text);
            assert.equal(parseRecord(changed, file, record.folder).status, other);
            assert.equal(setStatus(record, changed, record.status), text);
          }
        });
      }
    }
  });

  it('checkIndex leaves parse problems to the records', () => {
    const r = parseRecord('---\nstatus: nope\n---\n# T\n', 'a/0001-t.md', 'a');
    assert.deepEqual(checkIndex([r], undefined), []);
    assert.equal(r.problems[0]?.code, 'unknown-status');
  });
});
