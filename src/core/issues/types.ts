// The issue-template model (SPEC §3, issue 5) shared by the extension, the CLI and the tests. Pure data.
import type { Problem } from '../shared/problem';

export type { Problem };

/** One element of an issue form's `body`. Lines are 0-based (the `- type:` line of the element). */
export type FormField =
  | { type: 'markdown'; value: string; line: number }
  | { type: 'input'; id: string; label: string; description?: string; placeholder?: string; value?: string; required: boolean; line: number }
  | {
      type: 'textarea';
      id: string;
      label: string;
      description?: string;
      placeholder?: string;
      value?: string;
      render?: string;
      required: boolean;
      line: number;
    }
  | {
      type: 'dropdown';
      id: string;
      label: string;
      description?: string;
      options: string[];
      multiple: boolean;
      default?: number;
      required: boolean;
      line: number;
    }
  | {
      type: 'checkboxes';
      id: string;
      label: string;
      description?: string;
      options: { label: string; required: boolean }[];
      /** Any option is required. */
      required: boolean;
      line: number;
    }
  /** File attachments (`type: upload`). The REST API takes no uploads: the files are attached on
   *  github.com after the issue is created, and the body has "_No response_" for the field.
   *  `required` is GitHub's `validations.required`; it never blocks a submission here. */
  | { type: 'upload'; id: string; label: string; description?: string; required: boolean; line: number };

/** The fields that take an answer (every type but markdown). */
export type InputField = Exclude<FormField, { type: 'markdown' }>;

export interface IssueTemplate {
  kind: 'form' | 'markdown';
  /** Root-relative path; '' for built-ins. */
  file: string;
  builtIn: boolean;
  /** File name without extension ('bug_report'); for built-ins a stable key ('action-item', 'blocker', 'decision-follow-up', 'decision-review'). */
  key: string;
  name: string;
  /** `about` (Markdown) or `description` (forms). */
  about: string;
  title: string;
  labels: string[];
  assignees: string[];
  projects: string[];
  type?: string;
  /** Markdown templates: the starting body text. Forms: ''. */
  body: string;
  fields: FormField[];
  problems: Problem[];
}

export interface ContactLink {
  name: string;
  url: string;
  about: string;
}

export interface TemplateSet {
  templates: IssueTemplate[];
  blankIssuesEnabled: boolean;
  contactLinks: ContactLink[];
  /** Problems not attached to a listed template: config.yml, templates left out (no usable name),
   *  folders that could not be read. A listed template's own problems are in its `problems`. */
  problems: Problem[];
}

/** Field id → string (input, textarea, single dropdown) or string[] (multi-select dropdown: the chosen
 *  options; checkboxes: the labels of the ticked options). Markdown templates answer 'body'. */
export type Answers = Record<string, string | string[]>;

export type DuePreset = 'end-of-day' | '+1 workday' | '+2 workdays' | '+3 workdays' | 'friday';

export interface ResolvedDue {
  /** Owner's local date 'YYYY-MM-DD' (of the due instant). */
  date: string;
  /** The instant (end of their working day that date), ISO 8601 with their offset. */
  at: string;
  zone: string;
  /** 'Mon' … 'Sun' */
  weekday: string;
  /** 'HH:MM' local */
  time: string;
  /** How it was chosen: 'end of day', 'end of next working day', '+3 workdays', '+2 days',
   *  'Friday end of day', 'end of their working week', 'chosen date'. */
  rule: string;
  /** Said when the due date is not a working day of theirs (a chosen date, '+N days'). */
  warning?: string;
}
