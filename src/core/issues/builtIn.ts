// Templates for async work, offered when a repository has none of its own. Forms, so they render and
// validate like a repository's forms; each asks for what a reader in another time zone needs to act
// without a meeting: what, why, and when it is done. Keys are stable: the team file can give them
// defaults (`issues.templates.blocker.due`).
import type { FormField, IssueTemplate } from './types';

type Field = FormField extends infer F ? (F extends { line: number } ? Omit<F, 'line'> : never) : never;

function form(key: string, name: string, about: string, title: string, labels: string[], fields: Field[]): IssueTemplate {
  return {
    kind: 'form',
    file: '',
    builtIn: true,
    key,
    name,
    about,
    title,
    labels,
    assignees: [],
    projects: [],
    body: '',
    fields: fields.map((f) => ({ ...f, line: 0 })),
    problems: [],
  };
}

const link = (id: string, label: string, description: string, required: boolean): Field => ({ type: 'input', id, label, description, required });
const text = (id: string, label: string, description: string, required: boolean, placeholder?: string): Field => ({
  type: 'textarea',
  id,
  label,
  description,
  ...(placeholder ? { placeholder } : {}),
  required,
});
const choice = (id: string, label: string, options: string[], required: boolean): Field => ({
  type: 'dropdown',
  id,
  label,
  options,
  multiple: false,
  required,
});

export const BUILT_IN_TEMPLATES: IssueTemplate[] = [
  form(
    'action-item',
    'Action item',
    'One thing to do, with one owner and a due date.',
    'Action: ',
    ['action-item'],
    [
      text('what', 'What needs to happen', 'Write it so someone who missed the discussion can start without asking.', true),
      text('done-when', 'Done when', 'How the owner and everyone else will know it is finished.', true, '- [ ] …'),
      link('context', 'Where it came from', 'A decision record, standup, pull request or thread.', false),
    ],
  ),
  form(
    'blocker',
    'Blocker',
    'Someone cannot move until something or someone unblocks them.',
    'Blocked: ',
    ['blocker'],
    [
      text('blocked', 'What is blocked', 'The work that is stuck, and since when.', true),
      link('waiting-on', 'Waiting on', 'The person, team or thing that can unblock it (@mention people).', true),
      choice('impact', 'Impact', ['Blocks a release or a customer', 'Blocks one person', 'Slows us down'], true),
      text('tried', 'Tried so far', 'What was tried, so nobody repeats it overnight.', false),
    ],
  ),
  form(
    'decision-follow-up',
    'Decision follow-up',
    'Work that a decision record calls for.',
    'Follow-up: ',
    ['decision', 'follow-up'],
    [
      link('decision', 'Decision record', 'Path or link, e.g. docs/decisions/0007-publish-ledger-events.md', true),
      text('work', 'What to do', 'The follow-up the decision needs.', true),
      text('done-when', 'Done when', 'How everyone will know it is finished.', false),
    ],
  ),
  form(
    'decision-review',
    'Review a decision',
    'Reopen a decision whose review date has passed or whose review trigger fired.',
    'Review: ',
    ['decision', 'review'],
    [
      link('decision', 'Decision record', 'Path or link, e.g. docs/decisions/0003-use-postgresql.md', true),
      choice('why-now', 'Why now', ['The review-by date passed', 'The review trigger fired', 'New information'], true),
      text('changed', 'What changed', 'Numbers, incidents or constraints since the decision. Link them.', true),
      choice('outcome', 'Proposed outcome', ['Keep it and set a new review-by date', 'Amend the record', 'Supersede it', 'Deprecate it'], false),
    ],
  ),
];
