/**
 * The action's inputs, read once into a typed object: the only module that calls
 * `@actions/core`'s getInput (modelled on docker/metadata-action's context.ts). Bad values
 * fail here, before anything runs, naming the input and what it accepts.
 */
import * as core from '@actions/core'
import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  REQUEST_TIMEOUT_RANGE,
  parseRequestTimeout
} from '../adapters/registry/create-client.js'
import {
  CredentialsInputError,
  parseRegistryAuth,
  type Credentials
} from '../adapters/registry/credentials.js'
import { splitPatternList } from '../adapters/fs/workspace-files.js'
import { UpdaterError } from '../domain/errors.js'
import { AUTO_MERGE_METHODS, type AutoMergeMethod } from '../adapters/github/auto-merge.js'
import { DEFAULT_BRANCH, DEFAULT_TITLE } from '../run/propose.js'
import type { Mode } from '../run/update.js'
import { DEFAULT_SIZE_WARN_INCREASE, parseSizeWarnIncrease } from '../run/review.js'
import type { PolicySettings } from '../domain/policy/engine.js'
import { PolicySettingError, parsePolicySettings } from '../domain/policy/settings.js'
import { VERIFY_MODES, type VerifyMode, parseVerifyMode } from '../domain/signature/policy.js'
import type { PinSettings } from '../run/discover.js'
import { parseRegistryMap } from '../domain/discovery/pin.js'

export const DEFAULT_CONFIG = '.github/containers.yml'
export const DEFAULT_CONCURRENCY = 8
export const MAX_CONCURRENCY = 64
export const DEFAULT_MAX_ATTEMPTS = 3
export const MAX_MAX_ATTEMPTS = 10

export interface Inputs {
  mode: Mode
  config: string
  image?: string
  dryRun: boolean
  platform?: string
  registryAuth: Map<string, Credentials>
  insecureRegistries: string[]
  concurrency: number
  maxAttempts: number
  /** Per-request timeout (headers and body), from the request-timeout input. */
  requestTimeoutMs: number
  failOnError: boolean
  token?: string
  /** Globs of other files pinning the same images, relative to the workspace. */
  files: string[]
  pullRequest: PullRequestInputs
  /** A platform growing by more than this fraction is flagged (size-warn-increase, `20%`). */
  sizeWarnIncrease: number
  /** min-age, min-age-unknown, allow-rewind, immutable-tags, size-limit-increase, size-policy. */
  policies: PolicySettings
  /** Ask whether every pinned digest is still served (check-pins). */
  checkPins: boolean
  /** verify-signatures, signature-keys, sigstore-trusted-root (issue 16). */
  signatures: SignatureInputs
  /** Discovery's settings, from discover, pin, pin-untagged, ignore and registry-map; undefined when discover is off. */
  discover?: PinSettings
}

export interface SignatureInputs {
  mode: VerifyMode
  keys?: string
  trustedRoot?: string
}

export interface PullRequestInputs {
  enabled: boolean
  branch: string
  /** True when the workflow set `branch`: only then may foreign commits on it be replaced. */
  branchExplicit: boolean
  base?: string
  title: string
  commitMessage: string
  /** Inline template text, or a workspace path holding it. */
  bodyTemplate?: string
  labels: string[]
  assignees: string[]
  reviewers: string[]
  teamReviewers: string[]
  draft: boolean
  /** Auto-merge with this method when every update passed every gate; undefined: left alone. */
  autoMerge?: AutoMergeMethod
}

/** A bad input value: the run stops before anything is asked or written. */
export class InputError extends UpdaterError {
  override name = 'InputError'
}

const text = (name: string): string => core.getInput(name).trim()

function positiveInteger(name: string, fallback: number, max: number): number {
  const value = text(name)
  if (value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(`input ${name} must be a whole number from 1 to ${max}, got "${value}"`)
  }
  return n
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = text(name).toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(value)) return true
  if (['false', 'no', '0', 'off'].includes(value)) return false
  throw new InputError(`input ${name} must be true or false, got "${value}"`)
}

/** A list input: items separated by newlines or commas, blanks dropped. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

function modeInput(): Mode {
  const mode = text('mode') || 'update'
  if (mode !== 'update' && mode !== 'matrix') {
    throw new InputError(`input mode must be "update" or "matrix", got "${mode}"`)
  }
  return mode
}

function registryAuthInput(): Map<string, Credentials> {
  try {
    return parseRegistryAuth(core.getInput('registry-auth'), REGISTRY_AUTH_SOURCE)
  } catch (error) {
    if (error instanceof CredentialsInputError)
      throw new InputError(`input registry-auth ${error.message}`)
    throw error
  }
}

function requestTimeoutInput(): number {
  const value = text('request-timeout')
  if (value === '') return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000
  const ms = parseRequestTimeout(value)
  if (ms === undefined)
    throw new InputError(`input request-timeout must be ${REQUEST_TIMEOUT_RANGE}, got "${value}"`)
  return ms
}

function pullRequestInputs(): PullRequestInputs {
  const branch = text('branch')
  const title = text('title') || DEFAULT_TITLE
  return {
    enabled: booleanInput('pull-request', true),
    branch: branch || DEFAULT_BRANCH,
    branchExplicit: branch !== '',
    base: text('base') || undefined,
    title,
    commitMessage: text('commit-message') || title,
    bodyTemplate: core.getInput('body-template') || undefined,
    labels: listInput(core.getInput('labels')),
    assignees: listInput(core.getInput('assignees')),
    reviewers: listInput(core.getInput('reviewers')),
    teamReviewers: listInput(core.getInput('team-reviewers')),
    draft: booleanInput('draft', false),
    autoMerge: autoMergeInput()
  }
}

function sizeWarnIncreaseInput(): number {
  const value = text('size-warn-increase') || DEFAULT_SIZE_WARN_INCREASE
  const fraction = parseSizeWarnIncrease(value)
  if (fraction === undefined)
    throw new InputError(
      `input size-warn-increase must be a percentage such as 20% (0% flags any growth), got "${value}"`
    )
  return fraction
}

function autoMergeInput(): AutoMergeMethod | undefined {
  const value = text('auto-merge').toLowerCase()
  if (value === '') return undefined
  const method = AUTO_MERGE_METHODS.find(m => m === value)
  if (!method)
    throw new InputError(
      `input auto-merge must be merge, squash or rebase (or empty to leave auto-merge alone), got "${value}"`
    )
  return method
}

function policyInputs(): PolicySettings {
  try {
    return parsePolicySettings({
      minAge: text('min-age'),
      minAgeUnknown: text('min-age-unknown'),
      allowRewind: booleanInput('allow-rewind', false),
      // One pattern a line: a comma is part of a regular expression (`{1,3}`).
      immutableTags: core
        .getInput('immutable-tags')
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean),
      sizeLimitIncrease: text('size-limit-increase'),
      sizePolicy: text('size-policy')
    })
  } catch (error) {
    if (error instanceof PolicySettingError)
      throw new InputError(`input ${error.setting} ${error.detail}`)
    throw error
  }
}

function signatureInputs(): SignatureInputs {
  const value = text('verify-signatures')
  const mode = value === '' ? 'off' : parseVerifyMode(value)
  if (mode === undefined) {
    throw new InputError(
      `input verify-signatures must be one of ${VERIFY_MODES.join(', ')}, got "${value}"`
    )
  }
  return {
    mode,
    keys: core.getInput('signature-keys').trim() || undefined,
    trustedRoot: text('sigstore-trusted-root') || undefined
  }
}

function discoverInputs(): PinSettings | undefined {
  if (!booleanInput('discover', false)) {
    // The runner passes every default (pin: 'false'), so only a value that does something counts.
    const given = [
      booleanInput('pin', false) && 'pin',
      booleanInput('pin-untagged', false) && 'pin-untagged',
      text('ignore') !== '' && 'ignore',
      text('registry-map') !== '' && 'registry-map'
    ].find(Boolean)
    if (given) throw new InputError(`input ${given} needs discover: true`)
    return undefined
  }
  let registryMap
  try {
    registryMap = parseRegistryMap(listInput(core.getInput('registry-map').replace(/,/g, '\n')))
  } catch (error) {
    throw new InputError(`input registry-map ${(error as Error).message}`)
  }
  return {
    pin: booleanInput('pin', false),
    pinUntagged: booleanInput('pin-untagged', false),
    ignore: listInput(core.getInput('ignore')),
    registryMap
  }
}

/** Where credentials from the registry-auth input came from, as messages name it. */
export const REGISTRY_AUTH_SOURCE = 'the registry-auth input'

/**
 * Every input, checked. `onSecret` hears each password and the token as soon as they are
 * read, before any other input can fail with a message that might quote one.
 */
export function getInputs(onSecret: (secret: string) => void = () => undefined): Inputs {
  const mode = modeInput()
  const registryAuth = registryAuthInput()
  for (const credentials of registryAuth.values()) onSecret(credentials.password)
  const token = text('token') || undefined
  if (token) onSecret(token)
  return {
    mode,
    config: text('config') || DEFAULT_CONFIG,
    image: text('image') || undefined,
    dryRun: booleanInput('dry-run', false),
    platform: text('platform') || undefined,
    registryAuth,
    insecureRegistries: listInput(core.getInput('insecure-registries')).map(h => h.toLowerCase()),
    concurrency: positiveInteger('concurrency', DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
    maxAttempts: positiveInteger('max-attempts', DEFAULT_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS),
    requestTimeoutMs: requestTimeoutInput(),
    failOnError: booleanInput('fail-on-error', false),
    token,
    files: splitPatternList(core.getInput('files')),
    pullRequest: pullRequestInputs(),
    sizeWarnIncrease: sizeWarnIncreaseInput(),
    policies: policyInputs(),
    checkPins: booleanInput('check-pins', false),
    signatures: signatureInputs(),
    discover: discoverInputs()
  }
}
