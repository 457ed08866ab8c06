// The owner picker: who the issue is for (team members with their local time and state, or anyone
// assignable in the repository), with the hint under it (their time now) and the host's warning. The
// choices and texts come from the model (model.ts); this builds the controls and redraws them.
import { el, labelFor, option } from './dom';
import { ownerLabel, type IssueFormModel } from './model';

export class OwnerPicker {
  private select: HTMLElementTagNameMap['vscode-single-select'] | undefined;
  // The hint and the warning outlive a re-render (the select is new each time).
  private readonly hint = el('div', { className: 'hint', id: 'owner-hint' });
  private readonly warning = el('div', { className: 'warning', id: 'owner-warning' });

  /** `changed` saves the draft after the model took the new owner. */
  constructor(
    private readonly model: IssueFormModel,
    private readonly changed: () => void,
  ) {}

  /** The field, new at each render of the form. */
  field(errorSlot: HTMLElement): HTMLElement {
    const select = document.createElement('vscode-single-select');
    select.id = 'field-owner';
    select.addEventListener('change', () => {
      this.model.set('owner', select.value);
      this.changed();
      this.renderHint();
    });
    this.select = select;
    return el('div', { className: 'field' }, labelFor('field-owner', 'Owner', false), select, this.hint, this.warning, errorSlot);
  }

  /** The list of owners (it changes when the host has asked GitHub who can be assigned). */
  renderOptions(): void {
    if (!this.select) return;
    const owner = this.model.values.owner;
    const options: HTMLElement[] = [option('Nobody yet', '')];
    for (const o of this.model.ownerChoices()) {
      const choice = option(ownerLabel(o), o.login);
      choice.setAttribute('description', o.source === 'team' ? 'team file' : 'repository');
      options.push(choice);
    }
    for (const o of options) if ((o.getAttribute('value') ?? '') === owner) o.setAttribute('selected', '');
    this.select.replaceChildren(...options);
    this.select.value = owner;
    this.renderHint();
  }

  renderHint(): void {
    this.hint.textContent = this.model.ownerHint();
  }

  renderWarning(): void {
    this.warning.textContent = this.model.derived?.ownerWarning ?? '';
  }
}
