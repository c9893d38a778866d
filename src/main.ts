/**
 * The action's edge: read inputs once, run the core, write outputs and the job summary.
 * Nothing else in the code base touches `@actions/core` inputs.
 */
import * as core from '@actions/core'
import { resolve } from 'node:path'
import { ConfigError } from './config.js'
import { createRegistryClient } from './create-client.js'
import { CredentialsInputError, parseRegistryAuth, type Credentials } from './credentials.js'
import type { Logger } from './registry/http.js'
import { renderSummary } from './summary.js'
import { type Mode, type UpdateResult, runUpdate } from './update.js'

export interface ActionInputs {
  mode: Mode
  config: string
  image?: string
  dryRun: boolean
  platform?: string
  registryAuth: Map<string, Credentials>
  insecureRegistries: string[]
  concurrency: number
  maxAttempts: number
  failOnError: boolean
  token?: string
}

class InputError extends Error {
  override name = 'InputError'
}

function positiveInteger(name: string, fallback: number, max: number): number {
  const text = core.getInput(name).trim()
  if (text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(`input ${name} must be a whole number from 1 to ${max}, got "${text}"`)
  }
  return value
}

function booleanInput(name: string, fallback: boolean): boolean {
  const text = core.getInput(name).trim().toLowerCase()
  if (text === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(text)) return true
  if (['false', 'no', '0', 'off'].includes(text)) return false
  throw new InputError(`input ${name} must be true or false, got "${text}"`)
}

export function listInput(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

export function readInputs(): ActionInputs {
  const mode = (core.getInput('mode').trim() || 'update') as Mode
  if (mode !== 'update' && mode !== 'matrix') {
    throw new InputError(`input mode must be "update" or "matrix", got "${mode}"`)
  }
  const registryAuthText = core.getInput('registry-auth')
  let registryAuth: Map<string, Credentials>
  try {
    registryAuth = parseRegistryAuth(registryAuthText)
  } catch (error) {
    if (error instanceof CredentialsInputError) throw new InputError(`input ${error.message}`)
    throw error
  }
  for (const creds of registryAuth.values()) core.setSecret(creds.password)
  const token = core.getInput('token').trim() || undefined
  if (token) core.setSecret(token)
  return {
    mode,
    config: core.getInput('config').trim() || '.github/containers.yml',
    image: core.getInput('image').trim() || undefined,
    dryRun: booleanInput('dry-run', false),
    platform: core.getInput('platform').trim() || undefined,
    registryAuth,
    insecureRegistries: listInput(core.getInput('insecure-registries')).map(h => h.toLowerCase()),
    concurrency: positiveInteger('concurrency', 8, 64),
    maxAttempts: positiveInteger('max-attempts', 3, 10),
    failOnError: booleanInput('fail-on-error', false),
    token
  }
}

const actionsLogger: Logger = {
  debug: message => core.debug(message),
  info: message => core.info(message),
  warning: message => core.warning(message)
}

export function writeOutputs(result: UpdateResult): void {
  core.setOutput('matrix', JSON.stringify(result.matrix))
  core.setOutput('changed', String(result.changed))
  core.setOutput('updates', JSON.stringify(result.updates))
  core.setOutput('failed', JSON.stringify(result.failed))
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const client =
      inputs.mode === 'update'
        ? createRegistryClient({
            registryAuth: inputs.registryAuth,
            insecureRegistries: inputs.insecureRegistries,
            concurrency: inputs.concurrency,
            maxAttempts: inputs.maxAttempts,
            githubToken: inputs.token,
            logger: actionsLogger,
            onSecret: secret => core.setSecret(secret)
          })
        : undefined

    const result = await runUpdate(
      {
        mode: inputs.mode,
        configPath: resolve(workspace, inputs.config),
        configLabel: inputs.config,
        defaultImage: inputs.image,
        defaultPlatform: inputs.platform,
        dryRun: inputs.dryRun,
        concurrency: inputs.concurrency
      },
      client,
      actionsLogger
    )

    for (const r of result.results) {
      if (r.status === 'failed') {
        core.warning(`${r.entry.name}: ${r.error}`, {
          title: 'Digest not updated',
          file: inputs.config,
          startLine: r.entry.line
        })
      } else if (r.status === 'updated' || r.status === 'pinned') {
        core.info(`${r.entry.name}: ${r.previous ?? 'unpinned'} → ${r.current}`)
      }
    }
    writeOutputs(result)
    await core.summary.addRaw(renderSummary(result, { dryRun: inputs.dryRun })).write()

    const total = result.results.length
    if (result.failed.length > 0 && (result.failed.length === total || inputs.failOnError)) {
      core.setFailed(
        result.failed.length === total
          ? `none of the ${total} image(s) could be resolved`
          : `${result.failed.length} of ${total} image(s) could not be resolved (fail-on-error is on)`
      )
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      core.error(error.detail, {
        title: `Invalid config${error.field ? `: ${error.field}` : ''}`,
        file: error.file,
        startLine: error.position?.line,
        startColumn: error.position?.col
      })
    }
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
