/**
 * Text a registry chose (error codes, content types, header values, platform names) ends
 * up in error messages, annotations, outputs and the job summary. It is shown as one short
 * line, so a hostile or broken registry cannot forge workflow commands, flood the log or
 * hide the real cause behind kilobytes of filler.
 */

const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]+/gu

/** `value` on one line, at most `max` characters, the cut marked with `…`. */
export function untrustedText(value: string, max = 100): string {
  const line = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** Distribution error codes are upper-case words (`MANIFEST_UNKNOWN`); anything else is not one. */
export function registryErrorCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(value) ? value : undefined
}
