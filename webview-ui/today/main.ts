// The Today webview: your standup composer, the team digest for a day, decisions that need attention.
// Renders host state with DOM APIs and textContent only, so repo content (standups, names, titles)
// can never become markup or script. The composer's text lives here while you type; every change is
// kept in webview state at once and sent to the host (extension storage) a moment later, so closing
// the panel or reloading the window loses nothing.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type {
  BlockerRow,
  ComposerFields,
  ComposerState,
  DecisionsSummary,
  DigestEntryView,
  DigestState,
  HostToTodayMessage,
  TodayState,
  TodayToHostMessage,
} from '../../src/protocol/today';

interface Persisted {
  key: string;
  fields: ComposerFields;
  /** Revision of the file these edits started from. */
  base: string;
  /** The last composer the host sent: re-opening the view shows it at once, before the host answers. */
  composer?: ComposerState;
}

declare function acquireVsCodeApi(): {
  postMessage(message: TodayToHostMessage): void;
  getState(): Persisted | undefined;
  setState(state: Persisted): void;
};
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
app.removeAttribute('aria-live'); // announcements go through #status instead

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(label: string, onClick: () => void, options: { secondary?: boolean; title?: string; className?: string } = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (options.secondary) b.setAttribute('secondary', '');
  if (options.title) b.title = options.title;
  if (options.className) b.className = options.className;
  b.addEventListener('click', onClick);
  return b;
}

function link(text: string, onClick: () => void, title?: string): HTMLAnchorElement {
  const a = el('a', { className: 'link', href: '#', textContent: text, ...(title ? { title } : {}) });
  a.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return a;
}

const emptyFields = (): ComposerFields => ({ done: '', next: '', blockerRows: [], newBlockers: '', notes: '' });
const same = (a: ComposerFields, b: ComposerFields) => JSON.stringify(a) === JSON.stringify(b);
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
app.replaceChildren(composerSection, digestSection, decisionsSection);

// ---- composer ----
let composer: ComposerState | undefined;
let composerKey = '';
let fields: ComposerFields = emptyFields();
/** Revision of the file `fields` are based on: saving with an older base asks before replacing. */
let base = 'none';
let trusted = true;
let saving = false;
let pendingDraft: ReturnType<typeof setTimeout> | undefined;
/** The file changed while you had unsaved edits: offer to load it. */
let fileChangedWhileDirty = false;
/** What was sent with the last save: when the saved file comes back, it replaces these fields. */
let savedSnapshot: ComposerFields | undefined;

const textareas: Partial<Record<'done' | 'next' | 'newBlockers' | 'notes', HTMLElementTagNameMap['vscode-textarea']>> = {};
let blockerList: HTMLElement | undefined;
let saveButton: HTMLElement | undefined;
let banner: HTMLElement | undefined;

function dirty(): boolean {
  return !!composer && (!same(fields, composer.saved) || base !== composer.revision);
}

function persist(): void {
  vscode.setState({ key: composerKey, fields, base, ...(composer ? { composer } : {}) });
}

function fieldsChanged(): void {
  persist();
  clearTimeout(pendingDraft);
  pendingDraft = setTimeout(flushDraft, 300);
  renderComposerStatus();
}

function flushDraft(): void {
  clearTimeout(pendingDraft);
  pendingDraft = undefined;
  if (composer) vscode.postMessage({ type: 'draftChanged', date: composer.date, fields, base });
}
// Leaving the panel: send what is pending now rather than in 300 ms.
window.addEventListener('pagehide', () => pendingDraft && flushDraft());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && pendingDraft && flushDraft());

function save(): void {
  if (!composer || saving || !trusted) return;
  flushDraft();
  saving = true;
  savedSnapshot = fields;
  renderComposerStatus();
  vscode.postMessage({ type: 'save', date: composer.date, fields, base });
}

function section(id: 'done' | 'next' | 'newBlockers' | 'notes', label: string, hint: string, rows: number): HTMLElement {
  const area = document.createElement('vscode-textarea');
  area.id = `field-${id}`;
  area.rows = rows;
  area.resize = 'vertical';
  area.placeholder = hint;
  area.label = label;
  area.value = fields[id];
  area.readonly = !trusted;
  area.addEventListener('input', () => {
    fields = { ...fields, [id]: area.value };
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
    ...fields.blockerRows.map((row: BlockerRow, i) => {
      const box = document.createElement('vscode-checkbox');
      box.checked = row.checked;
      box.disabled = !trusted;
      box.setAttribute('aria-label', `Resolved: ${row.text}`);
      box.title = 'Tick when resolved (it is then no longer carried forward)';
      box.addEventListener('change', () => {
        fields = { ...fields, blockerRows: fields.blockerRows.map((r, j) => (j === i ? { ...r, checked: box.checked } : r)) };
        fieldsChanged();
        renderBlockerRows();
      });
      const text = el('span', { className: row.checked ? 'blocker-text resolved' : 'blocker-text', textContent: row.text });
      return el('li', { className: 'blocker-row' }, box, text);
    }),
  );
  blockerList.hidden = fields.blockerRows.length === 0;
}

function buildComposer(state: ComposerState): void {
  const title = el('h2', { textContent: `Your standup · ${state.dateLabel}` });
  const meta = el('p', { className: 'meta' });
  meta.append(
    `@${state.login} · `,
    link(state.file, () => vscode.postMessage({ type: 'openFile' }), state.exists ? 'Open the file' : 'Create the file and open it'),
    state.exists ? '' : state.prefilledFrom ? ` · not saved yet · Done and open blockers carried from ${state.prefilledFrom}` : ' · not saved yet',
  );
  const problems = state.problems.length
    ? el('ul', { className: 'problems' }, ...state.problems.map((p) => el('li', { textContent: p })))
    : '';
  blockerList = el('ul', { className: 'blocker-rows' });
  blockerList.setAttribute('aria-label', 'Open blockers: tick when resolved');
  banner = el('div', { className: 'banner', hidden: true });
  banner.setAttribute('role', 'alert');
  saveButton = button('Save standup', save, { title: `Save (${isMac ? '⌘' : 'Ctrl'}+Enter)` });
  const actions = el('div', { className: 'composer-actions' }, saveButton, button('Open as file', () => vscode.postMessage({ type: 'openFile' }), { secondary: true }));
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
  );
  renderBlockerRows();
  renderComposerStatus();
  // When the composer first became usable, in this page's clock (read by the composer bench).
  document.body.dataset.composerAt ??= String(Math.round(performance.now()));
}

/** Adopts the file's content (after a save, a change on disk, or "Load the file"). */
function setFields(next: ComposerFields, revision: string): void {
  fields = next;
  base = revision;
  fileChangedWhileDirty = false;
  persist();
  for (const id of ['done', 'next', 'newBlockers', 'notes'] as const) {
    const area = textareas[id];
    if (area && area.value !== fields[id]) area.value = fields[id];
  }
  renderBlockerRows();
}

function renderComposerStatus(): void {
  if (!composer) return;
  if (banner) {
    banner.hidden = !fileChangedWhileDirty;
    if (fileChangedWhileDirty) {
      banner.replaceChildren(
        el('span', { textContent: `${composer.file} changed outside the panel. Your unsaved text is still here.` }),
        button('Load the file', () => {
          setFields(composer!.saved, composer!.revision);
          fieldsChanged();
        }, { secondary: true }),
        button('Keep my text', () => {
          fileChangedWhileDirty = false;
          renderComposerStatus();
        }, { secondary: true }),
      );
    }
  }
  if (saveButton) saveButton.toggleAttribute('disabled', saving || !trusted);
  const state = !trusted
    ? 'Restricted Mode: standups are read-only.'
    : saving
      ? 'Saving…'
      : dirty()
        ? `Unsaved changes (kept as a draft) · ${isMac ? '⌘' : 'Ctrl'}+Enter saves`
        : composer.exists
          ? 'Saved'
          : 'Not saved yet';
  statusLine.textContent = state;
}

function applyComposer(state: ComposerState | null, login: boolean): void {
  if (!state) {
    composer = undefined;
    composerKey = '';
    composerSection.replaceChildren(
      el('h2', { textContent: 'Your standup' }),
      el('p', { className: 'empty', textContent: login ? 'Who are you on GitHub? Standups are saved under your login.' : 'Open a folder to write standups into the repository.' }),
      ...(login && trusted ? [button('Set my GitHub login', () => vscode.postMessage({ type: 'setLogin' }))] : []),
    );
    return;
  }
  const key = `${state.login}|${state.date}`;
  if (key !== composerKey) {
    // A new day or another login: start from what was being typed (webview state), else the stored draft, else the file.
    const persisted = vscode.getState();
    composer = state;
    composerKey = key;
    const start = persisted?.key === key ? persisted : state.draft;
    fields = start ? start.fields : state.saved;
    base = start ? start.base : state.revision;
    // A draft from before the file last changed (another window, git pull): say so at once.
    fileChangedWhileDirty = base !== state.revision && !same(fields, state.saved);
    buildComposer(state);
    persist();
    return;
  }
  const previous = composer!;
  const wasDirty = dirty();
  composer = state;
  if (state.revision !== previous.revision) {
    if (savedSnapshot && !saving) {
      // Our own save came back (normalised: new blockers became rows). Keep anything typed since.
      if (same(fields, savedSnapshot)) setFields(state.saved, state.revision);
      else base = state.revision;
      savedSnapshot = undefined;
    } else if (!wasDirty || same(fields, state.saved)) setFields(state.saved, state.revision);
    else fileChangedWhileDirty = !saving;
    if (state.exists !== previous.exists || state.problems.join() !== previous.problems.join()) buildComposer(state);
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

// ---- digest ----
const STATUS_TEXT: Record<DigestEntryView['status'], string> = { posted: 'posted', 'not-started': 'not started', missing: 'not posted', away: 'away' };

function list(items: string[], className = ''): HTMLElement {
  return el('ul', { className: `bullets ${className}` }, ...items.map((t) => el('li', { textContent: t })));
}

function digestEntry(entry: DigestEntryView, date: string): HTMLElement {
  const head = el('div', { className: 'entry-head' });
  const name = entry.file ? link(entry.name, () => vscode.postMessage({ type: 'openStandup', file: entry.file! }), `Open ${entry.file}`) : el('span', { textContent: entry.name });
  const badge = el('span', { className: `pill ${entry.status}`, textContent: entry.dayOff ? 'day off' : STATUS_TEXT[entry.status] });
  head.append(name, el('span', { className: 'handle', textContent: `@${entry.github}` }), badge);
  if (entry.localTime) head.append(el('span', { className: 'detail', textContent: entry.localTime }));
  const body = el('div', { className: 'entry-body' });
  if (entry.status !== 'posted') body.append(el('div', { className: 'detail', textContent: entry.detail }));
  if (entry.blockers.length) {
    const ul = el('ul', { className: 'bullets blockers' });
    for (const b of entry.blockers) {
      const li = el('li', { className: `${b.stale ? 'stale' : ''} ${b.mentionsMe ? 'mentions-me' : ''}`.trim() }, el('span', { textContent: b.text }), el('span', { className: 'detail', textContent: ` · ${b.age}` }));
      if (b.stale && trusted) li.append(' ', link('Open issue for blocker', () => vscode.postMessage({ type: 'openBlockerIssue', login: entry.github, text: b.text, date })));
      ul.append(li);
    }
    body.append(el('div', { className: 'label', textContent: 'Blockers' }), ul);
  }
  if (entry.done.length) body.append(el('div', { className: 'label', textContent: 'Done' }), list(entry.done));
  if (entry.next.length) body.append(el('div', { className: 'label', textContent: 'Next' }), list(entry.next));
  if (entry.notes) body.append(el('div', { className: 'label', textContent: 'Notes' }), el('p', { className: 'notes', textContent: entry.notes }));
  return el('li', { className: `entry ${entry.status}${entry.mentionsMe ? ' mentions-me' : ''}` }, head, body);
}

function renderDigest(digest: DigestState | null): void {
  if (!digest) {
    digestSection.replaceChildren();
    return;
  }
  const nav = el(
    'div',
    { className: 'day-nav' },
    button('‹', () => vscode.postMessage({ type: 'digestDay', date: digest.date, step: -1 }), { secondary: true, title: 'Previous day' }),
    el('strong', { textContent: digest.dateLabel }),
    button('›', () => vscode.postMessage({ type: 'digestDay', date: digest.date, step: 1 }), { secondary: true, title: 'Next day' }),
  );
  if (!digest.isToday) nav.append(button('Today', () => vscode.postMessage({ type: 'digestDay', date: 'today' }), { secondary: true }));
  const c = digest.counts;
  const totals = el(
    'div',
    { className: 'digest-totals' },
    ...[`${c.posted} posted`, `${c['not-started']} not started`, `${c.missing} not posted`, ...(c.dayOff ? [`${c.dayOff} day off`] : []), `${c.away} away`].map((t) => el('span', { textContent: t })),
  );
  digestSection.replaceChildren(
    el('h2', { textContent: 'Team digest' }),
    nav,
    ...(digest.note ? [el('p', { className: 'digest-note', textContent: digest.note })] : []),
    totals,
    digest.entries.length ? el('ul', { className: 'entries' }, ...digest.entries.map((e) => digestEntry(e, digest.date))) : el('p', { className: 'empty', textContent: digest.empty ?? 'No standups for this day.' }),
  );
}

// ---- decisions ----
function renderDecisions(d: DecisionsSummary): void {
  const totals = el(
    'div',
    { className: 'totals' },
    ...(
      [
        [d.totals.records, 'record', 'records'],
        [d.totals.accepted, 'accepted', 'accepted'],
        [d.totals.open, 'awaiting decision', 'awaiting decision'],
        [d.totals.overdue, 'review overdue', 'reviews overdue'],
      ] as const
    ).map(([n, one, many]) => el('span', {}, el('strong', { textContent: String(n) }), ` ${n === 1 ? one : many}`)),
  );
  const items = el('ul', { className: 'items' });
  for (const item of d.attention) {
    const open = link(`${item.number ? `${item.number} ` : ''}${item.title}`, () => vscode.postMessage({ type: 'openRecord', id: item.id }), 'Open the record');
    open.classList.add('title');
    const li = el('li', { className: item.reason === 'review-overdue' ? 'overdue' : '' }, el('span', { className: 'text' }, open, el('span', { className: 'detail', textContent: item.detail })));
    if (trusted && item.reason === 'awaiting-decision') li.append(button('Accept', () => vscode.postMessage({ type: 'acceptRecord', id: item.id }), { secondary: true }));
    items.append(li);
  }
  const actions = el('div', { className: 'actions' });
  if (trusted) actions.append(button('New decision record', () => vscode.postMessage({ type: 'newRecord' }), { secondary: true }));
  actions.append(button('Show all decisions', () => vscode.postMessage({ type: 'showDecisions' }), { secondary: true }));
  decisionsSection.replaceChildren(
    el('h2', { textContent: 'Decisions' }),
    totals,
    el('h2', { textContent: 'Needs attention' }),
    d.attention.length ? items : el('p', { className: 'empty', textContent: d.loaded ? 'Nothing is waiting for a decision or a review.' : 'Loading…' }),
    actions,
    ...(trusted ? [] : [el('p', { className: 'empty', textContent: 'Restricted Mode: records are read-only.' })]),
  );
}

function render(state: TodayState): void {
  const trustChanged = trusted !== state.trusted;
  trusted = state.trusted;
  if (trustChanged) composerKey = ''; // rebuild the composer read-only / editable
  applyComposer(state.composer, !state.noFolder);
  renderDigest(state.digest);
  renderDecisions(state.decisions);
}

window.addEventListener('message', (event: MessageEvent<HostToTodayMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'state':
      render(message.state);
      break;
    case 'saved':
      saving = false;
      if (message.ok) fileChangedWhileDirty = false;
      else savedSnapshot = undefined;
      renderComposerStatus();
      if (!message.ok && message.message) statusLine.textContent = message.message;
      break;
    case 'focus':
      (textareas.done as HTMLElement | undefined)?.focus();
      break;
  }
});
// Re-opened (collapsing the view discards the page): show the composer as it was at once, with what
// was typed; the host's state follows and is reconciled like any update.
const kept = vscode.getState();
if (kept?.composer && kept.key === `${kept.composer.login}|${kept.composer.date}`) applyComposer(kept.composer, true);
vscode.postMessage({ type: 'ready' });
