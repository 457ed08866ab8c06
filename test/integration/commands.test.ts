// Every contributed command is registered and carries the "Async Desk" category.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, testHooks } from './helpers';
import { COMMAND_IDS } from '../../src/features/commandIds';

describe('Contributed commands', () => {
  it('every command in package.json is registered and has the category "Async Desk"', async () => {
    const extension = await activateExtension();
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string; category?: string }[] } }).contributes.commands;
    assert.ok(contributed.length > 5, 'the manifest contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c.command)).map((c) => c.command);
    assert.deepEqual(missing, [], 'contributed but not registered');
    const proxied = new Set<string>(COMMAND_IDS);
    assert.deepEqual(
      contributed.map((c) => c.command).filter((id) => !proxied.has(id)),
      [],
      'contributed but missing from COMMAND_IDS',
    );
    assert.deepEqual(
      COMMAND_IDS.filter((id) => !contributed.some((c) => c.command === id)),
      [],
      'in COMMAND_IDS but not contributed',
    );
    const uncategorised = contributed.filter((c) => c.category !== 'Async Desk').map((c) => c.command);
    assert.deepEqual(uncategorised, [], 'without the Async Desk category');
  });

  it('registers no command of its own beyond the contributed ones, even in the test host (test hooks are not commands)', async () => {
    const extension = await activateExtension();
    await testHooks(); // the features bundle and the hooks are loaded: whatever they register is there now
    const contributed = new Set((extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command));
    // VS Code registers `<view id>.focus` (and the like) for each of our views; those are its own.
    const views = (extension.packageJSON as { contributes: { views: Record<string, { id: string }[]> } }).contributes.views;
    const viewIds = Object.values(views).flatMap((list) => list.map((v) => v.id));
    const viewCommand = (id: string) =>
      viewIds.some((v) => id.startsWith(`${v}.`) && /^(focus|resetViewLocation|toggleVisibility|removeView|open)$/.test(id.slice(v.length + 1)));
    const ours = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('asyncDesk.') && !viewCommand(id));
    assert.ok(ours.length >= contributed.size, 'the contributed commands are registered');
    assert.deepEqual(
      ours.filter((id) => !contributed.has(id)),
      [],
    );
  });

  it('activation is not eager: no "*" or onStartupFinished', async () => {
    const extension = await activateExtension();
    const events = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), events.join(', '));
  });
});
