/**
 * The one base of the errors this code base throws on purpose. Core code (run/, domain/,
 * adapters/) says what went wrong in neutral words and, when the user can change something,
 * adds a fix that names settings by their neutral key; each edge words the fix once, in its
 * own terms (the action: inputs, `set the config input`; the CLI: flags, `pass --config`),
 * with describeError.
 *
 * A fix is our own literal text: untrusted text (a path, a host, a registry's answer) goes in
 * the message, never in the fix, so no value can smuggle in a placeholder.
 */

/** The settings a fix may name, by their neutral key (the action's input name). */
export type Setting =
  | 'config'
  | 'image'
  | 'registry-auth'
  | 'insecure-registries'
  | 'request-timeout'
  | 'files'
  | 'base'
  | 'branch'
  | 'pull-request'
  | 'token'
  | 'size-warn-increase'
  | 'auto-merge'
  | 'check-pins'
  | 'verify-signatures'
  | 'signature-keys'
  | 'sigstore-trusted-root'

/**
 * How an edge names a setting in a fix. The template forms: `{set:config}` (the imperative:
 * "set the config input", "pass --config"), `{the:config}` (as an object: "the config
 * input", "--config"), `{config}` (the bare name: "config", "--config").
 */
export interface SettingWords {
  set(setting: Setting): string
  the(setting: Setting): string
  bare(setting: Setting): string
}

/** The words of no edge in particular, for messages read outside both (tests, logs of the core). */
export const NEUTRAL_WORDS: SettingWords = {
  set: setting => `set \`${setting}\``,
  the: setting => `\`${setting}\``,
  bare: setting => `\`${setting}\``
}

export interface Fix {
  /** Our own literal text with `{set:…}`, `{the:…}` or `{…}` placeholders; never untrusted text. */
  text: string
  /** How it joins the message: `reason; fix` (the default), `reason (fix)`, `reason: fix`, `reason. Fix`. */
  join?: 'clause' | 'aside' | 'colon' | 'sentence'
}

export interface UpdaterErrorOptions extends ErrorOptions {
  fix?: Fix
  /** Text after the fix, taken as it is (it may quote an answer, so it gets no placeholders). */
  after?: string
}

const PLACEHOLDER = /\{(?:(set|the):)?([a-z-]+)\}/g

/** A fix in an edge's words. */
export function wordFix(fix: Fix, words: SettingWords): string {
  return fix.text.replace(PLACEHOLDER, (_, form: 'set' | 'the' | undefined, key: string) => {
    const setting = key as Setting
    return form === 'set'
      ? words.set(setting)
      : form === 'the'
        ? words.the(setting)
        : words.bare(setting)
  })
}

/** The fix as it follows the reason: `; fix`, ` (fix)` or `: fix`. */
export function joinFix(fix: Fix, words: SettingWords): string {
  const text = wordFix(fix, words)
  const separator = { clause: '; ', colon: ': ', sentence: '. ', aside: ' (' }[fix.join ?? 'clause']
  return `${separator}${text}${fix.join === 'aside' ? ')' : ''}`
}

function joined(
  reason: string,
  options: UpdaterErrorOptions | undefined,
  words: SettingWords
): string {
  const fix = options?.fix
  return (fix ? `${reason}${joinFix(fix, words)}` : reason) + (options?.after ?? '')
}

export class UpdaterError extends Error {
  override name = 'UpdaterError'
  /** What went wrong, without the fix. */
  readonly reason: string
  readonly fix?: Fix
  readonly after?: string
  constructor(reason: string, options?: UpdaterErrorOptions) {
    super(joined(reason, options, NEUTRAL_WORDS), options)
    this.reason = reason
    this.fix = options?.fix
    this.after = options?.after
  }

  /** The message in an edge's words. */
  describe(words: SettingWords): string {
    return joined(this.reason, this, words)
  }
}

/** Any thrown value as an edge shows it: an UpdaterError in the edge's words, others as they are. */
export function describeError(error: unknown, words: SettingWords): string {
  if (error instanceof UpdaterError) return error.describe(words)
  return error instanceof Error ? error.message : String(error)
}
