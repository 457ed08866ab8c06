// The typed messages between the extension host and the issue form webview ("Open Issue from
// Template…"). The webview bundle imports only types from here (and, through here, core types).
import type { FormField } from '../core/issues/types';
import type { MdBlock, MdInline } from '../core/shared/markdownTree';

export type { FormField, MdBlock, MdInline };

/**
 * A field as the form shows it: Markdown (a `markdown` element's text, a description) comes parsed
 * into an inert tree (core/markdownTree) that the webview builds with textContent, never as HTML.
 */
export type FieldView = FormField & {
  markdown?: MdBlock[];
  descriptionMarkdown?: MdBlock[];
  /** Upload fields: where the files go (attached on github.com after the issue is created: the REST
   *  API takes no uploads), and that a required upload does not block the submission. */
  note?: string;
};

/** What the user has entered; saved as a draft on every change. */
export interface FormValues {
  title: string;
  /** Form field id → text, or the chosen options / ticked checkbox labels. */
  answers: Record<string, string | string[]>;
  /** Markdown templates: the body text. */
  body: string;
  /** GitHub login of the owner ('' = nobody yet). */
  owner: string;
  /** A due preset id ('end-of-day', '+1 workday', …), a 'YYYY-MM-DD' date, or '' for none. */
  due: string;
}

export interface OwnerOption {
  login: string;
  name?: string;
  /** From the team file, or only an assignable user of the repository. */
  source: 'team' | 'repo';
  /** '14:32 Wed', their local time now (team members). */
  localTime?: string;
  state?: 'away' | 'busy' | 'focus' | 'working' | 'off';
  /** 'working until 17:30', 'back Mon 09:00 (in 2 d 18 h)'. */
  stateText?: string;
}

export interface DueOption {
  /** Preset id or 'date'. */
  id: string;
  label: string;
  /** Resolved for the chosen owner: 'Thu 26 Nov 17:30 Europe/Berlin'. */
  theirs?: string;
  /** The same instant in your zone: 'Thu 26 Nov 17:30 (your time)'. */
  yours?: string;
  error?: string;
}

export interface TemplateView {
  key: string;
  name: string;
  about: string;
  kind: 'form' | 'markdown';
  fields: FieldView[];
  labels: string[];
  /** Template problems (broken YAML etc.) shown above the form. */
  problems: string[];
}

export interface IssueFormInit {
  draftId: string;
  /** 'owner/repo', or null when the workspace has no GitHub remote. */
  repo: string | null;
  repoProblem?: string;
  template: TemplateView;
  values: FormValues;
  owners: OwnerOption[];
  trusted: boolean;
  /** Where the form was opened from, e.g. 'Decision ADR-0003 Adopt event sourcing'. */
  source?: string;
}

/** What the host computes from the values (validation, due date, the exact request, warnings). */
export interface Derived {
  errors: { field: string; message: string }[];
  dueOptions: DueOption[];
  /** Resolved due date of the current choice. */
  due?: { theirs: string; yours: string; line: string } | { error: string };
  ownerWarning?: string;
  /** Exactly what is sent. */
  preview: { title: string; body: string; labels: string[]; assignees: string[] };
  /** Push access: unknown until checked. */
  pushWarning?: string;
}

export interface SubmitFailure {
  message: string;
  kind: string;
  /** GitHub's 422 field errors mapped onto the form (field id, 'title', 'owner', 'labels'…). */
  fieldErrors: { field: string; message: string }[];
  /** Rate limits: when to try again (ISO). */
  retryAt?: string;
  /** The draft is in the outbox and will be retried when GitHub is reachable. */
  queued: boolean;
}

export type HostToIssueFormMessage =
  | { type: 'init'; init: IssueFormInit }
  | { type: 'derived'; derived: Derived }
  | { type: 'owners'; owners: OwnerOption[] }
  | { type: 'submitting' }
  | { type: 'failed'; failure: SubmitFailure }
  | { type: 'created'; number: number; url: string; warnings: string[]; reused: boolean };

export type IssueFormToHostMessage =
  | { type: 'ready' }
  | { type: 'change'; values: FormValues }
  | { type: 'submit'; values: FormValues }
  | { type: 'copyBody'; values: FormValues }
  | { type: 'openIssue'; url: string }
  | { type: 'discard' };
