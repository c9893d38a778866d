/**
 * The policy settings from their text, as both edges read them (the action's inputs, the
 * CLI's flags): one parser, so each edge only says how it names a setting in the error.
 */
import {
  DEFAULT_POLICY_SETTINGS,
  type MinAgeUnknown,
  type PolicySettings,
  type SizePolicy
} from './engine.js'
import { DURATION_FORMS, PERCENT_FORMS, parseDuration, parsePercent } from './units.js'

export interface PolicySettingsText {
  minAge?: string
  minAgeUnknown?: string
  allowRewind?: boolean
  immutableTags?: readonly string[]
  sizeLimitIncrease?: string
  sizePolicy?: string
}

export type PolicySettingName =
  'min-age' | 'min-age-unknown' | 'immutable-tags' | 'size-limit-increase' | 'size-policy'

/** A bad setting: `setting` is its neutral name, the edge words it (`input min-age`, `--min-age`). */
export class PolicySettingError extends Error {
  constructor(
    readonly setting: PolicySettingName,
    readonly detail: string
  ) {
    super(`${setting} ${detail}`)
  }
}

const MIN_AGE_UNKNOWN: readonly MinAgeUnknown[] = ['first-seen', 'hold', 'allow']
const SIZE_POLICIES: readonly SizePolicy[] = ['warn', 'block']

export function parsePolicySettings(text: PolicySettingsText): PolicySettings {
  const fail = (setting: PolicySettingName, detail: string): never => {
    throw new PolicySettingError(setting, detail)
  }
  const settings: PolicySettings = { ...DEFAULT_POLICY_SETTINGS }
  if (text.minAge) {
    settings.minAge =
      parseDuration(text.minAge) ??
      fail('min-age', `must be ${DURATION_FORMS}, got "${text.minAge}"`)
  }
  if (text.minAgeUnknown) {
    const value = text.minAgeUnknown as MinAgeUnknown
    if (!MIN_AGE_UNKNOWN.includes(value))
      fail('min-age-unknown', `must be first-seen, hold or allow, got "${text.minAgeUnknown}"`)
    settings.minAgeUnknown = value
  }
  settings.allowRewind = text.allowRewind ?? false
  settings.immutableTags = (text.immutableTags ?? []).map(pattern => {
    try {
      return new RegExp(pattern, 'u')
    } catch (error) {
      return fail(
        'immutable-tags',
        `has an invalid regular expression "${pattern}": ${(error as Error).message}`
      )
    }
  })
  if (text.sizeLimitIncrease) {
    settings.sizeLimitIncrease =
      parsePercent(text.sizeLimitIncrease) ??
      fail('size-limit-increase', `must be ${PERCENT_FORMS}, got "${text.sizeLimitIncrease}"`)
  }
  if (text.sizePolicy) {
    const value = text.sizePolicy as SizePolicy
    if (!SIZE_POLICIES.includes(value))
      fail('size-policy', `must be warn or block, got "${text.sizePolicy}"`)
    settings.sizePolicy = value
  }
  return settings
}
