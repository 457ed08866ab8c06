// The due-date picker: no due date, one of the host's presets (resolved in the owner's day), or a date
// of your choice in a date field shown only then; with the hint under it (the due time for them and
// for you). The choice and the texts come from the model (model.ts); this builds and redraws the controls.
import { el, labelFor, option } from './dom';
import { dueOptionText, type IssueFormModel } from './model';

export class DuePicker {
  private select: HTMLElementTagNameMap['vscode-single-select'] | undefined;
  private date: HTMLElementTagNameMap['vscode-textfield'] | undefined;
  private readonly hint = el('div', { className: 'hint', id: 'due-hint' });

  /** `changed` saves the draft after the model took the new due date. */
  constructor(
    private readonly model: IssueFormModel,
    private readonly changed: () => void,
  ) {}

  /** The field, new at each render of the form. */
  field(errorSlot: HTMLElement): HTMLElement {
    const select = document.createElement('vscode-single-select');
    select.id = 'field-due';
    const date = document.createElement('vscode-textfield');
    date.id = 'field-due-date';
    date.type = 'date';
    date.label = 'Due date';
    date.hidden = true;
    select.addEventListener('change', () => {
      const v = select.value;
      this.model.chooseDue(v, date.value);
      date.hidden = v !== 'date';
      if (v === 'date') date.focus();
      this.changed();
    });
    date.addEventListener('change', () => {
      this.model.set('due', date.value);
      this.changed();
    });
    this.select = select;
    this.date = date;
    return el('div', { className: 'field' }, labelFor('field-due', "Due (in the owner's day)", false), select, date, this.hint, errorSlot);
  }

  /** The presets as the host resolved them for the owner, the choice, and the hint. */
  render(): void {
    const derived = this.model.derived;
    if (!this.select || !derived) return;
    const options = derived.dueOptions.map((d) => option(dueOptionText(d), d.id));
    const none = option('No due date', '');
    const { selected, date } = this.model.dueSelection();
    for (const o of [none, ...options]) if (o.getAttribute('value') === selected) o.setAttribute('selected', '');
    this.select.replaceChildren(none, ...options);
    this.select.value = selected;
    if (this.date) {
      this.date.hidden = selected !== 'date';
      if (date !== undefined && this.date.value !== date) this.date.value = date;
    }
    this.hint.textContent = this.model.dueHint();
  }
}
