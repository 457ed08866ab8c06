// The issue form webview: renders the template's fields with @vscode-elements controls, the owner
// and due-date pickers and the exact request as a preview. Everything from the repository or GitHub
// (labels, descriptions, options, names) is set as textContent or attribute values, never as markup;
// Markdown (markdown elements, descriptions) arrives from the host as an inert tree (FieldView) that
// is built here from elements and text nodes. Every edit is sent to the host at once (it keeps
// the draft) and kept in webview state, so nothing typed is lost.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import type {
  Derived,
  FieldView,
  FormValues,
  HostToIssueFormMessage,
  IssueFormInit,
  IssueFormToHostMessage,
  MdBlock,
  MdInline,
  OwnerOption,
  SubmitFailure,
} from '../../src/protocol/issueForm';

declare function acquireVsCodeApi(): {
  postMessage(message: IssueFormToHostMessage): void;
  getState(): { draftId: string; values?: FormValues } | undefined;
  setState(state: { draftId: string; values?: FormValues }): void;
};
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
app.removeAttribute('aria-live');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(label: string, onClick: () => void, secondary = false, id?: string): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  if (id) b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

let init: IssueFormInit | undefined;
let values: FormValues;
let derived: Derived | undefined;
let owners: OwnerOption[] = [];
/** Errors are shown once a field was touched or a submit was tried. */
let showAllErrors = false;
const touched = new Set<string>();
let submitting = false;
let pending: ReturnType<typeof setTimeout> | undefined;

const errorSlots = new Map<string, HTMLElement>();
const statusLine = el('div', { className: 'status', id: 'status' });
statusLine.setAttribute('role', 'status');
statusLine.setAttribute('aria-live', 'polite');
const banner = el('div', { className: 'banner', id: 'result', hidden: true });
banner.setAttribute('role', 'alert');
const pushBanner = el('div', { className: 'banner', id: 'push-warning', hidden: true });
const ownerHint = el('div', { className: 'hint', id: 'owner-hint' });
const ownerWarning = el('div', { className: 'warning', id: 'owner-warning' });
const dueHint = el('div', { className: 'hint', id: 'due-hint' });
const preview = el('pre', { id: 'preview' });
const previewMeta = el('div', { className: 'hint', id: 'preview-meta' });
let ownerSelect: HTMLElementTagNameMap['vscode-single-select'] | undefined;
let dueSelect: HTMLElementTagNameMap['vscode-single-select'] | undefined;
let dueDate: HTMLElementTagNameMap['vscode-textfield'] | undefined;
let submitButton: HTMLElement | undefined;

function changed(field?: string): void {
  if (field) touched.add(field);
  vscode.setState({ draftId: init!.draftId, values });
  clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    vscode.postMessage({ type: 'change', values });
  }, 150);
}

function labelFor(id: string, text: string, required: boolean): HTMLElement {
  const label = document.createElement('vscode-label');
  label.setAttribute('for', id);
  label.textContent = text;
  label.required = required;
  return label;
}

function errorSlot(field: string): HTMLElement {
  const slot = el('div', { className: 'error', id: `error-${field}` });
  slot.setAttribute('aria-live', 'polite');
  errorSlots.set(field, slot);
  return slot;
}

/** Markdown from the host's tree: elements and text nodes only (links open outside, via VS Code). */
function markdownNodes(blocks: MdBlock[]): HTMLElement[] {
  const inline = (nodes: MdInline[]): (Node | string)[] =>
    nodes.map((n) => {
      switch (n.t) {
        case 'text':
          return n.v;
        case 'code':
          return el('code', { textContent: n.v });
        case 'br':
          return el('br');
        case 'a':
          return el('a', { href: n.href, title: n.href }, ...inline(n.c));
        default:
          return el(n.t, {}, ...inline(n.c));
      }
    });
  const block = (b: MdBlock): HTMLElement => {
    switch (b.t) {
      case 'p':
        return el('p', {}, ...inline(b.c));
      case 'h':
        return el(`h${Math.min(6, Math.max(3, b.level + 2))}` as 'h3', {}, ...inline(b.c));
      case 'ul':
        return el('ul', {}, ...b.items.map((item) => el('li', {}, ...item.map(block))));
      case 'ol':
        return el('ol', { start: b.start }, ...b.items.map((item) => el('li', {}, ...item.map(block))));
      case 'quote':
        return el('blockquote', {}, ...b.c.map(block));
      case 'pre':
        return el('pre', {}, el('code', { textContent: b.v }));
      case 'hr':
        return el('hr');
    }
  };
  return blocks.map(block);
}

function describe(field: FieldView): (HTMLElement | string)[] {
  if (!('description' in field) || !field.description) return [];
  return [el('div', { className: 'description md' }, ...(field.descriptionMarkdown ? markdownNodes(field.descriptionMarkdown) : [field.description]))];
}

function answer(id: string): string | string[] | undefined {
  return values.answers[id];
}

function renderField(field: FieldView): HTMLElement {
  if (field.type === 'markdown') return el('div', { className: 'markdown-note md' }, ...(field.markdown ? markdownNodes(field.markdown) : [field.value]));
  const id = `field-${field.id}`;
  const wrap = el('div', { className: 'field' });
  wrap.dataset.field = field.id;
  switch (field.type) {
    case 'input': {
      const input = document.createElement('vscode-textfield');
      input.id = id;
      input.value = String(answer(field.id) ?? '');
      if (field.placeholder) input.placeholder = field.placeholder;
      input.addEventListener('input', () => {
        values.answers[field.id] = input.value;
        changed(field.id);
      });
      wrap.append(labelFor(id, field.label, field.required), ...describe(field), input);
      break;
    }
    case 'textarea': {
      const area = document.createElement('vscode-textarea');
      area.id = id;
      area.rows = 5;
      area.resize = 'vertical';
      area.monospace = !!field.render;
      area.value = String(answer(field.id) ?? '');
      if (field.placeholder) area.placeholder = field.placeholder;
      area.addEventListener('input', () => {
        values.answers[field.id] = area.value;
        changed(field.id);
      });
      wrap.append(
        labelFor(id, field.label, field.required),
        ...describe(field),
        ...(field.render ? [el('div', { className: 'hint', textContent: `Shown as ${field.render} code` })] : []),
        area,
      );
      break;
    }
    case 'dropdown': {
      const select = document.createElement(field.multiple ? 'vscode-multi-select' : 'vscode-single-select');
      select.id = id;
      const current = answer(field.id);
      const chosen = new Set(Array.isArray(current) ? current : current ? [current] : []);
      if (!field.multiple) {
        const none = document.createElement('vscode-option');
        none.textContent = 'None';
        none.setAttribute('value', '');
        if (chosen.size === 0) none.setAttribute('selected', '');
        select.append(none);
      }
      for (const option of field.options) {
        const o = document.createElement('vscode-option');
        o.textContent = option;
        o.setAttribute('value', option);
        if (chosen.has(option)) o.setAttribute('selected', '');
        select.append(o);
      }
      select.addEventListener('change', () => {
        const v = (select as unknown as { value: string | string[] }).value;
        values.answers[field.id] = field.multiple ? [...(v as string[])] : v;
        changed(field.id);
      });
      wrap.append(labelFor(id, field.label, field.required), ...describe(field), select);
      break;
    }
    case 'checkboxes': {
      const group = el('div', { className: 'checks', id });
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', field.label);
      const ticked = new Set((answer(field.id) as string[] | undefined) ?? []);
      field.options.forEach((option, i) => {
        const box = document.createElement('vscode-checkbox');
        box.id = `${id}-${i}`;
        box.checked = ticked.has(option.label);
        box.label = option.required ? `${option.label} *` : option.label;
        box.addEventListener('change', () => {
          const now = new Set((values.answers[field.id] as string[] | undefined) ?? []);
          if (box.checked) now.add(option.label);
          else now.delete(option.label);
          values.answers[field.id] = field.options.map((o) => o.label).filter((l) => now.has(l));
          changed(field.id);
        });
        group.append(box);
      });
      wrap.append(el('div', { className: field.required ? 'required' : '', textContent: field.label }), ...describe(field), group);
      break;
    }
    case 'upload': {
      // Nothing to enter: the REST API takes no files, so they are attached on github.com once the
      // issue exists (the body says "_No response_" for the field until then). A required upload is
      // not marked required here: it cannot block the submission.
      const note =
        field.note ?? `"${field.label}" is a file upload: files are attached on github.com after the issue is created (the REST API takes no uploads).`;
      wrap.append(el('div', { id, textContent: field.label }), ...describe(field), el('div', { className: 'hint upload-note', textContent: note }));
      break;
    }
  }
  wrap.append(errorSlot(field.id));
  return wrap;
}

function ownerLabel(o: OwnerOption): string {
  const who = o.name ? `${o.name} (@${o.login})` : `@${o.login}`;
  return o.source === 'team' ? `${who} · ${o.localTime ?? ''} · ${o.stateText ?? ''}` : `${who} · can be assigned in the repository`;
}

function renderOwners(): void {
  if (!ownerSelect) return;
  const options: HTMLElement[] = [];
  const none = document.createElement('vscode-option');
  none.textContent = 'Nobody yet';
  none.setAttribute('value', '');
  options.push(none);
  const list = [...owners];
  if (values.owner && !list.some((o) => o.login.toLowerCase() === values.owner.toLowerCase())) list.push({ login: values.owner, source: 'repo' });
  for (const o of list) {
    const option = document.createElement('vscode-option');
    option.textContent = ownerLabel(o);
    option.setAttribute('value', o.login);
    option.setAttribute('description', o.source === 'team' ? 'team file' : 'repository');
    options.push(option);
  }
  for (const o of options) if ((o.getAttribute('value') ?? '') === values.owner) o.setAttribute('selected', '');
  ownerSelect.replaceChildren(...options);
  ownerSelect.value = values.owner;
  renderOwnerHint();
}

function renderOwnerHint(): void {
  const o = owners.find((x) => x.login.toLowerCase() === values.owner.toLowerCase());
  ownerHint.textContent =
    o?.source === 'team'
      ? `Their time now: ${o.localTime} · ${o.stateText}`
      : values.owner
        ? 'Not in the team file: their time zone is unknown, so due dates use yours.'
        : '';
}

function renderDue(): void {
  if (!dueSelect || !derived) return;
  const options = derived.dueOptions.map((d) => {
    const option = document.createElement('vscode-option');
    option.textContent = d.theirs ? `${d.label}: ${d.theirs}` : d.error ? `${d.label} (${d.error})` : d.label;
    option.setAttribute('value', d.id);
    return option;
  });
  const none = document.createElement('vscode-option');
  none.textContent = 'No due date';
  none.setAttribute('value', '');
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(values.due);
  const selected = isDate ? 'date' : values.due;
  for (const o of [none, ...options]) if (o.getAttribute('value') === selected) o.setAttribute('selected', '');
  dueSelect.replaceChildren(none, ...options);
  dueSelect.value = selected;
  if (dueDate) {
    dueDate.hidden = selected !== 'date';
    if (isDate && dueDate.value !== values.due) dueDate.value = values.due;
  }
  const due = derived.due;
  dueHint.textContent = !due ? '' : 'error' in due ? '' : `${due.theirs} for them · ${due.yours}`;
}

function renderDerived(): void {
  if (!derived || !init) return;
  for (const [field, slot] of errorSlots) {
    const error = derived.errors.find((e) => e.field === field);
    slot.textContent = error && (showAllErrors || touched.has(field)) ? error.message : '';
  }
  ownerWarning.textContent = derived.ownerWarning ?? '';
  pushBanner.hidden = !derived.pushWarning;
  pushBanner.textContent = derived.pushWarning ?? '';
  preview.textContent = derived.preview.body;
  const { title, labels, assignees } = derived.preview;
  previewMeta.textContent = `Title: ${title || '(none)'} · Labels: ${labels.join(', ') || 'none'} · Assignees: ${assignees.join(', ') || 'none'}`;
  renderDue();
  renderOwnerHint();
}

function showFailure(failure: SubmitFailure): void {
  banner.hidden = false;
  banner.className = 'banner error';
  const retryAt = failure.retryAt ? ` Try again after ${new Date(failure.retryAt).toLocaleTimeString()}.` : '';
  banner.replaceChildren(
    el('div', { textContent: `${failure.message}${retryAt}` }),
    ...(failure.queued
      ? [el('div', { className: 'hint', textContent: 'It is in the issue outbox and will be sent when GitHub can be reached (or use Retry).' })]
      : []),
    el(
      'div',
      { className: 'actions row' },
      button('Retry', submit, false, 'retry'),
      button('Copy body', () => vscode.postMessage({ type: 'copyBody', values }), true, 'copy-body'),
    ),
  );
  for (const e of failure.fieldErrors) {
    const slot = errorSlots.get(e.field);
    if (slot) slot.textContent = e.message;
  }
  statusLine.textContent = failure.kind === 'cancelled' ? 'Not sent.' : 'Not sent: your draft is kept.';
}

function submit(): void {
  if (submitting || !init) return;
  showAllErrors = true;
  clearTimeout(pending);
  pending = undefined;
  vscode.postMessage({ type: 'submit', values });
}

function render(): void {
  if (!init) return;
  errorSlots.clear();
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

  const title = document.createElement('vscode-textfield');
  title.id = 'field-title';
  title.value = values.title;
  title.addEventListener('input', () => {
    values.title = title.value;
    changed('title');
  });
  const titleField = el('div', { className: 'field' }, labelFor('field-title', 'Title', true), title, errorSlot('title'));

  const body: HTMLElement[] = [];
  if (t.kind === 'markdown') {
    const area = document.createElement('vscode-textarea');
    area.id = 'field-body';
    area.rows = 14;
    area.resize = 'vertical';
    area.value = values.body;
    area.addEventListener('input', () => {
      values.body = area.value;
      changed('body');
    });
    body.push(el('div', { className: 'field' }, labelFor('field-body', 'Description', false), area, errorSlot('body')));
  } else {
    for (const field of t.fields) body.push(renderField(field));
  }

  ownerSelect = document.createElement('vscode-single-select');
  ownerSelect.id = 'field-owner';
  ownerSelect.addEventListener('change', () => {
    values.owner = ownerSelect!.value;
    changed('owner');
    renderOwnerHint();
  });
  const ownerField = el('div', { className: 'field' }, labelFor('field-owner', 'Owner', false), ownerSelect, ownerHint, ownerWarning, errorSlot('owner'));

  dueSelect = document.createElement('vscode-single-select');
  dueSelect.id = 'field-due';
  dueDate = document.createElement('vscode-textfield');
  dueDate.id = 'field-due-date';
  dueDate.type = 'date';
  dueDate.label = 'Due date';
  dueDate.hidden = true;
  dueSelect.addEventListener('change', () => {
    const v = dueSelect!.value;
    values.due = v === 'date' ? dueDate!.value || '' : v;
    dueDate!.hidden = v !== 'date';
    if (v === 'date') dueDate!.focus();
    changed('due');
  });
  dueDate.addEventListener('change', () => {
    values.due = dueDate!.value;
    changed('due');
  });
  const dueField = el('div', { className: 'field' }, labelFor('field-due', "Due (in the owner's day)", false), dueSelect, dueDate, dueHint, errorSlot('due'));

  submitButton = button('Create issue', submit, false, 'submit');
  if (!init.trusted || !init.repo) submitButton.setAttribute('disabled', '');
  const details = el('details', { className: 'preview' }, el('summary', { textContent: 'Preview: exactly what is sent' }), previewMeta, preview);
  app.replaceChildren(
    header,
    problems,
    repoProblem,
    pushBanner,
    banner,
    titleField,
    // Owner and due date first: they are what makes it agreed, and their lists need room below.
    el('div', { className: 'row' }, ownerField, dueField),
    ...body,
    details,
    el(
      'div',
      { className: 'submit-row' },
      submitButton,
      button('Copy body', () => vscode.postMessage({ type: 'copyBody', values }), true),
      button('Discard draft', () => vscode.postMessage({ type: 'discard' }), true),
      statusLine,
    ),
  );
  renderOwners();
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
      init = m.init;
      const kept = vscode.getState();
      // What was typed in this webview wins over the host's copy (it may be a keystroke newer).
      values = kept?.draftId === m.init.draftId && kept.values ? kept.values : m.init.values;
      owners = m.init.owners;
      vscode.setState({ draftId: m.init.draftId, values });
      render();
      if (kept?.values) vscode.postMessage({ type: 'change', values });
      break;
    }
    case 'derived':
      derived = m.derived;
      renderDerived();
      break;
    case 'owners':
      owners = m.owners;
      renderOwners();
      break;
    case 'submitting':
      submitting = true;
      submitButton?.setAttribute('disabled', '');
      banner.hidden = true;
      statusLine.textContent = 'Creating the issue…';
      break;
    case 'failed':
      submitting = false;
      if (init?.trusted && init.repo) submitButton?.removeAttribute('disabled');
      showFailure(m.failure);
      break;
    case 'created': {
      submitting = false;
      banner.hidden = false;
      banner.className = 'banner ok';
      const link = el('a', { href: '#', className: 'link', textContent: `#${m.number}` });
      link.addEventListener('click', (e) => {
        e.preventDefault();
        vscode.postMessage({ type: 'openIssue', url: m.url });
      });
      banner.replaceChildren(
        el('div', {}, m.reused ? 'This issue was already created: ' : 'Created ', link, ` ${m.url}`),
        ...m.warnings.map((w) => el('div', { className: 'warning', textContent: w })),
      );
      statusLine.textContent = 'Created. You can close this tab.';
      submitButton?.setAttribute('disabled', '');
      break;
    }
  }
});

const restored = vscode.getState();
if (restored) vscode.setState(restored);
vscode.postMessage({ type: 'ready' });
