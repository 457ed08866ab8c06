// Public API of the decision-record core (pure TypeScript, no vscode): used by the extension, the CLI and the tests.
export * from './types';
export { parseRecord, isTemplateRecord } from './parse';
export { parseFileName, resolveLinkTarget } from './recordFields';
export { normalizeStatus, statusWord, statusPhrase } from './status';
export { discoverFolders, scanDecisions, isRecordFileName, readRecordText, type DiscoverOptions, type ScanOptions } from './scan';
export { checkIndex, linkRecords } from './check';
export { setStatus } from './edit';
export { createRecord, contextLine, supersede, nextNumber, NATIVE_SECTIONS } from './create';
export { findCollisions, planRenumber } from './renumber';
export { renderIndexTable, updateIndexSection, INDEX_MARKER, INDEX_END_MARKER } from './indexTable';
export { findReferences, resolveReference, type RecordReference } from './references';
