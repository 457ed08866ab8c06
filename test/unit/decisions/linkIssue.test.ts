import assert from 'node:assert/strict';
import { linkIssueToRecord } from '../../../src/core/decisions/linkIssue';
import { parseRecord } from '../../../src/core/decisions';

const issue = { number: 42, url: 'https://github.com/acme/payments/issues/42', title: 'Follow-up: retry budget' };
const at = (file: string) => ({ file, folder: 'docs/decisions' });

describe('linkIssueToRecord', () => {
  it('native: adds #N to the issues list and a bullet under Follow-ups; nothing else changes', () => {
    const text =
      '---\nstatus: accepted\nissues: ["#7"]\n---\n# Use Postgres\n\n## Decision\n\nYes.\n\n## Follow-ups\n\n- [#7](https://github.com/acme/payments/issues/7) Migrate\n\n## Notes\n\nx\n';
    const out = linkIssueToRecord(text, at('docs/decisions/0002-use-postgres.md'), issue);
    assert.equal(
      out,
      '---\nstatus: accepted\nissues: ["#7", "#42"]\n---\n# Use Postgres\n\n## Decision\n\nYes.\n\n## Follow-ups\n\n- [#7](https://github.com/acme/payments/issues/7) Migrate\n- [#42](https://github.com/acme/payments/issues/42) Follow-up: retry budget\n\n## Notes\n\nx\n',
    );
    assert.deepEqual(parseRecord(out, 'docs/decisions/0002-use-postgres.md', 'docs/decisions').issues, ['#7', '#42']);
    // Twice is once.
    assert.equal(linkIssueToRecord(out, at('docs/decisions/0002-use-postgres.md'), issue), out);
  });

  it('native without an issues key or a Follow-ups section: both are added, CRLF kept', () => {
    const text = '---\r\nstatus: proposed\r\n---\r\n# Adopt event sourcing\r\n\r\n## Context\r\n\r\nWhy.\r\n';
    const out = linkIssueToRecord(text, at('docs/decisions/0003-adopt-event-sourcing.md'), issue);
    assert.equal(
      out,
      '---\r\nissues: "#42"\r\nstatus: proposed\r\n---\r\n# Adopt event sourcing\r\n\r\n## Context\r\n\r\nWhy.\r\n\r\n## Follow-ups\r\n\r\n- [#42](https://github.com/acme/payments/issues/42) Follow-up: retry budget\r\n',
    );
    assert.deepEqual(parseRecord(out, 'docs/decisions/0003-adopt-event-sourcing.md', 'docs/decisions').issues, ['#42']);
  });

  it('adr-tools: a Follow-ups section at the end (no front matter is invented)', () => {
    const text = '# 2. Use Postgres\n\nDate: 2026-11-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n';
    const out = linkIssueToRecord(text, at('docs/decisions/0002-use-postgres.md'), issue);
    assert.equal(out, `${text}\n## Follow-ups\n\n- [#42](https://github.com/acme/payments/issues/42) Follow-up: retry budget\n`);
  });
});
