// The Today webview's read-only sections: the team digest for a day and the decisions that need
// attention. Each renders the host's state into its section from scratch; clicks become messages.
import type { DecisionsSummary, DigestEntryView, DigestState, TodayToHostMessage } from '../../src/protocol/today';
import { button, el, link } from './dom';

/** What the sections need from the page: trust (actions that write are hidden without it) and the host. */
export interface Context {
  trusted: boolean;
  post(message: TodayToHostMessage): void;
}

// ---- digest ----
const STATUS_TEXT: Record<DigestEntryView['status'], string> = { posted: 'posted', 'not-started': 'not started', missing: 'not posted', away: 'away' };

function list(items: string[], className = ''): HTMLElement {
  return el('ul', { className: `bullets ${className}` }, ...items.map((t) => el('li', { textContent: t })));
}

function digestEntry(entry: DigestEntryView, date: string, { trusted, post }: Context): HTMLElement {
  const head = el('div', { className: 'entry-head' });
  const name = entry.file
    ? link(entry.name, () => post({ type: 'openStandup', file: entry.file! }), `Open ${entry.file}`)
    : el('span', { textContent: entry.name });
  const badge = el('span', { className: `pill ${entry.status}`, textContent: entry.dayOff ? 'day off' : STATUS_TEXT[entry.status] });
  head.append(name, el('span', { className: 'handle', textContent: `@${entry.github}` }), badge);
  if (entry.localTime) head.append(el('span', { className: 'detail', textContent: entry.localTime }));
  const body = el('div', { className: 'entry-body' });
  if (entry.status !== 'posted') body.append(el('div', { className: 'detail', textContent: entry.detail }));
  if (entry.blockers.length) {
    const ul = el('ul', { className: 'bullets blockers' });
    for (const b of entry.blockers) {
      const li = el(
        'li',
        { className: `${b.stale ? 'stale' : ''} ${b.mentionsMe ? 'mentions-me' : ''}`.trim() },
        el('span', { textContent: b.text }),
        el('span', { className: 'detail', textContent: ` · ${b.age}` }),
      );
      if (b.stale && trusted) {
        li.append(
          ' ',
          link('Open issue for blocker', () => post({ type: 'openBlockerIssue', login: entry.github, text: b.text, date })),
        );
      }
      ul.append(li);
    }
    body.append(el('div', { className: 'label', textContent: 'Blockers' }), ul);
  }
  if (entry.done.length) body.append(el('div', { className: 'label', textContent: 'Done' }), list(entry.done));
  if (entry.next.length) body.append(el('div', { className: 'label', textContent: 'Next' }), list(entry.next));
  if (entry.notes) body.append(el('div', { className: 'label', textContent: 'Notes' }), el('p', { className: 'notes', textContent: entry.notes }));
  return el('li', { className: `entry ${entry.status}${entry.mentionsMe ? ' mentions-me' : ''}` }, head, body);
}

export function renderDigest(digestSection: HTMLElement, digest: DigestState | null, context: Context): void {
  const { post } = context;
  if (!digest) {
    digestSection.replaceChildren();
    return;
  }
  const nav = el(
    'div',
    { className: 'day-nav' },
    button('‹', () => post({ type: 'digestDay', date: digest.date, step: -1 }), { secondary: true, title: 'Previous day' }),
    el('strong', { textContent: digest.dateLabel }),
    button('›', () => post({ type: 'digestDay', date: digest.date, step: 1 }), { secondary: true, title: 'Next day' }),
  );
  if (!digest.isToday) nav.append(button('Today', () => post({ type: 'digestDay', date: 'today' }), { secondary: true }));
  const c = digest.counts;
  const totals = el(
    'div',
    { className: 'digest-totals' },
    ...[`${c.posted} posted`, `${c['not-started']} not started`, `${c.missing} not posted`, ...(c.dayOff ? [`${c.dayOff} day off`] : []), `${c.away} away`].map(
      (t) => el('span', { textContent: t }),
    ),
  );
  digestSection.replaceChildren(
    el('h2', { textContent: 'Team digest' }),
    nav,
    ...(digest.note ? [el('p', { className: 'digest-note', textContent: digest.note })] : []),
    totals,
    digest.entries.length
      ? el('ul', { className: 'entries' }, ...digest.entries.map((e) => digestEntry(e, digest.date, context)))
      : el('p', { className: 'empty', textContent: digest.empty ?? 'No standups for this day.' }),
  );
}

// ---- decisions ----
export function renderDecisions(decisionsSection: HTMLElement, d: DecisionsSummary, { trusted, post }: Context): void {
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
    const open = link(`${item.number ? `${item.number} ` : ''}${item.title}`, () => post({ type: 'openRecord', id: item.id }), 'Open the record');
    open.classList.add('title');
    const text = el('span', { className: 'text' }, open, el('span', { className: 'detail', textContent: item.detail }));
    const li = el('li', { className: item.reason === 'review-overdue' ? 'overdue' : '' }, text);
    if (trusted && item.reason === 'awaiting-decision') {
      li.append(button('Accept', () => post({ type: 'acceptRecord', id: item.id }), { secondary: true }));
    }
    items.append(li);
  }
  const actions = el('div', { className: 'actions' });
  if (trusted) actions.append(button('New decision record', () => post({ type: 'newRecord' }), { secondary: true }));
  actions.append(button('Show all decisions', () => post({ type: 'showDecisions' }), { secondary: true }));
  decisionsSection.replaceChildren(
    el('h2', { textContent: 'Decisions' }),
    totals,
    el('h2', { textContent: 'Needs attention' }),
    d.attention.length ? items : el('p', { className: 'empty', textContent: d.loaded ? 'Nothing is waiting for a decision or a review.' : 'Loading…' }),
    actions,
    ...(trusted ? [] : [el('p', { className: 'empty', textContent: 'Restricted Mode: records are read-only.' })]),
  );
}
