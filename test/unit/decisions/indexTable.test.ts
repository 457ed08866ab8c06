import assert from 'node:assert/strict';
import { parseRecord, renderIndexTable, scanDecisions, updateIndexSection } from '../../../src/core/decisions';
import { fixtureRoot, lines, readFixture } from './helpers';

describe('renderIndexTable', () => {
  it('lists a folder and its categories with relative links', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    assert.equal(
      renderIndexTable(index.records, 'docs/decisions'),
      [
        '| Number | Title | Status | Date | Owner |',
        '| --- | --- | --- | --- | --- |',
        '| 0001 | [Use MySQL for the ledger](0001-use-mysql-for-the-ledger.md) | superseded | 2025-02-03 |  |',
        '| 0002 | [Use PostgreSQL for the ledger](0002-use-postgresql-for-the-ledger.md) | accepted | 2025-06-20 | alice |',
        '| 0003 | [Publish settlement events to partners](0003-publish-settlement-events.md) | proposed | 2025-09-01 | dave |',
        '| 0004 | [Record money as integer minor units](0004-record-money-as-integer-minor-units.md) | accepted | 2025-10-12 | bob |',
        '| backend/0001 | [Use the outbox pattern for ledger events](backend/0001-use-the-outbox-pattern.md) | accepted | 2025-07-15 | bob |',
        '| backend/0002 | [Retry outbound calls with exponential backoff](backend/0002-retry-with-exponential-backoff.md) | proposed | 2025-08-01 | erin |',
        '| frontend/0001 | [Use web components for the partner dashboard](frontend/0001-use-web-components.md) | deprecated | 2025-05-05 | frank |',
      ].join('\n'),
    );
    assert.equal(renderIndexTable(index.records, 'docs/decisions/frontend').split('\n').length, 3);
  });

  it('escapes pipes and brackets; log4brains records have no number', () => {
    const r = parseRecord(lines('# Use A | B [draft]', '', '- Status: in review'), 'adr/20260101-a.md', 'adr');
    assert.equal(renderIndexTable([r], 'adr').split('\n')[2], '|  | [Use A \\| B \\[draft\\]](20260101-a.md) | in review | 2026-01-01 |  |');
  });
});

describe('updateIndexSection', () => {
  const table = '| Number | Title |\n| --- | --- |\n| 0001 | [A](0001-a.md) |';

  it('creates a README when there is none', () => {
    const readme = updateIndexSection(null, table);
    assert.equal(readme, lines('# Decision records', '', '<!-- async-desk:index -->', '', ...table.split('\n'), '', '<!-- async-desk:index -->'));
    assert.equal(updateIndexSection(readme, table), readme);
  });

  it('appends the markers to a README without them, idempotently', () => {
    const original = readFixture('native', 'docs/decisions/README.md');
    const once = updateIndexSection(original, table);
    assert.equal(once, `${original}\n<!-- async-desk:index -->\n\n${table}\n\n<!-- async-desk:index -->\n`);
    assert.equal(updateIndexSection(once, table), once);
    const newer = `${table}\n| 0002 | [B](0002-b.md) |`;
    const twice = updateIndexSection(once, newer);
    assert.equal(twice, `${original}\n<!-- async-desk:index -->\n\n${newer}\n\n<!-- async-desk:index -->\n`);
  });

  it('replaces only what is between the markers, keeping an end marker and CRLF', () => {
    const readme = '# ADRs\r\n\r\nIntro.\r\n\r\n<!-- async-desk:index -->\r\nold table\r\n<!-- /async-desk:index -->\r\n\r\nFooter.\r\n';
    const out = updateIndexSection(readme, table);
    assert.equal(
      out,
      `# ADRs\r\n\r\nIntro.\r\n\r\n<!-- async-desk:index -->\r\n\r\n${table.replace(/\n/g, '\r\n')}\r\n\r\n<!-- /async-desk:index -->\r\n\r\nFooter.\r\n`,
    );
    assert.equal(updateIndexSection(out, table), out);
  });

  it('fills the empty marker pair the bench corpus starts with', () => {
    const readme = '# Decisions\n\n<!-- async-desk:index -->\n<!-- async-desk:index -->\n';
    const out = updateIndexSection(readme, table);
    assert.equal(out, `# Decisions\n\n<!-- async-desk:index -->\n\n${table}\n\n<!-- async-desk:index -->\n`);
    assert.equal(updateIndexSection(out, table), out);
  });

  it('a single marker: the table goes after it and the rest stays', () => {
    const readme = '# D\n\n<!-- async-desk:index -->\nNotes below.\n';
    const out = updateIndexSection(readme, table);
    assert.equal(out, `# D\n\n<!-- async-desk:index -->\n\n${table}\n\n<!-- async-desk:index -->\n\nNotes below.\n`);
    assert.equal(updateIndexSection(out, table), out);
  });
});
