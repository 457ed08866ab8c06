// Answers to a template, and the checks run before anything is sent. GitHub enforces
// `validations.required` only in public repositories ("Syntax for issue forms"); Async Desk enforces
// it everywhere, so an issue from a private repository is as complete as one from a public one.
import type { Answers, FormField, InputField, IssueTemplate } from './types';

/** The answer a Markdown template takes: its edited body. */
export const MARKDOWN_BODY = 'body';

export interface AnswerError {
  /** Field id, or 'title'. */
  field: string;
  message: string;
}

/** A field's answer as the form would submit it. An absent answer is the field as the form first
 *  showed it: `value` for inputs and textareas, the `default` option of a dropdown, nothing ticked. */
export function answerOf(field: InputField, answers: Answers): string | string[] {
  const given = Object.prototype.hasOwnProperty.call(answers, field.id) ? answers[field.id] : undefined;
  if (given !== undefined) return given;
  switch (field.type) {
    case 'input':
    case 'textarea':
      return field.value ?? '';
    case 'dropdown': {
      const first = field.default === undefined ? undefined : field.options[field.default];
      if (field.multiple) return first === undefined ? [] : [first];
      return first ?? '';
    }
    case 'checkboxes':
      return [];
    case 'upload':
      return '';
  }
}

/** Why an upload needs a step on github.com: the REST API takes no files. */
export const UPLOAD_NOTE = 'files are attached on github.com after the issue is created (the REST API takes no uploads)';

/** What to tell the user about an upload field: where the files go, and that a required upload is
 *  not enforced here (GitHub's `validations.required` cannot be met through the API). */
export function uploadNote(field: Extract<FormField, { type: 'upload' }>): string {
  const required = field.required ? ' the form marks as required' : '';
  const attach = field.required ? ' Attach them there; the issue is created without them.' : '';
  return `"${field.label}" is a file upload${required}: ${UPLOAD_NOTE}.${attach}`;
}

/** A note per upload field of a form, to show before sending. */
export function uploadNotes(template: IssueTemplate): { field: string; message: string }[] {
  if (template.kind !== 'form') return [];
  return template.fields.flatMap((f) => (f.type === 'upload' ? [{ field: f.id, message: uploadNote(f) }] : []));
}

const blank = (s: string) => s.trim() === '';

export function validateAnswers(template: IssueTemplate, title: string, answers: Answers): AnswerError[] {
  const errors: AnswerError[] = [];
  if (blank(title)) errors.push({ field: 'title', message: 'Add a title.' });
  if (template.kind === 'markdown') {
    for (const id of Object.keys(answers)) {
      if (id !== MARKDOWN_BODY)
        errors.push({ field: id, message: `"${id}" is not a field of ${template.name}: a Markdown template takes only "${MARKDOWN_BODY}".` });
      else if (typeof answers[id] !== 'string') errors.push({ field: id, message: 'The body must be text.' });
    }
    return errors;
  }
  const fields = template.fields.filter((f): f is InputField => f.type !== 'markdown');
  const known = new Set(fields.map((f) => f.id));
  let fieldList: string | undefined; // written once, not once per unknown answer
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) errors.push({ field: id, message: `"${id}" is not a field of ${template.name}. Its fields: ${(fieldList ??= listOf([...known]))}.` });
  }
  for (const field of fields) {
    const answer = answerOf(field, answers);
    const error = checkField(field, answer);
    if (error) errors.push({ field: field.id, message: error });
  }
  return errors;
}

/** At most LISTED names of a list for a message ("a, b, c and 997 more"): a form may have 100,000
 *  options, and one message naming them all helps nobody. */
const LISTED = 50;
function listOf(names: readonly string[]): string {
  return names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
}

// Answers are checked against Sets of the options, not by searching the option list per answer: with
// 100,000 options and as many answers that would be 10^10 comparisons.
function checkField(field: InputField, answer: string | string[]): string | null {
  const name = `"${field.label}"`;
  switch (field.type) {
    case 'input':
    case 'textarea':
      if (typeof answer !== 'string') return `${name} takes text, not a list.`;
      return field.required && blank(answer) ? `${name} is required.` : null;
    case 'dropdown': {
      const chosen = typeof answer === 'string' ? (answer === '' ? [] : [answer]) : answer;
      if (!field.multiple && Array.isArray(answer)) return `${name} takes one option, not a list.`;
      const options = new Set(field.options);
      const unknown = chosen.find((c) => !options.has(c));
      if (unknown !== undefined) return `"${unknown}" is not an option of ${name}. Options: ${listOf(field.options)}.`;
      if (new Set(chosen).size !== chosen.length) return `${name} lists an option twice.`;
      return field.required && chosen.length === 0 ? `${name} is required: choose ${field.multiple ? 'at least one option' : 'an option'}.` : null;
    }
    case 'checkboxes': {
      if (!Array.isArray(answer)) return `${name} takes the list of ticked options.`;
      const labels = new Set(field.options.map((o) => o.label));
      const unknown = answer.find((a) => !labels.has(a));
      if (unknown !== undefined) return `"${unknown}" is not an option of ${name}.`;
      const ticked = new Set(answer);
      const missing = field.options.filter((o) => o.required && !ticked.has(o.label));
      if (missing.length) return `${name} needs ${missing.length === 1 ? 'this' : 'these'} ticked: ${listOf(missing.map((o) => `"${o.label}"`))}`;
      return null;
    }
    case 'upload':
      // Never required here (see uploadNotes): the API cannot take the files.
      if (typeof answer === 'string' ? blank(answer) : answer.length === 0) return null;
      return `${name} is a file upload: ${UPLOAD_NOTE}; it takes no answer here.`;
  }
}
