/** How the action names settings in a fix: as its inputs (see ../domain/errors.ts). */
import type { SettingWords } from '../domain/errors.js'

export const INPUT_WORDS: SettingWords = {
  set: setting => `set the ${setting} input`,
  the: setting => `the ${setting} input`,
  bare: setting => setting
}
