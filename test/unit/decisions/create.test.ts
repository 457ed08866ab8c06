import assert from 'node:assert/strict';
import { contextLine, createRecord, parseRecord, scanDecisions } from '../../../src/core/decisions';
import { yamlScalar } from '../../../src/core/decisions/edit';
import { parse } from 'yaml';
import { fixtureRoot, folder, lines } from './helpers';

const ADR = 'doc/architecture/decisions';

describe('createRecord', () => {
  it('native: next number, front matter, title and our sections', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    const target = index.folders.find((f) => f.dir === 'docs/decisions')!;
    assert.equal(target.format, 'madr');
    const change = createRecord(target, index.records, {
      title: 'Use Kafka for ledger events',
      date: '2026-11-21',
      owner: 'alice',
      decisionMakers: ['alice', 'bob'],
      reviewBy: '2027-05-21',
    });
    assert.equal(change.file, 'docs/decisions/0005-use-kafka-for-ledger-events.md');
    assert.equal(change.create, true);
    assert.equal(
      change.text,
      lines(
        '---',
        'status: proposed',
        'date: 2026-11-21',
        'decision-makers: [alice, bob]',
        'consulted: []',
        'informed: []',
        'owner: alice',
        'review-by: 2027-05-21',
        '---',
        '',
        '# Use Kafka for ledger events',
        '',
        '## Context',
        '',
        '## Options considered',
        '',
        '## Decision',
        '',
        '## Rationale',
        '',
        '## Trade-offs',
        '',
        '## Review trigger',
        '',
        '## Follow-ups',
      ),
    );
    const parsed = parseRecord(change.text!, change.file, target.dir);
    assert.equal(parsed.status, 'proposed');
    assert.equal(parsed.owner, 'alice');
    assert.deepEqual(parsed.problems, []);
    assert.equal(contextLine(change.text!), 13);
  });

  it('native: without owner, with a status and supersedes; categories number on their own', async () => {
    const index = await scanDecisions(fixtureRoot('native'));
    const backend = index.folders.find((f) => f.dir === 'docs/decisions/backend')!;
    assert.equal(backend.source, 'category');
    const change = createRecord(backend, index.records, {
      title: 'Café: retry à la carte!',
      date: '2026-11-21',
      status: 'draft',
      supersedes: ['docs/decisions/backend/0002-retry-with-exponential-backoff.md'],
    });
    assert.equal(change.file, 'docs/decisions/backend/0003-cafe-retry-a-la-carte.md');
    assert.equal(
      change.text!.split('\n').slice(0, 11).join('\n'),
      [
        '---',
        'status: draft',
        'date: 2026-11-21',
        'decision-makers: []',
        'consulted: []',
        'informed: []',
        'owner:',
        'review-by:',
        'supersedes: 0002-retry-with-exponential-backoff.md',
        '---',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parseRecord(change.text!, change.file, backend.dir).supersedes, ['docs/decisions/backend/0002-retry-with-exponential-backoff.md']);
  });

  it("adr-tools: exactly adr-tools' template", async () => {
    const index = await scanDecisions(fixtureRoot('adr-tools'));
    const change = createRecord(index.folders[0]!, index.records, { title: 'Use Terraform for DNS', date: '2026-11-21', owner: 'bob' });
    assert.equal(change.file, `${ADR}/0006-use-terraform-for-dns.md`);
    assert.equal(
      change.text,
      lines(
        '# 6. Use Terraform for DNS',
        '',
        'Date: 2026-11-21',
        '',
        '## Status',
        '',
        'Proposed',
        '',
        '## Context',
        '',
        'The issue motivating this decision, and any context that influences or constrains the decision.',
        '',
        '## Decision',
        '',
        "The change that we're proposing or have agreed to implement.",
        '',
        '## Consequences',
        '',
        'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.',
      ),
    );
    assert.equal(contextLine(change.text!), 10);
    const parsed = parseRecord(change.text!, change.file, ADR);
    assert.equal(parsed.format, 'nygard');
    assert.equal(parsed.number, 6);
  });

  it('log4brains: YYYYMMDD-slug.md and the MADR 2 template', async () => {
    const index = await scanDecisions(fixtureRoot('log4brains'));
    const main = index.folders.find((f) => f.source === 'log4brains')!;
    const change = createRecord(main, index.records, { title: 'Use OpenTelemetry for tracing', date: '2026-11-21', decisionMakers: ['alice', 'bob'] });
    assert.equal(change.file, 'docs/adr/20261121-use-opentelemetry-for-tracing.md');
    assert.equal(
      change.text,
      lines(
        '# Use OpenTelemetry for tracing',
        '',
        '- Status: proposed',
        '- Deciders: alice, bob',
        '- Date: 2026-11-21',
        '',
        '## Context and Problem Statement',
        '',
        '[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]',
        '',
        '## Decision Drivers',
        '',
        '- [driver 1, e.g., a force, facing concern, …]',
        '- …',
        '',
        '## Considered Options',
        '',
        '- [option 1]',
        '- [option 2]',
        '- …',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "[option 1]", because [justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force force | … | comes out best (see below)].',
        '',
        '### Positive Consequences',
        '',
        '- [e.g., improvement of quality attribute satisfaction, follow-up decisions required, …]',
        '- …',
        '',
        '### Negative Consequences',
        '',
        '- [e.g., compromising quality attribute, follow-up decisions required, …]',
        '- …',
      ),
    );
    assert.equal(contextLine(change.text!), 8);
    // The same title on the same day gets a suffix instead of colliding.
    const second = createRecord(main, [...index.records, parseRecord(change.text!, change.file, main.dir)], {
      title: 'Use OpenTelemetry for tracing',
      date: '2026-11-21',
    });
    assert.equal(second.file, 'docs/adr/20261121-use-opentelemetry-for-tracing-2.md');
  });

  it('a user template: placeholders replaced, number plain', () => {
    const template = lines(
      '---',
      'status: {{status}}',
      'owner: {{ owner }}',
      '---',
      '',
      '# ADR-{{number}}: {{title}}',
      '',
      'Decided on {{date}}.',
      '',
      '## Context',
      '',
      'Why?',
    );
    const change = createRecord(folder('docs/decisions', 'madr'), [], { title: 'Adopt Renovate', date: '2026-11-21', owner: 'carol' }, template);
    assert.equal(change.file, 'docs/decisions/0001-adopt-renovate.md');
    assert.equal(
      change.text,
      lines('---', 'status: proposed', 'owner: carol', '---', '', '# ADR-1: Adopt Renovate', '', 'Decided on 2026-11-21.', '', '## Context', '', 'Why?'),
    );
    assert.equal(contextLine(change.text!), 11);
  });

  it('slugs: ascii, lower case, dashes; an empty slug falls back', () => {
    const f = folder('d', 'madr');
    assert.equal(createRecord(f, [], { title: '  Über  Résumé: v2 / API!! ', date: '2026-01-01' }).file, 'd/0001-uber-resume-v2-api.md');
    assert.equal(createRecord(f, [], { title: '日本語', date: '2026-01-01' }).file, 'd/0001-decision.md');
  });
});

describe('contextLine', () => {
  it('is the first body line of the Context section', () => {
    assert.equal(contextLine(lines('# T', '', '## Context', '', '', 'Text', '', '## Decision')), 5);
    assert.equal(contextLine(lines('---', 'status: x', '---', '# T', '## Context and Problem Statement', 'Text')), 5);
  });
  it('falls back to the line after the title', () => {
    assert.equal(contextLine(lines('# T', '', 'Body')), 1);
    assert.equal(contextLine(''), 0);
  });
});

describe('yamlScalar', () => {
  it('quotes what YAML would not read back as the same plain string', () => {
    // '@' and '`' are reserved indicators: `owner: @alice` is invalid YAML.
    for (const value of ['@alice', 'yes', '12', '1e3', ' padded', 'trailing ', '[x]', '(x)', '#1', 'a: b', '']) {
      const written = yamlScalar(value);
      assert.notEqual(written, value, value);
      assert.equal(parse(`k: ${written}`).k, value, value);
    }
    for (const value of ['alice', 'docs/adr', 'Use Postgres (ledger)', 'v1.2', 'a@b']) {
      assert.equal(yamlScalar(value), value);
      assert.equal(parse(`k: ${value}`).k, value);
    }
  });
});
