/**
 * The action's only way to the log, annotations, outputs, the job summary and the runner's
 * masker. Every line is scrubbed of known secrets and neutralised (see ./plain.ts) before
 * the runner reads it, so nothing a config, a repository file, a registry or an event
 * payload says can become a workflow command; the one exception, `block`, prints text as it
 * is between `stop-commands` markers with a fresh random token. Nothing else in src/ calls
 * `@actions/core`'s logging (a unit test holds that), so the core gets only these methods.
 */
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import type { Logger } from '../adapters/registry/http.js'
import { logSafe, stripTerminal } from '../domain/text/plain.js'
import { SecretRegistry } from '../domain/text/secrets.js'

/** The run's secrets; each one added is masked by the runner and scrubbed by us. */
export const secrets = new SecretRegistry()
secrets.onAdd(secret => core.setSecret(secret))

/** Untrusted text as the log may show it. */
function safe(text: string): string {
  return logSafe(secrets.redact(text))
}

export interface AnnotationPlace {
  title?: string
  file?: string
  startLine?: number
  startColumn?: number
}

/** Properties are escaped by @actions/core; they still get the same scrubbing. */
function place(properties: AnnotationPlace | undefined): core.AnnotationProperties | undefined {
  if (!properties) return undefined
  return {
    ...properties,
    title: properties.title === undefined ? undefined : safe(properties.title),
    file: properties.file === undefined ? undefined : safe(properties.file)
  }
}

export const debug = (message: string): void => core.debug(safe(message))
export const info = (message: string): void => core.info(safe(message))
export const warning = (message: string, properties?: AnnotationPlace): void =>
  core.warning(safe(message), place(properties))
export const notice = (message: string, properties?: AnnotationPlace): void =>
  core.notice(safe(message), place(properties))
export const error = (message: string, properties?: AnnotationPlace): void =>
  core.error(safe(message), place(properties))
export const setFailed = (message: string): void => core.setFailed(safe(message))
export const startGroup = (name: string): void => core.startGroup(safe(name))
export const endGroup = (): void => core.endGroup()

/** Outputs are no log line, but no secret may reach one either. */
export const setOutput = (name: string, value: string): void =>
  core.setOutput(name, secrets.redact(value))

/** The job summary, as Markdown already escaped for it; secrets removed. */
export async function writeSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(secrets.redact(markdown)).write()
}

/** A token no text can guess; drawn again in the (astronomically unlikely) case it occurs. */
export function stopToken(text: string): string {
  for (;;) {
    const token = randomBytes(16).toString('hex')
    if (!text.toLowerCase().includes(token)) return token
  }
}

/**
 * A multi-line untrusted block (a dry-run body or diff) shown exactly: the runner processes
 * no command between `::stop-commands::TOKEN` and `::TOKEN::`. Secrets are still scrubbed,
 * and terminal controls still stripped, but lines are not altered otherwise.
 */
export function block(heading: string, text: string): void {
  const shown = stripTerminal(secrets.redact(text))
  const token = stopToken(shown)
  core.startGroup(safe(heading))
  core.info(`::stop-commands::${token}\n${shown.replace(/\n$/, '')}\n::${token}::`)
  core.endGroup()
}

/** What the core modules log through. */
export const actionsLogger: Logger = { debug, info, warning: message => warning(message), notice }
