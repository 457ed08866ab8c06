// "Show Issue Outbox": a QuickPick of the unsent issues and the open drafts, with Retry / Edit / Copy body /
// Discard on each and "Retry all" on top. It stays open while you retry, and closes when nothing is left.
import * as vscode from 'vscode';
import type { Outbox } from '../../core/issues/outbox';
import type { DraftStore } from './drafts';
import type { IssueFormPanel } from './issueFormPanel';
import type { OutboxSender } from './outboxSender';

export interface OutboxUiDeps {
  sender: OutboxSender;
  drafts: DraftStore;
  /** The open forms, by draft id (a discarded draft's form closes). */
  forms: ReadonlyMap<string, IssueFormPanel>;
  openDraft: (id: string) => Promise<unknown>;
}

type Item = vscode.QuickPickItem & { id?: string; all?: boolean };

/** Resolves when the QuickPick is closed. */
export async function showOutbox({ sender, drafts, forms, openDraft }: OutboxUiDeps): Promise<void> {
  const outbox = sender.outbox;
  const retry = { iconPath: new vscode.ThemeIcon('sync'), tooltip: 'Retry now' };
  const edit = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Edit the form' };
  const copy = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy body' };
  const discard = { iconPath: new vscode.ThemeIcon('trash'), tooltip: 'Discard' };
  const build = (): Item[] => {
    const unsent = outbox.all().filter((e) => e.status !== 'sent');
    const inOutbox = new Set(unsent.map((e) => e.id));
    const items: Item[] = unsent.map((e) => ({
      id: e.id,
      label: `$(${e.lastError ? 'error' : 'clock'}) ${e.request.title}`,
      description: `${e.repo.owner}/${e.repo.repo}`,
      detail: e.lastError ? `Not sent (${e.attempts} attempt${e.attempts === 1 ? '' : 's'}): ${e.lastError.message}` : 'Waiting to be sent',
      buttons: [retry, edit, copy, discard],
    }));
    for (const d of drafts.all()) {
      if (inOutbox.has(d.id)) continue;
      items.push({
        id: d.id,
        label: `$(edit) ${d.values.title || '(no title yet)'}`,
        description: d.repo ?? 'no repository',
        detail: `Draft, not submitted · last edited ${d.updated.slice(0, 16).replace('T', ' ')}`,
        buttons: [edit, copy, discard],
      });
    }
    if (unsent.length) items.unshift({ label: '$(sync) Retry all unsent issues', all: true });
    return items;
  };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Issue Outbox';
  pick.placeholder = 'Unsent issues and drafts: pick one to edit it';
  pick.items = build();
  if (pick.items.length === 0) {
    pick.dispose();
    void vscode.window.showInformationMessage('The issue outbox is empty: every issue was sent, and there are no drafts.');
    return;
  }
  const refresh = () => (pick.items = build());
  const done = new Promise<void>((resolve) => {
    pick.onDidHide(() => {
      pick.dispose();
      resolve();
    });
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    if (!item) return;
    if (item.all) {
      pick.busy = true;
      await sender.flush();
      pick.busy = false;
      refresh();
      return;
    }
    pick.hide();
    if (item.id) await openDraft(item.id);
  });
  pick.onDidTriggerItemButton(async ({ item, button }) => {
    if (!item.id) return;
    if (button === retry) {
      pick.busy = true;
      await sender.retry(item.id);
      pick.busy = false;
    } else if (button === edit) {
      pick.hide();
      await openDraft(item.id);
      return;
    } else if (button === copy) {
      await vscode.env.clipboard.writeText(bodyOf(outbox, drafts, item.id));
      void vscode.window.setStatusBarMessage('$(clippy) Issue body copied', 4000);
    } else if (button === discard) {
      const title = item.label.replace(/^\$\([^)]*\) /, '');
      const sure = await vscode.window.showWarningMessage(`Discard "${title}"? Its text is deleted.`, { modal: true }, 'Discard');
      if (sure === 'Discard') {
        forms.get(item.id)?.dispose();
        await drafts.remove(item.id);
        outbox.remove(item.id);
      }
    }
    refresh();
    if (pick.items.length === 0) pick.hide();
  });
  pick.show();
  await done;
}

/** What "Copy body" copies: the body as queued, else the draft's; a form's draft without a body gives its answers. */
function bodyOf(outbox: Outbox, drafts: DraftStore, id: string): string {
  const body = outbox.get(id)?.request.body ?? drafts.get(id)?.values.body ?? '';
  const draft = drafts.get(id);
  return body || (draft ? JSON.stringify(draft.values.answers, null, 2) : '');
}
