// Public API of sharing over git (SPEC §2.4, issue 13; pure Node, no vscode): used by the CLI and,
// later, the extension. openSharing -> Sharing (post, sync, fetch, listing, queue); the standup
// sources (branch + queue + working tree) for the digest and the Standups view.
export {
  openSharing,
  Sharing,
  type SharingOptions,
  type OpenResult,
  type NotSharedReason,
  type NewPost,
  type PostResult,
  type FetchReport,
  type SyncReport,
} from './sharing';
export { GitRunner, GitError, tokenConfig, type GitRunnerOptions, type GitConfigEntry, type GitLog } from './git';
export { classifyGitFailure, noRemoteFailure, type FailureKind, type SharingFailure } from './failure';
export { sharedFolders, classifyBranchPath, branchReadme, BRANCH_README, type SharedFolders, type BranchPath } from './branchPaths';
export { classifyBranchFiles, type BranchListing, type BranchStandup, type BranchUpdate, type BranchFile } from './listing';
export { mergeStandups, StandupReader, readBlobs, type SourcedStandup, type StandupSource } from './sources';
export type { QueuedPost } from './queue';
export type { Conflict } from './transport';
