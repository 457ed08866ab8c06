// extensionTestsPath of the sharing run (scripts/run-integration.mjs): the same mocha runner as
// test/integration, over this folder's tests, in a workspace that is a git clone of a bare repository
// served over token-checking smart HTTP (scripts/lib/shared-workspace.mjs).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
