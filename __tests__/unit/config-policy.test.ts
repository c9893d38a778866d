import { describe, expect, it } from '@jest/globals'
import { ConfigError, parseConfig } from '../../src/domain/config.js'

const entry = (extra: string) => `containers:\n  - image: nginx\n    tag: a\n${extra}`

function errorOf(source: string): ConfigError {
  try {
    parseConfig('cfg.yml', source)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe("an entry's policy fields", () => {
  it('reads min_age, immutable, platforms and max_size', () => {
    const [e] = parseConfig(
      'cfg.yml',
      entry(
        '    min_age: 3d\n    immutable: true\n    platforms: [linux/amd64, linux/arm64/v8]\n    max_size: 200MB\n'
      )
    ).entries
    expect(e!.policy).toEqual({
      minAge: { ms: 3 * 86_400_000, unit: 'd', text: '3d' },
      immutable: true,
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      maxSize: 200e6
    })
    // They still pass through into the matrix, like every other key.
    expect(e!.fields.min_age).toBe('3d')
  })

  it('leaves policy undefined when the entry sets none', () => {
    expect(parseConfig('cfg.yml', entry('')).entries[0]!.policy).toBeUndefined()
  })

  it.each([
    [
      'min_age: 3 weeks',
      /^cfg\.yml:4:14: containers\[0\]\.min_age: invalid duration "3 weeks": expected a whole number of days, hours or minutes/
    ],
    ['immutable: yes please', /^cfg\.yml:4:16: containers\[0\]\.immutable: expected true or false/],
    ['immutable: "true"', /containers\[0\]\.immutable: expected true or false/],
    [
      'platforms: linux/amd64',
      /^cfg\.yml:4:16: containers\[0\]\.platforms: expected a list of platforms/
    ],
    ['platforms: [arm64]', /^cfg\.yml:4:17: containers\[0\]\.platforms\[0\]: invalid platform/],
    [
      'max_size: huge',
      /^cfg\.yml:4:15: containers\[0\]\.max_size: invalid size "huge": expected a size such as 200MB/
    ]
  ])('%s gets an error naming file, line and field', (line, message) => {
    expect(errorOf(entry(`    ${line}\n`)).message).toMatch(message)
  })
})
