// extensionTestsPath of the hostile-workspace runs (scripts/run-integration.mjs): the same mocha runner
// as test/integration, over this folder's tests only.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
