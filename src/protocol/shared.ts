// Types that more than one webview protocol uses.

/**
 * A day, YYYY-MM-DD. In a union with named days ('today' | IsoDate), `string & {}` keeps the names
 * visible to the type checker and to completions, where a plain `string` would absorb them.
 */
export type IsoDate = string & {};
