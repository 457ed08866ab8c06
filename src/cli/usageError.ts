// The one error that means "the command line itself was wrong": main prints it with the usage text
// and exits 2. The parser and the commands (a missing --repo, an unreadable --answers) throw it.
export class UsageError extends Error {}
