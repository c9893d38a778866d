/**
 * Untrusted text (config values, repository files, registry answers, event payloads) made
 * plain for the two sinks that would otherwise act on it: the Actions runner, which reads
 * workflow commands in the log, and a terminal, which obeys escape sequences. Pure; the
 * sinks themselves are src/action/log.ts and src/cli/terminal.ts.
 */

/**
 * Terminal control: CSI (`ESC [` … final byte, or the one-byte C1 form), OSC (`ESC ]` …
 * BEL or ST, hyperlinks `ESC ]8;;url` included; unterminated, it runs to the end), DCS, SOS,
 * PM and APC strings, other escapes (intermediates and a final byte), and a lone ESC.
 */
const TERMINAL_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b(?:[\x20-\x2f]*[\x30-\x7e])?/g

/**
 * What is left after the sequences: C0 and C1 controls other than tab and line feed (a
 * carriage return lets a line overwrite itself), and the bidirectional overrides, which
 * make a name read differently from what it is ("Trojan Source"). Each becomes U+FFFD, so
 * a reader sees that something was there.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g

/** `text` without terminal sequences or stray controls; line feeds and tabs stay. */
export function stripTerminal(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(TERMINAL_SEQUENCE, '').replace(CONTROL, '\ufffd')
}

/**
 * The runner matches `::` and `##[` with .NET's culture-sensitive `StartsWith`/`IndexOf`,
 * which skip characters that collate as nothing (soft hyphen, zero-width and bidi marks,
 * variation selectors, the BOM): `#\u00ad#[` is found as `##[`. In the log they become
 * U+FFFD, which has a weight of its own, so what the runner matches is what we checked.
 */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu

/**
 * Everything the runner's `TrimStart` could skip before looking for `::` (a superset of
 * .NET whitespace), and marks that would attach to nothing.
 */
const LEADING = /^[\s\p{Z}\p{M}\p{Cc}\p{Cf}]*/u

/**
 * Tab is the one control character a line keeps, and collation ignores it like the others:
 * `:\t:` starts a command as `::` does, and `#\t#[` is found as `##[`.
 */
const COMMAND_START = /^:\t*:/
const LEGACY_COMMAND = /#\t*#\t*\[/g

/**
 * One line that the runner can never read as a workflow command: `::` at its start (after
 * leading whitespace) and `##[` anywhere (the legacy form is found at any position) get a
 * space inside. A space, not an invisible character: culture-sensitive matching skips
 * those. `line` must hold no line break.
 */
export function neutraliseLine(line: string): string {
  const lead = LEADING.exec(line)![0]
  let rest = line.slice(lead.length)
  if (COMMAND_START.test(rest)) rest = `: ${rest.slice(1)}`
  return lead + rest.replace(LEGACY_COMMAND, match => `${match.slice(0, -1)} [`)
}

/** Text for the log: plain (see stripTerminal), nothing ignorable, each line neutralised. */
export function logSafe(text: string): string {
  return stripTerminal(text).replace(IGNORABLE, '\ufffd').split('\n').map(neutraliseLine).join('\n')
}
