// Entry of dist/sharing.js: sharing over git (issue 13), with the core's git transport. Loaded the
// first time a view asks whether standups are shared, not at start-up (SPEC §5: 400 KB).
export { SharingHub } from './sharingHub';
export { SharedFiles } from './sharedFiles';
export { moveStandups, type MoveResult } from './moveStandups';
export { gitBinary } from './gitBinary';
export { initLog } from '../shared/log';
export { adoptClock } from '../shared/clock';
export { adoptQuestions } from '../shared/ui';
