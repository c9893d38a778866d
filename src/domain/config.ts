/**
 * The containers config: parse and validate with source positions, and rewrite digest
 * values in place. Knows nothing of HTTP or GitHub.
 *
 * The rewrite splices new digest text into the original source at the scalar's byte
 * range instead of re-serialising the YAML document, so comments, quoting, key order,
 * blank lines and line endings stay exactly as the user wrote them.
 *
 * This module is the config's front door; its steps live in config/: reading the document
 * (document.ts), the top level (parse.ts), one entry (entry.ts), digest slots (slots.ts) and
 * the rewrite (rewrite.ts).
 */
export { MAX_CONFIG_BYTES } from './config/document.js'
export { ConfigError, type SourcePosition } from './config/error.js'
export type { ConfigEntry, ParseOptions, ParsedConfig } from './config/model.js'
export { parseConfig } from './config/parse.js'
export { rewriteDigests } from './config/rewrite.js'
