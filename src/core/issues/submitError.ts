// A failed submit in words for the issue form and the outbox: the classified GitHubError's sentence,
// GitHub's 422 field errors mapped onto the form's fields, and when a rate limit lifts.
import { jsonText, toGitHubError, type FieldError, type GitHubErrorKind } from '../github/errors';

export interface SubmitFieldError {
  /** The form field: 'title' | 'body' | 'labels' | 'assignees' | 'milestone' | 'type', or GitHub's own name for others. */
  field: string;
  message: string;
}

export interface SubmitErrorDescription {
  kind: GitHubErrorKind;
  message: string;
  fieldErrors: SubmitFieldError[];
  /** When a rate limit lifts (ISO 8601): retry after it. */
  retryAt?: string;
  /** OAuth scopes GitHub said are missing: offer to sign in again with them. */
  neededScopes?: string[];
}

// GitHub names the request's fields; `assignee` and `label` are older spellings of the same fields.
const FORM_FIELDS: Record<string, string> = {
  title: 'title',
  body: 'body',
  labels: 'labels',
  label: 'labels',
  assignees: 'assignees',
  assignee: 'assignees',
  milestone: 'milestone',
  type: 'type',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text: string) => capitalize(text.trim()).replace(/([^.!?])$/, '$1.');

function fieldError(e: FieldError): SubmitFieldError {
  const field = FORM_FIELDS[e.field ?? ''] ?? e.field ?? e.resource ?? 'issue';
  // GitHub's own sentence when it gave one ("body is too long (maximum is 65536 characters)").
  if (e.message) return { field, message: sentence(e.message) };
  const values = e.value === undefined || e.value === null ? [] : Array.isArray(e.value) ? e.value.map(String) : [jsonText(e.value)];
  const shown = values.map((v) => `"${v}"`).join(', ');
  switch (e.code) {
    case 'missing':
    case 'missing_field':
      return { field, message: field === 'title' ? 'A title is required.' : `${capitalize(field)} is required.` };
    case 'invalid':
      if (field === 'assignees')
        return { field, message: `${values.map((v) => `@${v}`).join(', ') || 'Someone'} cannot be assigned issues in this repository.` };
      if (field === 'milestone')
        return { field, message: `The milestone${values.length ? ` ${values.join(', ')}` : ''} does not exist in this repository (it may have been deleted).` };
      if (field === 'type') return { field, message: `${shown || 'The type'} is not an issue type of this repository.` };
      if (field === 'labels')
        return {
          field,
          message: values.length ? `The label${values.length > 1 ? 's' : ''} ${shown} ${values.length > 1 ? 'are' : 'is'} not valid.` : 'A label is not valid.',
        };
      return { field, message: `${shown || capitalize(field)} is not valid.` };
    case 'already_exists':
      return { field, message: `${shown || capitalize(field)} already exists.` };
    default:
      return { field, message: `${capitalize(field)}: ${e.code.replace(/_/g, ' ')}${shown ? ` (${shown})` : ''}.` };
  }
}

// A request that may have reached GitHub before it failed: say that retrying is safe.
const MAYBE_CREATED: ReadonlySet<GitHubErrorKind> = new Set(['timeout', 'server', 'offline']);

/** Maps any failure of submitIssue to words, form fields and a retry time. */
export function describeSubmitError(error: unknown): SubmitErrorDescription {
  const e = toGitHubError(error);
  const fieldErrors = (e.fieldErrors ?? []).map(fieldError);
  let message = e.message;
  if (e.kind === 'validation' && fieldErrors.length) {
    message = `GitHub did not accept the issue: ${fieldErrors.map((f) => f.message).join(' ')} Correct the form and submit again.`;
  } else if (MAYBE_CREATED.has(e.kind)) {
    message += ' Retrying is safe: if GitHub created the issue after all, a retry finds it rather than creating a second one.';
  }
  return {
    kind: e.kind,
    message,
    fieldErrors,
    ...(e.resetAt ? { retryAt: e.resetAt.toISOString() } : {}),
    ...(e.neededScopes?.length ? { neededScopes: e.neededScopes } : {}),
  };
}
