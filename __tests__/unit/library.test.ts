/**
 * The library entry's contract without a registry: a bad reference or an unreachable
 * registry is an answer, not a throw; options that cannot work throw before anything is
 * asked; nothing is written to the terminal. Against a real registry, through the packed
 * tarball, see __tests__/integration/consumer.test.ts.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { resolveImageDigest, resolveImageDigests } from '../../src/lib/index.js'
import { pinReference } from '../../src/run/digests.js'
import { parseDigest } from '../../src/domain/oci/digest.js'

const DIGEST = parseDigest(`sha256:${'a'.repeat(64)}`)
/** Port 9 (discard) on loopback: nothing listens, so a connection is refused at once. */
const DEAD = '127.0.0.1:9'
const quick = { credentials: 'none', maxAttempts: 1, timeout: 2000 } as const

describe('resolveImageDigests', () => {
  it('answers a bad reference with an error, in the order given, without throwing', async () => {
    const answers = await resolveImageDigests(['', 'Not A Reference', 'nginx:bad tag'], quick)
    expect(answers.map(a => [a.reference, a.pinned, a.digest])).toEqual([
      ['', null, null],
      ['Not A Reference', null, null],
      ['nginx:bad tag', null, null]
    ])
    expect(answers.map(a => a.error)).toEqual([
      'image reference is empty',
      'image reference "Not A Reference" contains white space',
      'image reference "nginx:bad tag" contains white space'
    ])
  })

  it('answers an unreachable registry with an error naming the reference', async () => {
    const answer = await resolveImageDigest(`${DEAD}/team/app:v1`, quick)
    expect(answer).toMatchObject({ reference: `${DEAD}/team/app:v1`, pinned: null, digest: null })
    expect(answer.error).toMatch(new RegExp(`^${DEAD}/team/app:v1: `))
  })

  it('writes nothing to stdout or stderr, and gives its messages to the logger without secrets', async () => {
    const stdout = jest.spyOn(process.stdout, 'write')
    const stderr = jest.spyOn(process.stderr, 'write')
    const messages: string[] = []
    const logger = { debug: (m: string) => messages.push(m), warn: (m: string) => messages.push(m) }
    try {
      const registryAuth = `${DEAD}:\n  username: alice\n  password: hunter2-s3cret\n`
      const answer = await resolveImageDigest(`${DEAD}/team/app:v1`, {
        ...quick,
        credentials: { registryAuth, dockerConfig: false },
        logger
      })
      expect(answer.error).not.toBeNull()
      expect(answer.error).not.toContain('hunter2-s3cret')
      expect(stdout).not.toHaveBeenCalled()
      expect(stderr).not.toHaveBeenCalled()
      expect(messages.join('\n')).not.toContain('hunter2-s3cret')
    } finally {
      stdout.mockRestore()
      stderr.mockRestore()
    }
  })

  it.each([
    [
      { concurrency: 0 },
      RangeError,
      'options.concurrency must be a whole number from 1 to 64, got 0'
    ],
    [{ maxAttempts: 11 }, RangeError, 'options.maxAttempts must be a whole number from 1 to 10'],
    [{ timeout: 100 }, RangeError, 'options.timeout must be 500 to 300000 milliseconds, got 100'],
    [{ platform: 'linux' }, Error, 'invalid platform "linux"'],
    [
      { credentials: { registryAuth: 'ghcr.io: {username: u}' } },
      TypeError,
      'options.credentials.registryAuth entry "ghcr.io" must have string fields'
    ]
  ])(
    'throws for options that cannot work (%j), before asking anything',
    async (options, type, message) => {
      const call = resolveImageDigests([`${DEAD}/team/app:v1`], options)
      await expect(call).rejects.toThrow(type)
      await expect(call).rejects.toThrow(message)
    }
  )

  it('does not quote unreadable registry-auth text, which holds passwords', async () => {
    const call = resolveImageDigests(['nginx'], { credentials: { registryAuth: 'x: [p4ss' } })
    await expect(call).rejects.toThrow('options.credentials.registryAuth is not valid YAML or JSON')
    await expect(call).rejects.not.toThrow('p4ss')
  })
})

describe('pinReference', () => {
  it.each([
    ['nginx:1.27', `nginx:1.27@${DIGEST}`],
    ['  nginx  ', `nginx@${DIGEST}`],
    [`ghcr.io/o/app:v1@sha256:${'b'.repeat(64)}`, `ghcr.io/o/app:v1@${DIGEST}`],
    [`localhost:5000/app@sha256:${'b'.repeat(64)}`, `localhost:5000/app@${DIGEST}`]
  ])('pins %j as %j, keeping what was written', (text, pinned) => {
    expect(pinReference(text, DIGEST)).toBe(pinned)
  })
})
