/**
 * The command line's way to the terminal. A terminal obeys escape sequences, so untrusted
 * text in a cell, an error or a diff could recolour, hide or overwrite lines, set the window
 * title or show a hyperlink to somewhere else: `terminalSafe` strips them (see ./plain.ts)
 * before the CLI adds its own colours. There is no runner to mask secrets, so the
 * registry's secrets are scrubbed from everything written.
 */
import { stripTerminal } from '../domain/text/plain.js'
import { SecretRegistry } from '../domain/text/secrets.js'

export const secrets = new SecretRegistry()

/** Untrusted text as a terminal may show it: no control sequence, no stray control. */
export function terminalSafe(text: string): string {
  return stripTerminal(text)
}

/** Writes already-rendered output (our own colours included), without any known secret. */
export function writeStdout(text: string): void {
  process.stdout.write(secrets.redact(text))
}

export function writeStderr(text: string): void {
  process.stderr.write(secrets.redact(text))
}
