// The issue form webview: renders the template's fields with @vscode-elements controls, the owner
// and due-date pickers and the exact request as a preview. Everything from the repository or GitHub
// (labels, descriptions, options, names) is set as textContent or attribute values, never as markup;
// Markdown (markdown elements, descriptions) arrives from the host as an inert tree (FieldView) that
// is built from elements and text nodes (markdown.ts). Every edit is sent to the host a moment later
// (it keeps the draft) and kept in webview state at once, so nothing typed is lost.
// The form's state and its decisions live in model.ts (no DOM), one field's controls in fields.ts,
// the pickers in owners.ts and due.ts, the result banner in result.ts; this file lays out the form,
// redraws what the host derived and moves messages between the page and the host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import type { HostToIssueFormMessage, IssueFormToHostMessage } from '../../src/protocol/issueForm';
import { button, el } from './dom';
import { DuePicker } from './due';
import { bodyField, ErrorSlots, renderField, titleField, type FieldForm } from './fields';
import { failureStatus, IssueFormModel, type Persisted } from './model';
import { OwnerPicker } from './owners';
import { ResultBanner } from './result';

declare function acquireVsCodeApi(): {
  postMessage(message: IssueFormToHostMessage): void;
  getState(): Persisted | undefined;
  setState(state: Persisted): void;
};
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
app.removeAttribute('aria-live'); // announcements go through #status and the banners instead

const model = new IssueFormModel();
let pending: ReturnType<typeof setTimeout> | undefined;

/** After an edit (the model has it): kept in webview state at once, sent to the host 150 ms after the last one. */
function changed(): void {
  const kept = model.persisted();
  if (kept) vscode.setState(kept);
  clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    vscode.postMessage({ type: 'change', values: model.values });
  }, 150);
}

function submit(): void {
  const message = model.submit();
  if (!message) return;
  clearTimeout(pending);
  pending = undefined;
  vscode.postMessage(message);
}

const copyBody = (): void => vscode.postMessage({ type: 'copyBody', values: model.values });

// ---- parts that outlive a re-render ----
const errors = new ErrorSlots();
const owners = new OwnerPicker(model, changed);
const due = new DuePicker(model, changed);
const result = new ResultBanner();
const statusLine = el('div', { className: 'status', id: 'status' });
statusLine.setAttribute('role', 'status');
statusLine.setAttribute('aria-live', 'polite');
const pushBanner = el('div', { className: 'banner', id: 'push-warning', hidden: true });
const preview = el('pre', { id: 'preview' });
const previewMeta = el('div', { className: 'hint', id: 'preview-meta' });
let submitButton: HTMLElement | undefined;

const fieldForm: FieldForm = {
  answer: (id) => model.answer(id),
  text: (field) => model.values[field],
  setAnswer(id, value) {
    model.setAnswer(id, value);
    changed();
  },
  setText(field, value) {
    model.set(field, value);
    changed();
  },
  errorSlot: (field) => errors.slot(field),
};

function renderSubmitButton(): void {
  submitButton?.toggleAttribute('disabled', model.submitDisabled);
}

/** What the host derived from the values: errors, the owner warning, push access, the preview, the due date. */
function renderDerived(): void {
  const derived = model.derived;
  if (!derived || !model.init) return;
  errors.show((field) => model.errorText(field));
  owners.renderWarning();
  pushBanner.hidden = !derived.pushWarning;
  pushBanner.textContent = derived.pushWarning ?? '';
  preview.textContent = derived.preview.body;
  previewMeta.textContent = model.previewMeta();
  due.render();
  owners.renderHint();
}

function render(): void {
  const init = model.init;
  if (!init) return;
  errors.clear();
  const t = init.template;
  const header = el(
    'header',
    {},
    el('h1', { textContent: `New issue: ${t.name}` }),
    ...(t.about ? [el('p', { className: 'about', textContent: t.about })] : []),
    el('p', {
      className: 'meta',
      textContent: [init.repo ?? 'no GitHub repository', init.source, t.labels.length ? `labels: ${t.labels.join(', ')}` : ''].filter(Boolean).join(' · '),
    }),
  );
  const problems = t.problems.length
    ? el(
        'div',
        { className: 'banner error' },
        el('div', { textContent: 'This template has problems (see the Problems panel):' }),
        el('ul', {}, ...t.problems.map((p) => el('li', { textContent: p }))),
      )
    : '';
  const repoProblem = init.repoProblem ? el('div', { className: 'banner error', textContent: init.repoProblem }) : '';

  const title = titleField(fieldForm);
  const body = t.kind === 'markdown' ? [bodyField(fieldForm)] : t.fields.map((field) => renderField(field, fieldForm));
  const ownerField = owners.field(errors.slot('owner'));
  const dueField = due.field(errors.slot('due'));

  submitButton = button('Create issue', submit, false, 'submit');
  renderSubmitButton();
  const details = el('details', { className: 'preview' }, el('summary', { textContent: 'Preview: exactly what is sent' }), previewMeta, preview);
  app.replaceChildren(
    header,
    problems,
    repoProblem,
    pushBanner,
    result.element,
    title,
    // Owner and due date first: they are what makes it agreed, and their lists need room below.
    el('div', { className: 'row' }, ownerField, dueField),
    ...body,
    details,
    el(
      'div',
      { className: 'submit-row' },
      submitButton,
      button('Copy body', copyBody, true),
      button('Discard draft', () => vscode.postMessage({ type: 'discard' }), true),
      statusLine,
    ),
  );
  owners.renderOptions();
  renderDerived();
  statusLine.textContent = 'Draft saved as you type.';
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
});

window.addEventListener('message', (event: MessageEvent<HostToIssueFormMessage>) => {
  const m = event.data;
  switch (m?.type) {
    case 'init': {
      const resend = model.start(m.init, vscode.getState());
      vscode.setState(model.persisted()!);
      render();
      if (resend) vscode.postMessage({ type: 'change', values: model.values });
      break;
    }
    case 'derived':
      model.derived = m.derived;
      renderDerived();
      break;
    case 'owners':
      model.owners = m.owners;
      owners.renderOptions();
      break;
    case 'submitting':
      model.submitStarted();
      renderSubmitButton();
      result.hide();
      statusLine.textContent = 'Creating the issue…';
      break;
    case 'failed':
      model.submitFailed();
      renderSubmitButton();
      result.failed(m.failure, submit, copyBody);
      errors.showErrors(m.failure.fieldErrors);
      statusLine.textContent = failureStatus(m.failure);
      break;
    case 'created':
      model.created();
      result.created(m, () => vscode.postMessage({ type: 'openIssue', url: m.url }));
      statusLine.textContent = 'Created. You can close this tab.';
      renderSubmitButton();
      break;
  }
});

const restored = vscode.getState();
if (restored) vscode.setState(restored);
vscode.postMessage({ type: 'ready' });
