// One field of the issue form: its control, label, description and error slot, for each kind of field
// a template has (input, textarea, dropdown, checkboxes, upload, markdown), and the title and Markdown
// body that every form asks for. A field reads and records its value through FieldForm (main.ts
// passes the model and the draft saving), not through module state. Text from the template goes in
// as textContent or attribute values; Markdown as the host's inert tree (markdown.ts).
import type { FieldView } from '../../src/protocol/issueForm';
import { el, labelFor, option } from './dom';
import { markdownNodes } from './markdown';
import { tickOption, type FormText } from './model';

/** What a field needs from the form: the values, a way to record an edit, its error slot. */
export interface FieldForm {
  answer(id: string): string | string[] | undefined;
  text(field: FormText): string;
  /** Records an answer (the field counts as touched) and saves the draft. */
  setAnswer(id: string, value: string | string[]): void;
  setText(field: FormText, value: string): void;
  errorSlot(field: string): HTMLElement;
}

/** The error slots of the fields on the form, by field id ('title', 'owner'…, or a template field's id). */
export class ErrorSlots {
  private readonly slots = new Map<string, HTMLElement>();

  clear(): void {
    this.slots.clear();
  }

  /** A new slot for `field` (it replaces any earlier one). */
  slot(field: string): HTMLElement {
    const slot = el('div', { className: 'error', id: `error-${field}` });
    slot.setAttribute('aria-live', 'polite');
    this.slots.set(field, slot);
    return slot;
  }

  /** Every slot shows `text(field)` ('' clears it). */
  show(text: (field: string) => string): void {
    for (const [field, slot] of this.slots) slot.textContent = text(field);
  }

  /** Errors GitHub returned for fields on the form (the others are in the banner's message). */
  showErrors(errors: { field: string; message: string }[]): void {
    for (const e of errors) {
      const slot = this.slots.get(e.field);
      if (slot) slot.textContent = e.message;
    }
  }
}

function describe(field: FieldView): (HTMLElement | string)[] {
  if (!('description' in field) || !field.description) return [];
  return [el('div', { className: 'description md' }, ...(field.descriptionMarkdown ? markdownNodes(field.descriptionMarkdown) : [field.description]))];
}

export function titleField(form: FieldForm): HTMLElement {
  const title = document.createElement('vscode-textfield');
  title.id = 'field-title';
  title.value = form.text('title');
  title.addEventListener('input', () => form.setText('title', title.value));
  return el('div', { className: 'field' }, labelFor('field-title', 'Title', true), title, form.errorSlot('title'));
}

/** A Markdown template's body: one text area. */
export function bodyField(form: FieldForm): HTMLElement {
  const area = document.createElement('vscode-textarea');
  area.id = 'field-body';
  area.rows = 14;
  area.resize = 'vertical';
  area.value = form.text('body');
  area.addEventListener('input', () => form.setText('body', area.value));
  return el('div', { className: 'field' }, labelFor('field-body', 'Description', false), area, form.errorSlot('body'));
}

/** A form template's field. */
export function renderField(field: FieldView, form: FieldForm): HTMLElement {
  if (field.type === 'markdown') return el('div', { className: 'markdown-note md' }, ...(field.markdown ? markdownNodes(field.markdown) : [field.value]));
  const id = `field-${field.id}`;
  const wrap = el('div', { className: 'field' });
  wrap.dataset.field = field.id;
  switch (field.type) {
    case 'input': {
      const input = document.createElement('vscode-textfield');
      input.id = id;
      input.value = String(form.answer(field.id) ?? '');
      if (field.placeholder) input.placeholder = field.placeholder;
      input.addEventListener('input', () => form.setAnswer(field.id, input.value));
      wrap.append(labelFor(id, field.label, field.required), ...describe(field), input);
      break;
    }
    case 'textarea': {
      const area = document.createElement('vscode-textarea');
      area.id = id;
      area.rows = 5;
      area.resize = 'vertical';
      area.monospace = !!field.render;
      area.value = String(form.answer(field.id) ?? '');
      if (field.placeholder) area.placeholder = field.placeholder;
      area.addEventListener('input', () => form.setAnswer(field.id, area.value));
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
      const current = form.answer(field.id);
      const chosen = new Set(Array.isArray(current) ? current : current ? [current] : []);
      if (!field.multiple) {
        const none = option('None', '');
        if (chosen.size === 0) none.setAttribute('selected', '');
        select.append(none);
      }
      for (const text of field.options) {
        const o = option(text, text);
        if (chosen.has(text)) o.setAttribute('selected', '');
        select.append(o);
      }
      select.addEventListener('change', () => {
        const v = (select as unknown as { value: string | string[] }).value;
        form.setAnswer(field.id, field.multiple ? [...(v as string[])] : v);
      });
      wrap.append(labelFor(id, field.label, field.required), ...describe(field), select);
      break;
    }
    case 'checkboxes': {
      const group = el('div', { className: 'checks', id });
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', field.label);
      const ticked = new Set((form.answer(field.id) as string[] | undefined) ?? []);
      const labels = field.options.map((o) => o.label);
      field.options.forEach((choice, i) => {
        const box = document.createElement('vscode-checkbox');
        box.id = `${id}-${i}`;
        box.checked = ticked.has(choice.label);
        box.label = choice.required ? `${choice.label} *` : choice.label;
        box.addEventListener('change', () => form.setAnswer(field.id, tickOption(form.answer(field.id), labels, choice.label, box.checked)));
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
  wrap.append(form.errorSlot(field.id));
  return wrap;
}
