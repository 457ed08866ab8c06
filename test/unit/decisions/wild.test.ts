// Records as people write them in the wild (adr-tools, MADR, log4brains and hand-written Nygard records):
// read leniently, write exactly, and report in check what had to be guessed. Fixtures: test/fixtures/decisions/wild/.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  checkIndex,
  isRecordFileName,
  isTemplateRecord,
  normalizeStatus,
  parseFileName,
  parseRecord,
  scanDecisions,
  setStatus,
  statusPhrase,
  supersede,
} from '../../../src/core/decisions';
import type { DecisionIndex, DecisionRecord } from '../../../src/core/decisions';
import { FIXTURES, folder, lines, markdownFiles, parseFixture } from './helpers';

const WILD = path.join(FIXTURES, 'wild');
const NY = 'doc/adr';

async function scan(repo: string): Promise<DecisionIndex> {
  return scanDecisions(path.join(WILD, repo), {});
}

function byName(index: DecisionIndex, name: string): DecisionRecord {
  const r = index.records.find((x) => x.file.endsWith(`/${name}`));
  assert.ok(r, `${name} in ${index.records.map((x) => x.file).join(', ')}`);
  return r;
}

function problemsOf(index: DecisionIndex, name: string): [number, string, string][] {
  return index.problems.filter((p) => p.file.endsWith(name)).map((p) => [p.line, p.severity, p.code]);
}

describe('records in the wild', () => {
  let nygard: DecisionIndex;
  let madr: DecisionIndex;
  let hand: DecisionIndex;
  before(async () => {
    nygard = await scan('nygard');
    madr = await scan('madr');
    hand = await scan('hand');
  });

  describe('1. templates are not records', () => {
    it('skips MADR template variants by name', () => {
      for (const name of ['adr-template.md', 'adr-template-minimal.md', 'adr-template-bare.md', 'adr-template-bare-minimal.md', 'ADR-Template-Bare.md']) {
        assert.equal(isRecordFileName(name), false, name);
      }
      assert.equal(isRecordFileName('0001-adr-template-usage.md'), true);
      assert.deepEqual(
        madr.records.map((r) => r.file.slice(r.file.lastIndexOf('/') + 1)),
        ['0001-record-architecture-decisions.md', '0002-use-feature-toggles.md', '0003-try-event-sourcing.md'],
      );
    });

    it('skips files whose title is a placeholder; says so only for files named like a record', () => {
      assert.ok(isTemplateRecord({ title: '{short title of solved problem and solution}' }));
      assert.ok(isTemplateRecord({ title: '[short title of solved problem and solution]' }));
      assert.ok(isTemplateRecord({ title: 'NUMBER. TITLE' }));
      assert.ok(isTemplateRecord({ title: 'TITLE' }));
      assert.ok(isTemplateRecord({ title: '{{title}}' }));
      assert.ok(!isTemplateRecord({ title: 'Use {braces} in templates' }));
      assert.ok(!isTemplateRecord({ title: 'Title case for titles' }));
      // decision-template.md (not named like a record): silently skipped.
      assert.deepEqual(problemsOf(madr, 'decision-template.md'), []);
      assert.deepEqual(problemsOf(madr, '0004-template-left-in-place.md'), [[4, 'info', 'template-skipped']]);
      assert.deepEqual(problemsOf(nygard, '0000-adr-template.md'), [[0, 'info', 'template-skipped']]);
      assert.ok(!nygard.records.some((r) => r.file.endsWith('0000-adr-template.md')));
    });
  });

  describe('2. a status paragraph over several lines', () => {
    it('reads the whole paragraph and a link that wraps', () => {
      const r = byName(nygard, '0016-use-kafka-for-events.md');
      assert.equal(r.status, 'superseded');
      assert.equal(r.statusText, 'Partially superseded');
      assert.equal(r.rawStatus, 'Partially superseded by [ADR 17](./0017-use-pulsar-for-billing-events.md)');
      assert.equal(r.lines.status, 6);
      assert.deepEqual(r.supersededBy, [`${NY}/0017-use-pulsar-for-billing-events.md`]);
      assert.deepEqual(r.links, [
        { kind: 'superseded-by', label: 'Partially superseded by', target: `${NY}/0017-use-pulsar-for-billing-events.md`, line: 6, column: 24 },
      ]);
      assert.deepEqual(problemsOf(nygard, '0016-use-kafka-for-events.md'), [[6, 'info', 'guessed-status']]);
    });

    it('a relation line right under the status is its own paragraph', () => {
      const r = parseRecord(lines('# 3. X', '', '## Status', '', 'Accepted', 'Supercedes [2. Y](0002-y.md)', '', '## Context'), 'd/0003-x.md', 'd');
      assert.equal(r.rawStatus, 'Accepted');
      assert.deepEqual(r.supersedes, ['d/0002-y.md']);
    });

    it('accepting a wrapped status replaces the whole paragraph, never half a link', () => {
      const { record, text } = parseFixture('wild/nygard', `${NY}/0016-use-kafka-for-events.md`);
      const out = setStatus(record, text, 'accepted');
      assert.equal(out, text.replace('Partially superseded by [ADR\n17](./0017-use-pulsar-for-billing-events.md)\n', 'Accepted\n'));
      assert.equal(setStatus(record, text, 'superseded'), text);
      const back = parseRecord(out, record.file, record.folder);
      assert.equal(back.status, 'accepted');
      assert.deepEqual(back.links, []);
    });

    it('superseding a record whose status wraps (CRLF) writes one "Superceded by" line', () => {
      const text = lines(
        '# 1. First',
        '',
        'Date: 2020-01-01',
        '',
        '## Status',
        '',
        'Accepted for the billing',
        'service only',
        '',
        '## Context',
        '',
        'Why.',
      ).replace(/\n/g, '\r\n');
      const old = parseRecord(text, 'doc/adr/0001-first.md', 'doc/adr');
      assert.equal(old.rawStatus, 'Accepted for the billing service only');
      assert.equal(old.status, 'accepted');
      const changes = supersede(old, text, folder('doc/adr', 'nygard', 'adr-dir'), [old], { title: 'Second', date: '2020-02-01' });
      assert.equal(
        changes[1]!.text,
        lines('# 1. First', '', 'Date: 2020-01-01', '', '## Status', '', 'Superceded by [2. Second](0002-second.md)', '', '## Context', '', 'Why.').replace(
          /\n/g,
          '\r\n',
        ),
      );
      const created = parseRecord(changes[0]!.text!, changes[0]!.file, 'doc/adr');
      const after = parseRecord(changes[1]!.text!, changes[1]!.file, 'doc/adr');
      assert.deepEqual(after.supersededBy, [created.file]);
      assert.deepEqual(checkIndex([after, created], undefined), []);
    });
  });

  describe('3. dates and headings people write', () => {
    it('pads an unpadded date and reads "# Status" as the Status section, with info problems', () => {
      const r = byName(nygard, '0001-record-architecture-decisions.md');
      assert.equal(r.title, 'Record architecture decisions');
      assert.equal(r.date, '2021-03-09');
      assert.equal(r.status, 'accepted');
      assert.equal(r.lines.status, 6);
      assert.deepEqual(
        r.sections.map((s) => [s.heading, s.line, s.endLine]),
        [
          ['Status', 4, 8],
          ['Context', 8, 12],
          ['Decision', 12, 16],
          ['Consequences', 16, 20],
        ],
      );
      assert.deepEqual(problemsOf(nygard, '0001-record-architecture-decisions.md').sort(), [
        [2, 'info', 'guessed-date'],
        [4, 'info', 'guessed-heading'],
      ]);
    });

    it('unpadded dates in MADR front matter and log4brains bullets', () => {
      assert.equal(byName(madr, '0002-use-feature-toggles.md').date, '2021-03-09');
      assert.ok(problemsOf(madr, '0002-use-feature-toggles.md').some((p) => p[0] === 2 && p[2] === 'guessed-date'));
      const l = byName(hand, '20210309-try-graphql.md');
      assert.equal(l.format, 'log4brains');
      assert.equal(l.date, '2021-03-09');
      assert.deepEqual(problemsOf(hand, '20210309-try-graphql.md'), [[4, 'info', 'guessed-date']]);
    });

    it('rejects dates that are not dates, and "### Status" also counts', () => {
      assert.equal(parseRecord(lines('# 1. X', '', 'Date: 2021-13-01', '', '## Status', '', 'Accepted'), 'd/0001-x.md', 'd').date, null);
      assert.equal(parseRecord(lines('# 1. X', '', 'Date: 2021-1-32'), 'd/0001-x.md', 'd').date, null);
      const r = parseRecord(lines('# 1. X', '', 'Date: 2021-01-02', '', '### Status', '', 'Rejected', '', '## Context'), 'd/0001-x.md', 'd');
      assert.equal(r.status, 'rejected');
      assert.deepEqual(
        r.problems.map((p) => [p.line, p.code]),
        [[4, 'guessed-heading']],
      );
    });
  });

  describe('4. a later line changes the status', () => {
    it('"Accepted" then "Superseded by […]" is superseded', () => {
      const r = byName(nygard, '0025-use-rest-between-services.md');
      assert.equal(r.status, 'superseded');
      assert.equal(r.lines.status, 8);
      assert.deepEqual(r.supersededBy, [`${NY}/0026-use-grpc-between-services.md`]);
      assert.deepEqual(problemsOf(nygard, '0025-use-rest-between-services.md'), [[8, 'info', 'amended-status']]);
    });

    it('a relation-only paragraph never changes the status', () => {
      const r = parseRecord(
        lines('# 3. X', '', '## Status', '', 'Accepted', '', 'Amended by [4. Y](0004-y.md)', '', 'Supercedes [2. Z](0002-z.md)'),
        'd/0003-x.md',
        'd',
      );
      assert.equal(r.status, 'accepted');
      assert.equal(r.lines.status, 4);
    });
  });

  describe('5. free-text statuses', () => {
    it("keeps the author's word in statusText, normalizes known synonyms, no problem outside native records", () => {
      const got = (i: DecisionIndex, name: string) => {
        const r = byName(i, name);
        return [r.status, r.statusText];
      };
      assert.deepEqual(got(nygard, '0030-adopt-trunk-based-development.md'), [null, 'Pending']);
      assert.deepEqual(got(nygard, '0031-move-to-monorepo.md'), [null, 'On hold']);
      assert.deepEqual(got(nygard, '0010-enable-feature-flags.md'), ['accepted', 'Approved']);
      assert.deepEqual(got(hand, 'adr-002-use-plantuml.md'), ['proposed', 'Proposal']);
      assert.deepEqual(got(hand, '20210309-try-graphql.md'), [null, 'On hold']);
      assert.deepEqual(got(madr, '0002-use-feature-toggles.md'), ['proposed', 'Proposal']);
      assert.ok(!nygard.problems.some((p) => p.code === 'unknown-status'));
      assert.ok(!hand.problems.some((p) => p.code === 'unknown-status'));
      assert.deepEqual(problemsOf(nygard, '0030-adopt-trunk-based-development.md'), []);
      assert.deepEqual(problemsOf(nygard, '0010-enable-feature-flags.md'), [[6, 'info', 'guessed-status']]);
    });

    it('native records still report a status outside the set', () => {
      assert.deepEqual(problemsOf(madr, '0003-try-event-sourcing.md'), [[1, 'error', 'unknown-status']]);
      assert.equal(byName(madr, '0003-try-event-sourcing.md').statusText, 'pending');
    });

    it('normalizeStatus and statusPhrase', () => {
      assert.equal(normalizeStatus('Proposal'), 'proposed');
      assert.equal(normalizeStatus('Approved'), 'accepted');
      assert.equal(normalizeStatus('Partly superseded'), 'superseded');
      assert.equal(normalizeStatus('partially superseded by [x](x.md)'), 'superseded');
      assert.equal(normalizeStatus('Partly cloudy'), null);
      assert.equal(normalizeStatus('Pending'), null);
      assert.equal(normalizeStatus('On hold'), null);
      assert.equal(statusPhrase('Accepted; supersedes ADR-0045'), 'Accepted');
      assert.equal(statusPhrase('Partially superseded by [ADR 17](./0017-x.md)'), 'Partially superseded');
      assert.equal(statusPhrase('[Proposed](https://github.com/o/r/pull/1)'), 'Proposed');
      assert.equal(statusPhrase('**On hold**'), 'On hold');
      assert.equal(statusPhrase('Superceded by [2. X](0002-x.md)'), 'Superceded');
      assert.equal(statusPhrase(''), '');
    });

    it('writing a known status over a free-text one replaces it; the same text is byte-identical', () => {
      const { record, text } = parseFixture('wild/nygard', `${NY}/0030-adopt-trunk-based-development.md`);
      assert.equal(setStatus(record, text, 'accepted'), text.replace('\nPending\n', '\nAccepted\n'));
    });
  });

  describe('6. supersede links written on one side only', () => {
    it('infers the missing direction for the index, by number and by link', () => {
      assert.deepEqual(byName(nygard, '0057-cache-in-redis.md').supersedes, [`${NY}/0045-cache-in-memcached.md`]);
      assert.deepEqual(byName(nygard, '0045-cache-in-memcached.md').supersededBy, [`${NY}/0057-cache-in-redis.md`]);
      assert.equal(byName(nygard, '0057-cache-in-redis.md').status, 'accepted');
      assert.deepEqual(byName(nygard, '0058-queue-in-rabbitmq.md').supersededBy, [`${NY}/0059-queue-in-sqs.md`]);
      assert.deepEqual(byName(nygard, '0059-queue-in-sqs.md').supersedes, [`${NY}/0058-queue-in-rabbitmq.md`]);
      assert.deepEqual(byName(nygard, '0017-use-pulsar-for-billing-events.md').supersedes, [`${NY}/0016-use-kafka-for-events.md`]);
      // Written both ways: no duplicates.
      assert.deepEqual(byName(nygard, '0026-use-grpc-between-services.md').supersedes, [`${NY}/0025-use-rest-between-services.md`]);
      assert.deepEqual(byName(nygard, '0025-use-rest-between-services.md').supersededBy, [`${NY}/0026-use-grpc-between-services.md`]);
    });

    it('is idempotent and a number that is not a record is a broken link', () => {
      const records = nygard.records.map((r) => ({ ...r }));
      checkIndex(records, undefined);
      checkIndex(records, undefined);
      assert.deepEqual(records.find((r) => r.file.endsWith('0045-cache-in-memcached.md'))!.supersededBy, [`${NY}/0057-cache-in-redis.md`]);
      const lone = parseRecord(lines('# 5. X', '', '## Status', '', 'Accepted; supersedes ADR-0099'), 'd/0005-x.md', 'd');
      assert.deepEqual(
        checkIndex([lone], undefined).map((p) => [p.line, p.code, p.column, p.endColumn]),
        [[4, 'broken-link', 21, 29]],
      );
    });
  });

  describe('7. number prefixes in titles', () => {
    it('strips a leading number equal to the file number', () => {
      assert.equal(byName(madr, '0001-record-architecture-decisions.md').title, 'Record architecture decisions');
      assert.equal(byName(madr, '0002-use-feature-toggles.md').title, 'Use feature toggles');
      assert.equal(byName(nygard, '0010-enable-feature-flags.md').title, 'Enable feature flags');
      assert.equal(byName(hand, 'adr-001-use-markdown-for-decisions.md').title, 'Use Markdown for decisions');
      // A number that is not the file's stays: it is part of the title.
      assert.equal(parseRecord(lines('---', 'status: accepted', '---', '# 3 reasons to use X'), 'd/0007-x.md', 'd').title, '3 reasons to use X');
    });
  });

  describe('8. adr-NNN names and config files that point nowhere', () => {
    it('reads the number of adr-001-title.md', () => {
      assert.deepEqual(parseFileName('docs/adr/adr-001-use-markdown.md'), { number: 1, slug: 'use-markdown', stem: 'adr-001-use-markdown', datePrefix: null });
      assert.equal(parseFileName('ADR_12-x.md').number, 12);
      assert.equal(byName(hand, 'adr-002-use-plantuml.md').number, 2);
      assert.equal(byName(hand, 'adr-002-use-plantuml.md').slug, 'use-plantuml');
    });

    it('a .log4brains.yml or .adr-dir naming a missing folder is a warning on its line', async () => {
      const l = await scan('log4brains-missing');
      assert.deepEqual(
        l.problems.map((p) => [p.file, p.line, p.severity, p.code]),
        [['.log4brains.yml', 3, 'warning', 'folder-missing']],
      );
      const a = await scan('adr-dir-missing');
      assert.deepEqual(
        a.problems.map((p) => [p.file, p.line, p.severity, p.code]),
        [['.adr-dir', 0, 'warning', 'folder-missing']],
      );
    });
  });

  describe('every wild fixture', () => {
    for (const file of markdownFiles('wild')) {
      it(`${file}: parse is stable and writing the same status is byte-identical`, () => {
        const { record, text } = parseFixture('wild', file);
        assert.deepEqual(parseRecord(text, file, record.folder), record);
        if (record.status) assert.equal(setStatus(record, text, record.status), text);
        for (const p of record.problems) assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < text.split('\n').length);
      });
    }
  });
});
