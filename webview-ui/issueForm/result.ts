// The banner that says what a submit came to: not sent (the host's message, whether the draft waits
// in the outbox, Retry and Copy body) or created (a link to the issue and the host's warnings). The
// message texts come from the host and go in as textContent.
import type { SubmitFailure } from '../../src/protocol/issueForm';
import { button, el, link } from './dom';
import { failureText } from './model';

export class ResultBanner {
  readonly element = el('div', { className: 'banner', id: 'result', hidden: true });

  constructor() {
    this.element.setAttribute('role', 'alert');
  }

  hide(): void {
    this.element.hidden = true;
  }

  failed(failure: SubmitFailure, retry: () => void, copyBody: () => void): void {
    this.element.hidden = false;
    this.element.className = 'banner error';
    this.element.replaceChildren(
      el('div', { textContent: failureText(failure) }),
      ...(failure.queued
        ? [el('div', { className: 'hint', textContent: 'It is in the issue outbox and will be sent when GitHub can be reached (or use Retry).' })]
        : []),
      el('div', { className: 'actions row' }, button('Retry', retry, false, 'retry'), button('Copy body', copyBody, true, 'copy-body')),
    );
  }

  created(issue: { number: number; url: string; warnings: string[]; reused: boolean }, openIssue: () => void): void {
    this.element.hidden = false;
    this.element.className = 'banner ok';
    this.element.replaceChildren(
      el('div', {}, issue.reused ? 'This issue was already created: ' : 'Created ', link(`#${issue.number}`, openIssue), ` ${issue.url}`),
      ...issue.warnings.map((w) => el('div', { className: 'warning', textContent: w })),
    );
  }
}
