// Editor features for decision records in Markdown: CodeLens actions at the top of a record,
// `ADR-` completion that inserts a relative link, hovers on references, and diagnostics.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { findReferences, resolveReference } from '../../core/decisions';
import { toDiagnostic } from '../shared/diagnostics';
import { getSettings } from '../shared/settings';
import type { DecisionStore, FolderDecisions } from './decisionStore';
import { recordNumberLabel, recordTooltip } from './decisionsTree';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export function registerDecisionLanguageFeatures(context: vscode.ExtensionContext, store: DecisionStore): void {
  const codeLens = new DecisionCodeLensProvider(store);
  const diagnostics = vscode.languages.createDiagnosticCollection('asyncDesk.decisions');
  context.subscriptions.push(
    codeLens,
    diagnostics,
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new ReferenceCompletionProvider(store), '-'),
    vscode.languages.registerHoverProvider(MARKDOWN, new ReferenceHoverProvider(store)),
    store.onDidChange(() => publishDiagnostics(store, diagnostics)),
  );
}

class DecisionCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: DecisionStore) {
    this.subscriptions = [
      store.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('asyncDesk.decisions.codeLens') && this.changed.fire()),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!getSettings(document.uri).decisionsCodeLens) return [];
    await this.store.ready();
    const ref = this.store.recordAt(document.uri);
    if (!ref) return [];
    const line = Math.min(ref.record.lines.title, document.lineCount - 1);
    const range = new vscode.Range(line, 0, line, 0);
    const status = ref.record.status;
    const lenses = [
      new vscode.CodeLens(range, {
        title: `$(tag) ${status ?? 'unknown status'}`,
        tooltip: 'Status of this decision record',
        command: 'asyncDesk.decisions.filter',
      }),
    ];
    // A superseded record points at its successor(s): reading the current decision is one click away.
    for (const target of ref.record.supersededBy) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(arrow-right) superseded by ${target.slice(target.lastIndexOf('/') + 1)}`,
          command: 'vscode.open',
          tooltip: 'Open the record that supersedes this one',
          arguments: [ref.folder.uriOf(target)],
        }),
      );
    }
    if (!vscode.workspace.isTrusted) return lenses; // Restricted Mode: read-only
    const uri = document.uri;
    const action = (title: string, command: string, tooltip: string) => new vscode.CodeLens(range, { title, command, tooltip, arguments: [uri] });
    // Open records can be decided; an accepted one can be retired or replaced; the rest are history.
    if (status === 'draft' || status === 'proposed' || status === null) {
      lenses.push(action('$(check) Accept', 'asyncDesk.decisions.accept', 'Mark this decision as accepted'));
      lenses.push(action('$(close) Reject', 'asyncDesk.decisions.reject', 'Mark this decision as rejected'));
    }
    if (status === 'accepted') {
      lenses.push(action('$(archive) Deprecate', 'asyncDesk.decisions.deprecate', 'Mark this decision as deprecated'));
    }
    if (status !== 'superseded' && status !== 'rejected') {
      lenses.push(action('$(replace) Supersede…', 'asyncDesk.decisions.supersede', 'Write a new record that replaces this one, linked both ways'));
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function relativeLink(fromDocument: vscode.Uri, folder: FolderDecisions, file: string): string {
  const target = folder.uriOf(file).fsPath;
  return path.relative(path.dirname(fromDocument.fsPath), target).split(path.sep).join('/');
}

class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: DecisionStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const match = /\bADR-(\d*)$/i.exec(prefix);
    if (!match) return undefined;
    await this.store.ready();
    const folder = this.store.forUri(document.uri) ?? this.store.all()[0];
    if (!folder) return undefined;
    const range = new vscode.Range(position.line, position.character - match[0].length, position.line, position.character);
    return folder.index.records
      .filter((r) => r.number !== null)
      .map((record) => {
        const number = recordNumberLabel({ folder, record });
        const item = new vscode.CompletionItem(
          { label: `ADR-${number}`, description: record.title, detail: record.folder === folder.index.folders[0]?.dir ? '' : ` ${record.folder}` },
          vscode.CompletionItemKind.Reference,
        );
        item.range = range;
        item.filterText = `ADR-${number} ${record.title}`;
        item.sortText = number;
        item.insertText = `[ADR-${number}: ${record.title}](${relativeLink(document.uri, folder, record.file)})`;
        item.documentation = recordTooltip({ folder, record });
        item.detail = record.status ?? 'unknown status';
        return item;
      });
  }
}

class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: DecisionStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const ref = findReferences(line).find((r) => r.start <= position.character && position.character <= r.end);
    if (!ref) return undefined;
    await this.store.ready();
    const folder = this.store.forUri(document.uri);
    if (!folder) return undefined;
    const fromFile = folder.relativeOf(document.uri) ?? '';
    const record = resolveReference(folder.index.records, fromFile, ref);
    if (!record) return undefined;
    return new vscode.Hover(recordTooltip({ folder, record }), new vscode.Range(position.line, ref.start, position.line, ref.end));
  }
}

function publishDiagnostics(store: DecisionStore, collection: vscode.DiagnosticCollection): void {
  collection.clear();
  for (const folder of store.all()) {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of folder.index.problems) {
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), toDiagnostic(problem)]);
    }
    for (const [file, diagnostics] of byFile) collection.set(folder.uriOf(file), diagnostics);
  }
}
