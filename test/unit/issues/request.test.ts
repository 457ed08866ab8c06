// Answer checks (enforced for every repository), the team file's template defaults, and the REST body.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  buildIssueRequest,
  issueAssignees,
  parseIssueForm,
  parseMarkdownTemplate,
  renderIssueBody,
  resolveDue,
  templateDefaults,
  uploadNotes,
  validateAnswers,
  withTitlePrefix,
  type ResolvedDue,
} from '../../../src/core/issues';
import { teamOf } from '../team/helpers';

const form = parseIssueForm(readFileSync('test/fixtures/issue-forms/every-type/form.yml', 'utf8'), '.github/ISSUE_TEMPLATE/payout.yml');
const complete = { payout: 'po_1', what: 'Nothing arrived.', checks: ['I looked up the payout in the ledger.'] };

describe('validateAnswers', () => {
  it('a complete answer set passes; defaults count as answers', () => {
    // currency is required and has default: 0, so leaving it untouched is an answer.
    assert.deepEqual(validateAnswers(form, 'Payout missing', complete), []);
  });

  it('title, required fields, required checkboxes: one message per field', () => {
    const errors = validateAnswers(form, '  ', { payout: ' ', what: '', currency: '', checks: [] });
    assert.deepEqual(errors, [
      { field: 'title', message: 'Add a title.' },
      { field: 'payout', message: '"Payout id" is required.' },
      { field: 'what', message: '"What happened?" is required.' },
      { field: 'currency', message: '"Currency" is required: choose an option.' },
      { field: 'checks', message: '"Checks" needs this ticked: "I looked up the payout in the ledger."' },
    ]);
  });

  it('values that are not options, wrong shapes and unknown fields', () => {
    const errors = validateAnswers(form, 'T', { ...complete, currency: 'JPY', banks: ['Chase', 'Chase'], merchant: ['a'], checks: ['Made up'], typo: 'x' });
    assert.deepEqual(
      errors.map((e) => [e.field, e.message]),
      [
        ['typo', '"typo" is not a field of Payout problem. Its fields: payout, merchant, what, logs, currency, banks, checks.'],
        ['merchant', '"Merchant" takes text, not a list.'],
        ['currency', '"JPY" is not an option of "Currency". Options: EUR, USD, GBP.'],
        ['banks', '"Banks involved" lists an option twice.'],
        ['checks', '"Made up" is not an option of "Checks".'],
      ],
    );
    assert.deepEqual(
      validateAnswers(form, 'T', { ...complete, currency: ['EUR'] }).map((e) => e.message),
      ['"Currency" takes one option, not a list.'],
    );
  });
});

describe('validateAnswers: uploads', () => {
  const upload = parseIssueForm(readFileSync('test/fixtures/issue-forms/upload-and-none/form.yml', 'utf8'), '.github/ISSUE_TEMPLATE/crash.yml');

  it('a required upload never blocks the submission (the API takes no files): a note says so instead', () => {
    assert.deepEqual(upload.problems, []);
    assert.deepEqual(validateAnswers(upload, 'T', {}), []);
    assert.deepEqual(validateAnswers(upload, 'T', { screenshots: '', logs: [] }), []);
    assert.deepEqual(uploadNotes(upload), [
      {
        field: 'screenshots',
        message:
          '"Screenshots" is a file upload the form marks as required: files are attached on github.com after the issue is created (the REST API takes no uploads). Attach them there; the issue is created without them.',
      },
      { field: 'logs', message: '"Log files" is a file upload: files are attached on github.com after the issue is created (the REST API takes no uploads).' },
    ]);
    assert.deepEqual(uploadNotes(parseMarkdownTemplate('---\nname: N\nabout: A\n---\n', 'n.md')), []);
  });

  it('an answer given to an upload is refused, naming where files go', () => {
    assert.deepEqual(validateAnswers(upload, 'T', { screenshots: 'shot.png' }), [
      {
        field: 'screenshots',
        message:
          '"Screenshots" is a file upload: files are attached on github.com after the issue is created (the REST API takes no uploads); it takes no answer here.',
      },
    ]);
  });
});

describe('withTitlePrefix', () => {
  it("puts the form's title prefix in front, as github.com pre-fills it, unless the title starts with it", () => {
    assert.equal(withTitlePrefix('[bug] ', 'Crash on start'), '[bug] Crash on start');
    assert.equal(withTitlePrefix('[bug] ', '  Crash on start'), '[bug] Crash on start');
    assert.equal(withTitlePrefix('[bug] ', '[bug] Crash on start'), '[bug] Crash on start');
    assert.equal(withTitlePrefix('[bug] ', '[BUG] Crash'), '[BUG] Crash');
    assert.equal(withTitlePrefix('[Bug]: ', '[Bug]:Crash'), '[Bug]:Crash');
    assert.equal(withTitlePrefix('[bug] ', ''), '[bug] ');
    assert.equal(withTitlePrefix('', 'Crash'), 'Crash');
    assert.equal(withTitlePrefix('   ', 'Crash'), 'Crash');
  });
});

describe('templateDefaults', () => {
  const team = teamOf(
    'members:',
    '  - { github: a, timezone: UTC }',
    'issues:',
    '  defaultDue: "+3 workdays"',
    '  templates:',
    '    bug_report: { due: "+1 workday", labels: [triage, Bug] }',
    '    chore: { labels: [chore] }',
  );
  it('per template, else the default due; labels from the template entry', () => {
    assert.deepEqual(templateDefaults(team, 'bug_report'), { due: '+1 workday', labels: ['triage', 'Bug'] });
    assert.deepEqual(templateDefaults(team, 'chore'), { due: '+3 workdays', labels: ['chore'] });
    assert.deepEqual(templateDefaults(team, 'other'), { due: '+3 workdays', labels: [] });
    assert.deepEqual(templateDefaults(undefined, 'bug_report'), { labels: [] });
  });
});

describe('buildIssueRequest', () => {
  it("the owner first, then the form's assignees, each once (case-insensitively, first spelling wins)", () => {
    const t = parseIssueForm(readFileSync('test/fixtures/issue-forms/upload-and-none/form.yml', 'utf8'), '.github/ISSUE_TEMPLATE/crash.yml');
    assert.deepEqual(t.assignees, ['triage-bot', 'Alice']);
    assert.deepEqual(buildIssueRequest({ template: t, title: 'T', answers: {}, owner: '@alice' }).assignees, ['alice', 'triage-bot']);
    assert.deepEqual(buildIssueRequest({ template: t, title: 'T', answers: {}, owner: 'bob' }).assignees, ['bob', 'triage-bot', 'Alice']);
    assert.deepEqual(buildIssueRequest({ template: t, title: 'T', answers: {} }).assignees, ['triage-bot', 'Alice']);
    assert.deepEqual(issueAssignees(' @Carol ', ['carol', '@dave', 'DAVE', '']), ['Carol', 'dave']);
    assert.deepEqual(issueAssignees(undefined, []), []);
    // The body of the same request: uploads and unanswered dropdowns as github.com writes them.
    assert.equal(
      renderIssueBody(t, {}),
      '### Version\n\n_No response_\n\n### Screenshots\n\n_No response_\n\n### Log files\n\n_No response_\n\n### Platform\n\nNone\n\n### Browsers\n\nNone\n\n### Channel\n\nNone',
    );
  });

  const due: ResolvedDue = { date: '2026-11-26', at: '2026-11-26T17:30:00+01:00', zone: 'Europe/Berlin', weekday: 'Thu', time: '17:30', rule: 'end of day' };

  it('title, body with the due line, labels deduplicated, the owner as the one assignee, type', () => {
    const request = buildIssueRequest({
      template: form,
      title: '  Payout po_1 missing ',
      answers: complete,
      owner: '@alice',
      due,
      extraLabels: ['triage', 'BUG', 'payouts'],
    });
    assert.deepEqual(Object.keys(request), ['title', 'body', 'labels', 'assignees', 'type']);
    assert.equal(request.title, 'Payout po_1 missing');
    assert.ok(request.body.startsWith('### Payout id\n\npo_1\n\n### Merchant\n\nacme-shop\n\n'), request.body);
    assert.ok(request.body.endsWith('- [ ] The merchant was told.\n\nDue: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day for @alice'), request.body);
    assert.deepEqual(request.labels, ['payouts', 'bug', 'triage']);
    assert.deepEqual(request.assignees, ['alice']);
    assert.equal(request.type, 'Bug');
  });

  it("without owner and due: the template's assignees and the body alone; no type key when none", () => {
    const md = parseMarkdownTemplate('---\nname: N\nabout: A\nassignees: bob, carol\n---\nHello\n', 'n.md');
    assert.deepEqual(buildIssueRequest({ template: md, title: 'T', answers: {} }), { title: 'T', body: 'Hello\n', labels: [], assignees: ['bob', 'carol'] });
    const empty = parseMarkdownTemplate('---\nname: N\nabout: A\n---\n', 'n.md');
    assert.equal(buildIssueRequest({ template: empty, title: 'T', answers: {}, due }).body, 'Due: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day');
  });

  it("end to end with a resolved due date in the owner's day", () => {
    const team = teamOf('members:', '  - github: carol', '    timezone: Asia/Kathmandu', '    hours: "10:00-18:00"');
    const resolved = resolveDue('+1 workday', new Date('2026-11-27T05:00:00Z'), team.members[0], team, 'UTC');
    assert.ok(!('error' in resolved));
    const body = buildIssueRequest({ template: form, title: 'T', answers: complete, owner: 'carol', due: resolved }).body;
    assert.ok(body.endsWith('\n\nDue: 2026-11-30 (Mon) 18:00 Asia/Kathmandu, end of day for @carol'), body);
  });
});
