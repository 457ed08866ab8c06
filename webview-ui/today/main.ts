// The Today webview: your standup composer, the team digest for a day, decisions that need attention.
// Renders host state with DOM APIs and textContent only, so repo content (standups, names, titles)
// can never become markup or script. The composer's text lives here while you type; every change is
// kept in webview state at once and sent to the host (extension storage) a moment later, so closing
// the panel or reloading the window loses nothing. The composer's state and its save/reload decisions
// live in model.ts (no DOM), the digest and decisions sections in sections.ts; this file renders the
// composer and moves messages between the page and the host.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { ComposerState, HostToTodayMessage, TodayState, TodayToHostMessage } from '../../src/protocol/today';
import { button, el, link } from './dom';
import { TodayModel, type Persisted, type TextField } from './model';
import { renderDecisions, renderDigest } from './sections';
import { composerSharingLine, digestSyncBar, renderSharing } from './sharing';

declare function acquireVsCodeApi(): {
  postMessage(message: TodayToHostMessage): void;
  getState(): Persisted | undefined;
  setState(state: Persisted): void;
};
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
app.removeAttribute('aria-live'); // announcements go through #status instead

const isMac = navigator.platform.toUpperCase().includes('MAC');

// ---- layout: three sections that re-render independently ----
const statusLine = el('div', { className: 'status', id: 'status' });
statusLine.setAttribute('role', 'status');
statusLine.setAttribute('aria-live', 'polite');
const composerSection = el('section', { className: 'composer' });
composerSection.setAttribute('aria-label', 'Your standup');
const digestSection = el('section', { className: 'digest' });
digestSection.setAttribute('aria-label', 'Team digest');
const decisionsSection = el('section', { className: 'decisions' });
decisionsSection.setAttribute('aria-label', 'Decisions');
app.replaceChildren(composerSection, digestSyncBar, digestSection, decisionsSection);

// ---- composer ----
const model = new TodayModel();
let draftTimer: ReturnType<typeof setTimeout> | undefined;

const textareas: Partial<Record<TextField, HTMLElementTagNameMap['vscode-textarea']>> = {};
let blockerList: HTMLElement | undefined;
let saveButton: HTMLElement | undefined;
let banner: HTMLElement | undefined;

function persist(): void {
  vscode.setState(model.persisted());
}

/** After an edit: kept in webview state at once, sent to the host as a draft 300 ms after the last one. */
function fieldsChanged(): void {
  persist();
  clearTimeout(draftTimer);
  draftTimer = setTimeout(flushDraft, 300);
  renderComposerStatus();
}

function flushDraft(): void {
  clearTimeout(draftTimer);
  draftTimer = undefined;
  const message = model.takeDraft();
  if (message) vscode.postMessage(message);
}
// Leaving the panel: send what is pending now rather than in 300 ms.
window.addEventListener('pagehide', () => model.draftUnsent && flushDraft());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && model.draftUnsent && flushDraft());

function save(): void {
  const messages = model.save();
  if (!messages.length) return;
  clearTimeout(draftTimer); // the draft goes with the save
  draftTimer = undefined;
  renderComposerStatus();
  for (const message of messages) vscode.postMessage(message);
}

function section(id: TextField, label: string, hint: string, rows: number): HTMLElement {
  const area = document.createElement('vscode-textarea');
  area.id = `field-${id}`;
  area.rows = rows;
  area.resize = 'vertical';
  area.placeholder = hint;
  area.label = label;
  area.value = model.fields[id];
  area.readonly = !model.trusted;
  area.addEventListener('input', () => {
    model.editText(id, area.value);
    fieldsChanged();
  });
  textareas[id] = area;
  const labelEl = document.createElement('vscode-label');
  labelEl.setAttribute('for', area.id);
  labelEl.textContent = label;
  return el('div', { className: 'field' }, labelEl, area);
}

function renderBlockerRows(): void {
  if (!blockerList) return;
  blockerList.replaceChildren(
    ...model.fields.blockerRows.map((row, i) => {
      const box = document.createElement('vscode-checkbox');
      box.checked = row.checked;
      box.disabled = !model.trusted;
      box.setAttribute('aria-label', `Resolved: ${row.text}`);
      box.title = 'Tick when resolved (it is then no longer carried forward)';
      box.addEventListener('change', () => {
        model.tickBlocker(i, box.checked);
        fieldsChanged();
        renderBlockerRows();
      });
      const text = el('span', { className: row.checked ? 'blocker-text resolved' : 'blocker-text', textContent: row.text });
      return el('li', { className: 'blocker-row' }, box, text);
    }),
  );
  blockerList.hidden = model.fields.blockerRows.length === 0;
}

function buildComposer(state: ComposerState): void {
  const title = el('h2', { textContent: `Your standup · ${state.dateLabel}` });
  const meta = el('p', { className: 'meta' });
  meta.append(
    `@${state.login} · `,
    link(state.file, () => vscode.postMessage({ type: 'openFile' }), state.exists ? 'Open the file' : 'Create the file and open it'),
    state.exists ? '' : state.prefilledFrom ? ` · not saved yet · Done and open blockers carried from ${state.prefilledFrom}` : ' · not saved yet',
  );
  const problems = state.problems.length ? el('ul', { className: 'problems' }, ...state.problems.map((p) => el('li', { textContent: p }))) : '';
  blockerList = el('ul', { className: 'blocker-rows' });
  blockerList.setAttribute('aria-label', 'Open blockers: tick when resolved');
  banner = el('div', { className: 'banner', hidden: true });
  banner.setAttribute('role', 'alert');
  saveButton = button('Save standup', save, { title: `Save (${isMac ? '⌘' : 'Ctrl'}+Enter)` });
  const openAsFile = button('Open as file', () => vscode.postMessage({ type: 'openFile' }), { secondary: true });
  const actions = el('div', { className: 'composer-actions' }, saveButton, openAsFile);
  const blockers = el('div', { className: 'field' });
  const blockersLabel = document.createElement('vscode-label');
  blockersLabel.setAttribute('for', 'field-newBlockers');
  blockersLabel.textContent = 'Blockers';
  const newBlockers = section('newBlockers', 'New blockers', 'One per line; @mention who can unblock you', 2);
  newBlockers.querySelector('vscode-label')?.remove();
  blockers.append(blockersLabel, blockerList, newBlockers);
  composerSection.replaceChildren(
    title,
    meta,
    problems,
    banner,
    section('done', 'Done', 'One item per line', 3),
    section('next', 'Next', 'One item per line', 3),
    blockers,
    section('notes', 'Notes (optional)', 'Anything else', 2),
    actions,
    statusLine,
    composerSharingLine,
  );
  renderBlockerRows();
  renderComposerStatus();
  // When the composer first became usable, in this page's clock (read by the composer bench).
  document.body.dataset.composerAt ??= String(Math.round(performance.now()));
}

/** Shows the model's fields after they were replaced (a save came back, the file changed, "Load the file"). */
function showFields(): void {
  for (const id of ['done', 'next', 'newBlockers', 'notes'] as const) {
    const area = textareas[id];
    if (area && area.value !== model.fields[id]) area.value = model.fields[id];
  }
  renderBlockerRows();
}

function renderComposerStatus(): void {
  const composer = model.composer;
  if (!composer) return;
  if (banner) {
    banner.hidden = !model.fileChangedWhileDirty;
    if (model.fileChangedWhileDirty) {
      banner.replaceChildren(
        el('span', { textContent: `${composer.file} changed outside the panel. Your unsaved text is still here.` }),
        button(
          'Load the file',
          () => {
            model.loadFile();
            showFields();
            fieldsChanged();
          },
          { secondary: true },
        ),
        button(
          'Keep my text',
          () => {
            model.keepMyText();
            renderComposerStatus();
          },
          { secondary: true },
        ),
      );
    }
  }
  if (saveButton) saveButton.toggleAttribute('disabled', model.saving || !model.trusted);
  statusLine.textContent = model.statusText(isMac);
}

function applyComposer(state: ComposerState | null, login: boolean): void {
  const update = model.receive(state, vscode.getState());
  if (!state) {
    composerSection.replaceChildren(
      el('h2', { textContent: 'Your standup' }),
      el('p', {
        className: 'empty',
        textContent: login ? 'Who are you on GitHub? Standups are saved under your login.' : 'Open a folder to write standups into the repository.',
      }),
      ...(login && model.trusted ? [button('Set my GitHub login', () => vscode.postMessage({ type: 'setLogin' }))] : []),
    );
    return;
  }
  if (update.kind === 'build') {
    buildComposer(state);
    persist();
    return;
  }
  if (update.kind === 'update') {
    if (update.fieldsReplaced) showFields();
    if (update.rebuild) buildComposer(state);
  }
  persist();
  renderComposerStatus();
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (isMac ? e.metaKey : e.ctrlKey) && composerSection.contains(document.activeElement)) {
    e.preventDefault();
    save();
  }
});

function render(state: TodayState): void {
  model.setTrusted(state.trusted);
  applyComposer(state.composer, !state.noFolder);
  const context = { trusted: model.trusted, post: (message: TodayToHostMessage) => vscode.postMessage(message) };
  renderSharing(state.sharing, model.trusted, context.post);
  renderDigest(digestSection, state.digest, context);
  renderDecisions(decisionsSection, state.decisions, context);
}

window.addEventListener('message', (event: MessageEvent<HostToTodayMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'state':
      render(message.state);
      break;
    case 'saved':
      if (model.saveFinished(message.ok, message.ok ? message.revision : undefined)) showFields();
      persist();
      renderComposerStatus();
      if (!message.ok) statusLine.textContent = message.message;
      break;
    case 'sharing':
      renderSharing(message.sharing, model.trusted, (m) => vscode.postMessage(m));
      break;
    case 'focus':
      (textareas.done as HTMLElement | undefined)?.focus();
      break;
  }
});
// Re-opened (collapsing the view discards the page): show the composer as it was at once, with what
// was typed; the host's state follows and is reconciled like any update.
const kept = TodayModel.restorable(vscode.getState());
if (kept) applyComposer(kept, true);
vscode.postMessage({ type: 'ready' });
