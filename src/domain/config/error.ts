/** The config's one error: names the file, the position and the field, on one line. */
import { type SettingWords, UpdaterError, type UpdaterErrorOptions, joinFix } from '../errors.js'

export interface SourcePosition {
  line: number
  col: number
}

// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g

/** Control characters from the file, written as escapes: a message stays on one line. */
function escapeControls(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  return text.replace(
    LINE_BREAKING,
    c => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

export class ConfigError extends UpdaterError {
  override name = 'ConfigError'
  /** What is wrong, without file and field (an annotation names those itself) or fix. */
  readonly detail: string
  constructor(
    readonly file: string,
    readonly position: SourcePosition | undefined,
    readonly field: string | undefined,
    detail: string,
    options?: UpdaterErrorOptions
  ) {
    const where = position ? `${file}:${position.line}:${position.col}` : file
    // Values quoted from the file may hold any character.
    const safe = escapeControls(detail)
    super(`${where}: ${field ? `${field}: ` : ''}${safe}`, options)
    this.detail = safe
  }

  /** The detail with the fix in an edge's words, for an annotation. */
  describeDetail(words: SettingWords): string {
    return this.fix ? `${this.detail}${joinFix(this.fix, words)}` : this.detail
  }
}
