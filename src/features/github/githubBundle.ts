// Entry of dist/github.js: the GitHub client and Octokit, loaded only when a GitHub feature is first
// used (SPEC §5: "GitHub code loaded only when first used").
export { Octokit } from '@octokit/core';
export * from '../../core/github';
