/** One error base, worded by each edge once: the action names inputs, the CLI flags. */
import { describe, expect, it } from '@jest/globals'
import { INPUT_WORDS } from '../../src/action/words.js'
import { FLAG_WORDS } from '../../src/cli/words.js'
import { ConfigError } from '../../src/domain/config.js'
import { NEUTRAL_WORDS, UpdaterError, describeError } from '../../src/domain/errors.js'

describe('an UpdaterError with a fix', () => {
  const missing = new ConfigError('nowhere.yml', undefined, undefined, 'config file not found', {
    fix: { text: 'create it or {set:config}' }
  })

  it('reads neutral until an edge words it', () => {
    expect(missing.message).toBe('nowhere.yml: config file not found; create it or set `config`')
    expect(describeError(missing, NEUTRAL_WORDS)).toBe(missing.message)
  })

  it('names the input in the action and the flag in the CLI', () => {
    expect(describeError(missing, INPUT_WORDS)).toBe(
      'nowhere.yml: config file not found; create it or set the config input'
    )
    expect(describeError(missing, FLAG_WORDS)).toBe(
      'nowhere.yml: config file not found; create it or pass --config'
    )
  })

  it.each([
    ['{the:files}', 'the files input', '--files'],
    ['{insecure-registries}', 'insecure-registries', '--insecure-registry'],
    ['{registry-auth}', 'registry-auth', '--registry-auth-file'],
    ['{request-timeout}', 'request-timeout', '--request-timeout'],
    ['{the:image}', 'the image input', '--image'],
    ['{set:base}', 'set the base input', 'set `base`']
  ])('words %s as %j and %j', (text, action, cli) => {
    const error = new UpdaterError('r', { fix: { text } })
    expect(error.describe(INPUT_WORDS)).toBe(`r; ${action}`)
    expect(error.describe(FLAG_WORDS)).toBe(`r; ${cli}`)
  })

  it('joins the fix as a clause, an aside, after a colon or as a sentence', () => {
    const fix = (join: 'clause' | 'aside' | 'colon' | 'sentence') =>
      new UpdaterError('r', { fix: { text: 'raise {request-timeout}', join } }).describe(FLAG_WORDS)
    expect([fix('clause'), fix('aside'), fix('colon'), fix('sentence')]).toEqual([
      'r; raise --request-timeout',
      'r (raise --request-timeout)',
      'r: raise --request-timeout',
      'r. raise --request-timeout'
    ])
  })

  it('never fills placeholders in untrusted text: the reason and the text after the fix', () => {
    const error = new UpdaterError('host {set:config} said {the:files}', {
      fix: { text: 'set {config}' },
      after: ' GitHub said: {set:token}'
    })
    expect(error.describe(INPUT_WORDS)).toBe(
      'host {set:config} said {the:files}; set config GitHub said: {set:token}'
    )
  })

  it('leaves other errors as they are', () => {
    expect(describeError(new Error('plain'), INPUT_WORDS)).toBe('plain')
    expect(describeError('text', FLAG_WORDS)).toBe('text')
  })
})
