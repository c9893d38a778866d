/** How the CLI names settings in a fix: as its flags (see ../domain/errors.ts). */
import { NEUTRAL_WORDS, type Setting, type SettingWords } from '../domain/errors.js'

/** The flag for each setting; settings of the pull request, which the CLI never opens, have none. */
const FLAG: Partial<Record<Setting, string>> = {
  config: '--config',
  image: '--image',
  'registry-auth': '--registry-auth-file',
  'insecure-registries': '--insecure-registry',
  'request-timeout': '--request-timeout',
  files: '--files',
  'size-warn-increase': '--size-warn-increase',
  'auto-merge': '--auto-merge',
  'check-pins': '--check-pins',
  'verify-signatures': '--verify-signatures',
  'signature-keys': '--signature-key',
  'sigstore-trusted-root': '--sigstore-trusted-root'
}

export const FLAG_WORDS: SettingWords = {
  set: setting => (FLAG[setting] ? `pass ${FLAG[setting]}` : NEUTRAL_WORDS.set(setting)),
  the: setting => FLAG[setting] ?? NEUTRAL_WORDS.the(setting),
  bare: setting => FLAG[setting] ?? NEUTRAL_WORDS.bare(setting)
}
