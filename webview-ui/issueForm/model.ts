// The issue form webview's state and its decisions, without the DOM: the values typed so far, what the
// host derived from them, the owners to offer, which errors to show (a field's once it was touched,
// all of them once a submit was tried), whether a submit is in flight and the button usable, and what
// is kept in webview state (vscode.setState) so a reload loses nothing. Also the form's words that
// follow from this state (owner and due-date texts, the preview line). main.ts renders it and moves
// messages; test/unit/issueForm/model.test.ts runs it in plain Node. Only types come from the host side.
import type { Derived, DueOption, FormValues, IssueFormInit, IssueFormToHostMessage, OwnerOption, SubmitFailure } from '../../src/protocol/issueForm';

/** What the webview keeps across a reload of the page (VS Code's webview state). */
export interface Persisted {
  /** The draft these values belong to: another draft starts from the host's values. */
  draftId: string;
  values?: FormValues;
}

/** The values that are not a template field's answer (each one is also the name of its error slot). */
export type FormText = 'title' | 'body' | 'owner' | 'due';

const emptyValues = (): FormValues => ({ title: '', answers: {}, body: '', owner: '', due: '' });

const isDate = (due: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(due);

const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A checkbox ticked or cleared: the ticked labels, in the order of the field's options. */
export function tickOption(current: string | string[] | undefined, options: string[], label: string, checked: boolean): string[] {
  const now = new Set((current as string[] | undefined) ?? []);
  if (checked) now.add(label);
  else now.delete(label);
  return options.filter((l) => now.has(l));
}

/** An owner as the picker lists them: team members with their time and state, others as assignable. */
export function ownerLabel(o: OwnerOption): string {
  const who = o.name ? `${o.name} (@${o.login})` : `@${o.login}`;
  return o.source === 'team' ? `${who} · ${o.localTime ?? ''} · ${o.stateText ?? ''}` : `${who} · can be assigned in the repository`;
}

/** A due preset as the picker lists it: resolved for the owner, or why it cannot be. */
export function dueOptionText(d: DueOption): string {
  return d.theirs ? `${d.label}: ${d.theirs}` : d.error ? `${d.label} (${d.error})` : d.label;
}

/** The first line of the failure banner (with when to try again, for rate limits). */
export function failureText(failure: SubmitFailure): string {
  const retryAt = failure.retryAt ? ` Try again after ${new Date(failure.retryAt).toLocaleTimeString()}.` : '';
  return `${failure.message}${retryAt}`;
}

export function failureStatus(failure: SubmitFailure): string {
  return failure.kind === 'cancelled' ? 'Not sent.' : 'Not sent: your draft is kept.';
}

export class IssueFormModel {
  /** The host's first message (undefined: nothing to show yet). */
  init: IssueFormInit | undefined;
  values: FormValues = emptyValues();
  /** The host's last answer to the values (validation, due dates, the exact request). */
  derived: Derived | undefined;
  owners: OwnerOption[] = [];
  /** Errors are shown once a field was touched or a submit was tried. */
  showAllErrors = false;
  readonly touched = new Set<string>();
  /** A submit is in flight: another one is not sent. */
  submitting = false;
  /** The submit button is greyed out: no repository, Restricted Mode, a submit in flight, or the issue created. */
  submitDisabled = true;

  /**
   * The host's init. What was typed in this webview (`kept`, the webview state) wins over the host's
   * copy of the same draft: it may be a keystroke newer. Returns whether to send the values back to
   * the host at once (the webview had kept values: a reload).
   */
  start(init: IssueFormInit, kept: Persisted | undefined): boolean {
    this.init = init;
    this.values = kept?.draftId === init.draftId && kept.values ? kept.values : init.values;
    this.owners = init.owners;
    this.submitDisabled = !this.canEverSubmit();
    return !!kept?.values;
  }

  /** What to keep in webview state (nothing before the host's init). */
  persisted(): Persisted | undefined {
    return this.init ? { draftId: this.init.draftId, values: this.values } : undefined;
  }

  // ---- your edits (each one touches its field) ----

  answer(id: string): string | string[] | undefined {
    return this.values.answers[id];
  }

  setAnswer(id: string, value: string | string[]): void {
    this.values = { ...this.values, answers: { ...this.values.answers, [id]: value } };
    this.touched.add(id);
  }

  set(field: FormText, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.touched.add(field);
  }

  /** The due picker changed: a preset, none (''), or 'date' with the date field's value. */
  chooseDue(choice: string, date: string): void {
    this.set('due', choice === 'date' ? date || '' : choice);
  }

  /** The error shown under a field now ('' for none). */
  errorText(field: string): string {
    const error = this.derived?.errors.find((e) => e.field === field);
    return error && (this.showAllErrors || this.touched.has(field)) ? error.message : '';
  }

  // ---- submitting ----

  /** Repository known and the workspace trusted: the form can create issues at all. */
  canEverSubmit(): boolean {
    return !!this.init?.trusted && !!this.init.repo;
  }

  /** Tries a submit: the message for the host, or undefined when none can start now. From now on all errors show. */
  submit(): IssueFormToHostMessage | undefined {
    if (this.submitting || !this.init) return undefined;
    this.showAllErrors = true;
    return { type: 'submit', values: this.values };
  }

  submitStarted(): void {
    this.submitting = true;
    this.submitDisabled = true;
  }

  /** Not sent: the draft is kept and the button is usable again (when it ever was). */
  submitFailed(): void {
    this.submitting = false;
    if (this.canEverSubmit()) this.submitDisabled = false;
  }

  created(): void {
    this.submitting = false;
    this.submitDisabled = true;
  }

  // ---- what the owner and due pickers say ----

  /** The owners to offer: the host's list, plus the chosen owner when it is not in it (a draft from earlier). */
  ownerChoices(): OwnerOption[] {
    const owner = this.values.owner;
    const list = [...this.owners];
    if (owner && !list.some((o) => sameLogin(o.login, owner))) list.push({ login: owner, source: 'repo' });
    return list;
  }

  ownerHint(): string {
    const owner = this.values.owner;
    const o = this.owners.find((x) => sameLogin(x.login, owner));
    if (o?.source === 'team') return `Their time now: ${o.localTime} · ${o.stateText}`;
    return owner ? 'Not in the team file: their time zone is unknown, so due dates use yours.' : '';
  }

  /** The due picker's choice ('' none, a preset id, or 'date') and, for 'date', the date. */
  dueSelection(): { selected: string; date?: string } {
    const due = this.values.due;
    return isDate(due) ? { selected: 'date', date: due } : { selected: due };
  }

  dueHint(): string {
    const due = this.derived?.due;
    return !due || 'error' in due ? '' : `${due.theirs} for them · ${due.yours}`;
  }

  /** The line above the preview: what else is sent with the body. */
  previewMeta(): string {
    if (!this.derived) return '';
    const { title, labels, assignees } = this.derived.preview;
    return `Title: ${title || '(none)'} · Labels: ${labels.join(', ') || 'none'} · Assignees: ${assignees.join(', ') || 'none'}`;
  }
}
