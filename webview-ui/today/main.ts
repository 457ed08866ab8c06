// The Today webview. Renders state sent by the host with DOM APIs and textContent only, so repo
// content (titles, logins) can never become markup or script.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { HostToTodayMessage, TodayState, TodayToHostMessage } from '../../src/protocol/today';

declare function acquireVsCodeApi(): { postMessage(message: TodayToHostMessage): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(label: string, onClick: () => void, secondary = false): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

function render(state: TodayState): void {
  const totals = el(
    'div',
    { className: 'totals' },
    ...(
      [
        [state.totals.records, 'record', 'records'],
        [state.totals.accepted, 'accepted', 'accepted'],
        [state.totals.open, 'awaiting decision', 'awaiting decision'],
        [state.totals.overdue, 'review overdue', 'reviews overdue'],
      ] as const
    ).map(([n, one, many]) => el('span', {}, el('strong', { textContent: String(n) }), ` ${n === 1 ? one : many}`)),
  );
  const list = el('ul', { className: 'items' });
  for (const item of state.attention) {
    const open = el('a', { className: 'link title', href: '#', textContent: `${item.number ? `${item.number} ` : ''}${item.title}`, title: 'Open the record' });
    open.addEventListener('click', (e) => {
      e.preventDefault();
      vscode.postMessage({ type: 'openRecord', id: item.id });
    });
    const li = el('li', { className: item.reason === 'review-overdue' ? 'overdue' : '' }, el('span', { className: 'text' }, open, el('span', { className: 'detail', textContent: item.detail })));
    if (state.trusted && item.reason === 'awaiting-decision') li.append(button('Accept', () => vscode.postMessage({ type: 'acceptRecord', id: item.id }), true));
    list.append(li);
  }
  const actions = el('div', { className: 'actions' });
  if (state.trusted) actions.append(button('New decision record', () => vscode.postMessage({ type: 'newRecord' })));
  actions.append(button('Show all decisions', () => vscode.postMessage({ type: 'showDecisions' }), true));
  app.replaceChildren(
    el('h2', { textContent: 'Decisions' }),
    totals,
    el('h2', { textContent: 'Needs attention' }),
    state.attention.length ? list : el('p', { className: 'empty', textContent: state.loaded ? 'Nothing is waiting for a decision or a review.' : 'Loading…' }),
    actions,
    ...(state.trusted ? [] : [el('p', { className: 'empty', textContent: 'Restricted Mode: records are read-only.' })]),
  );
}

window.addEventListener('message', (event: MessageEvent<HostToTodayMessage>) => {
  if (event.data?.type === 'state') render(event.data.state);
});
vscode.postMessage({ type: 'ready' });
