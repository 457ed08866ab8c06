// Problems from src/core (0-based line, optional columns) as VS Code diagnostics.
import * as vscode from 'vscode';
import type { Problem } from '../../core/shared/problem';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line, problem.column ?? 0, problem.line, problem.endColumn ?? Number.MAX_SAFE_INTEGER);
  const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'Async Desk';
  diagnostic.code = problem.code;
  return diagnostic;
}
