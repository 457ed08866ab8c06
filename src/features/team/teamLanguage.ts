// @login in Markdown: hover with the teammate's local time, state and next online time;
// completion of logins from the team file after "@".
import * as vscode from 'vscode';
import { formatClock, memberState } from '../../core/team';
import type { TeamStore } from './teamStore';
import { memberTooltip, type StatusSource, stateEndText } from './teamTree';
import { currentViewer } from './viewer';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];
// A mention: @ not preceded by a word character (so e-mail addresses are not mentions).
const MENTION = /(?<![\w.@/])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b/g;

export function registerTeamLanguageFeatures(context: vscode.ExtensionContext, store: TeamStore, status: StatusSource | undefined, now: () => Date): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(MARKDOWN, {
      async provideHover(document, position) {
        const line = document.lineAt(position.line).text;
        for (const match of line.matchAll(MENTION)) {
          const start = match.index;
          const end = start + match[0].length;
          if (position.character < start || position.character > end) continue;
          await store.ready();
          const ref = store.find(match[1]!, document.uri);
          if (!ref) return undefined;
          const at = now();
          const state = memberState(ref.member, ref.folder.team, at, status?.statuses().get(ref.member.github.toLowerCase()));
          return new vscode.Hover(memberTooltip({ ref, state }, at, currentViewer(store)), new vscode.Range(position.line, start, position.line, end));
        }
        return undefined;
      },
    }),
    vscode.languages.registerCompletionItemProvider(
      MARKDOWN,
      {
        async provideCompletionItems(document, position) {
          const prefix = document.lineAt(position.line).text.slice(0, position.character);
          const match = /(?<![\w.@/])@([A-Za-z0-9-]*)$/.exec(prefix);
          if (!match) return undefined;
          await store.ready();
          const at = now();
          const range = new vscode.Range(position.line, position.character - match[1]!.length, position.line, position.character);
          const seen = new Set<string>();
          return store
            .members()
            .filter((ref) => !seen.has(ref.member.github.toLowerCase()) && seen.add(ref.member.github.toLowerCase()))
            .map((ref) => {
              const state = memberState(ref.member, ref.folder.team, at);
              const item = new vscode.CompletionItem({ label: ref.member.github, description: ref.member.name }, vscode.CompletionItemKind.User);
              item.range = range;
              item.filterText = `${ref.member.github} ${ref.member.name ?? ''}`;
              item.detail = `${formatClock(state.localTime)} · ${stateEndText(state, at)}`;
              return item;
            });
        },
      },
      '@',
    ),
  );
}
