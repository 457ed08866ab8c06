// The issue form webview's model (webview-ui/issueForm/model.ts) in plain Node: where the values start
// from (the webview state or the host's draft), which errors show when, when a submit can start and
// the button is usable, and the owner and due-date texts. The property test plays random sessions
// (edits, submits, the host's answers, reloads) and checks what must always hold.
import assert from 'node:assert/strict';
import type { Derived, FormValues, IssueFormInit, OwnerOption, SubmitFailure } from '../../../src/protocol/issueForm';
import { dueOptionText, failureStatus, failureText, IssueFormModel, ownerLabel, tickOption, type FormText } from '../../../webview-ui/issueForm/model';
import { prng } from '../decisions/helpers';

const values = (over: Partial<FormValues> = {}): FormValues => ({ title: '', answers: {}, body: '', owner: '', due: '', ...over });

const BOB: OwnerOption = { login: 'bob', name: 'Bob', source: 'team', localTime: '08:12 Thu', stateText: 'working until 16:30' };
const CAROL: OwnerOption = { login: 'carol', source: 'repo' };

function init(over: Partial<IssueFormInit> = {}): IssueFormInit {
  return {
    draftId: 'd1',
    repo: 'acme/payments',
    template: { key: 'action-item', name: 'Action item', about: '', kind: 'form', fields: [], labels: [], problems: [] },
    values: values({ title: 'from the host' }),
    owners: [BOB, CAROL],
    trusted: true,
    ...over,
  };
}

function derived(over: Partial<Derived> = {}): Derived {
  return { errors: [], dueOptions: [], preview: { title: '', body: '', labels: [], assignees: [] }, ...over };
}

/** A model showing `start`, as after the host's init. */
function started(start = init()): IssueFormModel {
  const model = new IssueFormModel();
  model.start(start, undefined);
  return model;
}

describe('Issue form model: where the values start', () => {
  it("starts from the host's draft and keeps it in webview state", () => {
    const model = new IssueFormModel();
    assert.equal(model.persisted(), undefined, 'nothing to keep before the init');
    assert.equal(model.start(init(), undefined), false, 'nothing to send back');
    assert.deepEqual(model.values, values({ title: 'from the host' }));
    assert.deepEqual(model.owners, [BOB, CAROL]);
    assert.deepEqual(model.persisted(), { draftId: 'd1', values: values({ title: 'from the host' }) });
  });

  it('prefers what was typed in this webview for the same draft, and sends it back to the host', () => {
    const typed = values({ title: 'a keystroke newer' });
    const model = new IssueFormModel();
    assert.equal(model.start(init(), { draftId: 'd1', values: typed }), true);
    assert.deepEqual(model.values, typed);
  });

  it("takes the host's values for another draft (and still sends them back after a reload)", () => {
    const model = new IssueFormModel();
    assert.equal(model.start(init(), { draftId: 'd0', values: values({ title: 'another draft' }) }), true);
    assert.equal(model.values.title, 'from the host');
    assert.equal(new IssueFormModel().start(init(), { draftId: 'd1' }), false, 'kept state without values');
  });

  it('records edits as new values, each touching its field', () => {
    const model = started();
    const before = model.values;
    model.set('title', 'Move the import');
    model.setAnswer('what', 'Nightly at 04:00');
    model.setAnswer('areas', ['API', 'Docs']);
    assert.deepEqual(model.values, values({ title: 'Move the import', answers: { what: 'Nightly at 04:00', areas: ['API', 'Docs'] } }));
    assert.equal(before.title, 'from the host', 'the earlier values are not changed in place');
    assert.deepEqual([...model.touched], ['title', 'what', 'areas']);
    assert.equal(model.answer('what'), 'Nightly at 04:00');
    assert.deepEqual(model.persisted()?.values, model.values);
  });

  it('ticks checkboxes in the order of their options', () => {
    const options = ['Tests', 'Docs', 'Changelog'];
    assert.deepEqual(tickOption(undefined, options, 'Docs', true), ['Docs']);
    assert.deepEqual(tickOption(['Docs'], options, 'Tests', true), ['Tests', 'Docs']);
    assert.deepEqual(tickOption(['Tests', 'Docs'], options, 'Tests', false), ['Docs']);
    assert.deepEqual(tickOption(['Docs'], options, 'Docs', true), ['Docs']);
    assert.deepEqual(tickOption(['Gone', 'Docs'], options, 'Changelog', true), ['Docs', 'Changelog'], 'a label no longer offered goes');
  });
});

describe('Issue form model: which errors show', () => {
  const errors = [
    { field: 'title', message: 'A title is required.' },
    { field: 'what', message: '"What" is required.' },
  ];

  it('shows nothing before the host derived anything', () => {
    const model = started();
    model.set('title', '');
    assert.equal(model.errorText('title'), '');
  });

  it("shows a field's error once it was touched, and every error once a submit was tried", () => {
    const model = started();
    model.derived = derived({ errors });
    assert.equal(model.errorText('title'), '', 'untouched: a new form is not all red');
    model.set('title', '');
    assert.equal(model.errorText('title'), 'A title is required.');
    assert.equal(model.errorText('what'), '');
    assert.deepEqual(model.submit(), { type: 'submit', values: model.values });
    assert.equal(model.showAllErrors, true);
    assert.equal(model.errorText('what'), '"What" is required.');
    assert.equal(model.errorText('owner'), '', 'no error, nothing shown');
  });

  it('a due choice touches the due field', () => {
    const model = started();
    model.derived = derived({ errors: [{ field: 'due', message: 'Not a date.' }] });
    model.chooseDue('+1 workday', '');
    assert.equal(model.errorText('due'), 'Not a date.');
  });
});

describe('Issue form model: submitting', () => {
  it('sends nothing before the init or while a submit is in flight', () => {
    const model = new IssueFormModel();
    assert.equal(model.submit(), undefined);
    assert.equal(model.showAllErrors, false);
    model.start(init(), undefined);
    model.set('title', 'Move the import');
    assert.deepEqual(model.submit(), { type: 'submit', values: values({ title: 'Move the import' }) });
    model.submitStarted();
    assert.equal(model.submit(), undefined);
    model.submitFailed();
    assert.deepEqual(model.submit(), { type: 'submit', values: values({ title: 'Move the import' }) }, 'Retry');
  });

  it('does not itself refuse a submit after the issue was created (the button is greyed out; the host answers)', () => {
    const model = started();
    model.submitStarted();
    model.created();
    assert.equal(model.submitting, false);
    assert.equal(model.submit()?.type, 'submit');
  });

  it('greys the button out while sending and once created; usable again after a failure', () => {
    const model = started();
    assert.equal(model.submitDisabled, false);
    model.submitStarted();
    assert.equal(model.submitDisabled, true);
    model.submitFailed();
    assert.equal(model.submitDisabled, false);
    model.submitStarted();
    model.created();
    assert.equal(model.submitDisabled, true);
    model.start(init(), model.persisted());
    assert.equal(model.submitDisabled, false, 'a new init draws a new button');
  });

  it('without a repository or in Restricted Mode the button stays greyed out', () => {
    for (const over of [{ repo: null }, { trusted: false }]) {
      const model = started(init(over));
      assert.equal(model.canEverSubmit(), false);
      assert.equal(model.submitDisabled, true);
      model.submitStarted();
      model.submitFailed();
      assert.equal(model.submitDisabled, true);
    }
  });

  it('words a failure: the retry time for rate limits, and whether the draft is kept', () => {
    const failure: SubmitFailure = { message: 'GitHub is rate limiting us.', kind: 'rate-limit', fieldErrors: [], queued: true };
    assert.equal(failureText(failure), 'GitHub is rate limiting us.');
    const retryAt = '2026-11-26T10:30:00Z';
    assert.equal(failureText({ ...failure, retryAt }), `GitHub is rate limiting us. Try again after ${new Date(retryAt).toLocaleTimeString()}.`);
    assert.equal(failureStatus(failure), 'Not sent: your draft is kept.');
    assert.equal(failureStatus({ ...failure, kind: 'cancelled' }), 'Not sent.');
  });
});

describe('Issue form model: owner and due texts', () => {
  it('labels owners from the team file with their time, others as assignable', () => {
    assert.equal(ownerLabel(BOB), 'Bob (@bob) · 08:12 Thu · working until 16:30');
    assert.equal(ownerLabel(CAROL), '@carol · can be assigned in the repository');
    assert.equal(ownerLabel({ login: 'dan', source: 'team' }), '@dan ·  · ');
  });

  it("offers the chosen owner even when the host's list lacks them (any case)", () => {
    const model = started();
    assert.deepEqual(model.ownerChoices(), [BOB, CAROL]);
    model.set('owner', 'BOB');
    assert.deepEqual(model.ownerChoices(), [BOB, CAROL]);
    model.set('owner', 'erin');
    assert.deepEqual(model.ownerChoices(), [BOB, CAROL, { login: 'erin', source: 'repo' }]);
    assert.deepEqual(model.owners, [BOB, CAROL], 'the list itself is not changed');
  });

  it("hints the owner's time, or that due dates use yours", () => {
    const model = started();
    assert.equal(model.ownerHint(), '');
    model.set('owner', 'Bob');
    assert.equal(model.ownerHint(), 'Their time now: 08:12 Thu · working until 16:30');
    model.set('owner', 'carol');
    assert.equal(model.ownerHint(), 'Not in the team file: their time zone is unknown, so due dates use yours.');
  });

  it('chooses a preset, no due date, or a date of your own', () => {
    const model = started();
    assert.deepEqual(model.dueSelection(), { selected: '' });
    model.chooseDue('end-of-day', '2026-11-30');
    assert.equal(model.values.due, 'end-of-day');
    assert.deepEqual(model.dueSelection(), { selected: 'end-of-day' });
    model.chooseDue('date', '');
    assert.equal(model.values.due, '', 'a date not yet picked is no due date');
    assert.deepEqual(model.dueSelection(), { selected: '' });
    model.chooseDue('date', '2026-11-30');
    assert.deepEqual(model.dueSelection(), { selected: 'date', date: '2026-11-30' });
    model.set('due', '2026-11-3');
    assert.deepEqual(model.dueSelection(), { selected: '2026-11-3' }, 'not a whole date: not the date field');
  });

  it('words the presets and the due hint as the host resolved them', () => {
    assert.equal(
      dueOptionText({ id: '+2 workdays', label: '+2 workdays', theirs: 'Mon 30 Nov 16:30 America/Los_Angeles' }),
      '+2 workdays: Mon 30 Nov 16:30 America/Los_Angeles',
    );
    assert.equal(dueOptionText({ id: 'end-of-day', label: 'End of their day', error: 'no working hours' }), 'End of their day (no working hours)');
    assert.equal(dueOptionText({ id: 'date', label: 'A date…' }), 'A date…');
    const model = started();
    assert.equal(model.dueHint(), '');
    model.derived = derived({ due: { error: 'Not a date.' } });
    assert.equal(model.dueHint(), '');
    model.derived = derived({ due: { theirs: 'Mon 30 Nov 16:30 America/Los_Angeles', yours: 'Tue 1 Dec 01:30 (your time)', line: 'Due: …' } });
    assert.equal(model.dueHint(), 'Mon 30 Nov 16:30 America/Los_Angeles for them · Tue 1 Dec 01:30 (your time)');
  });

  it('says what is sent besides the body', () => {
    const model = started();
    assert.equal(model.previewMeta(), '');
    model.derived = derived();
    assert.equal(model.previewMeta(), 'Title: (none) · Labels: none · Assignees: none');
    model.derived = derived({ preview: { title: 'Move it', body: '', labels: ['action-item', 'ops'], assignees: ['bob'] } });
    assert.equal(model.previewMeta(), 'Title: Move it · Labels: action-item, ops · Assignees: bob');
  });
});

describe('Issue form model: random sessions', () => {
  const texts: FormText[] = ['title', 'body', 'owner', 'due'];
  const fields = [...texts, 'what', 'areas'];

  it('errors follow touched and submit, a reload loses nothing, the button is usable only when a submit can start', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const start = init(pick([{}, { trusted: false }, { repo: null }]));
      let model = started(start);
      const touched = new Set<string>();
      let tried = false;
      for (let step = 0; step < 40; step++) {
        const action = pick(['text', 'answer', 'tick', 'derived', 'submit', 'submitting', 'failed', 'created', 'reload'] as const);
        if (action === 'text') {
          const field = pick(texts);
          model.set(field, pick(['', 'x', 'bob', '2026-11-30', 'end-of-day']));
          touched.add(field);
        } else if (action === 'answer') {
          model.setAnswer('what', pick(['', 'Nightly']));
          touched.add('what');
        } else if (action === 'tick') {
          model.setAnswer('areas', tickOption(model.answer('areas'), ['API', 'Docs'], pick(['API', 'Docs']), random() < 0.5));
          touched.add('areas');
        } else if (action === 'derived') {
          model.derived = derived({ errors: fields.filter(() => random() < 0.4).map((field) => ({ field, message: `${field} is wrong` })) });
        } else if (action === 'submit') {
          const message = model.submit();
          assert.equal(message === undefined, model.submitting, `seed ${seed}: a submit starts unless one is in flight`);
          if (message) assert.deepEqual(message, { type: 'submit', values: model.values });
          tried ||= !!message;
        } else if (action === 'submitting') model.submitStarted();
        else if (action === 'failed') model.submitFailed();
        else if (action === 'created') model.created();
        else {
          // A reload: a new page starts from the webview state (the host's init carries its older copy).
          const kept = model.persisted();
          const reloaded = new IssueFormModel();
          assert.equal(reloaded.start({ ...start, values: values() }, kept), true);
          assert.deepEqual(reloaded.values, model.values, `seed ${seed}: a reload keeps what was typed`);
          model = reloaded;
          touched.clear();
          tried = false;
        }
        for (const field of fields) {
          const error = model.derived?.errors.find((e) => e.field === field);
          assert.equal(model.errorText(field), error && (tried || touched.has(field)) ? error.message : '', `seed ${seed} step ${step}: ${field}`);
        }
        if (!model.submitDisabled) assert.ok(model.canEverSubmit() && !model.submitting, `seed ${seed} step ${step}: usable button`);
        if (!model.canEverSubmit()) assert.equal(model.submitDisabled, true);
      }
    }
  });
});
