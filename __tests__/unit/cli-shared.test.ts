/**
 * What the main command and `digest` share: one reader of --registry-auth-file, and one
 * parser of the flags both take, so the two commands answer a mistake in the same words.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError, parseCliArgs } from '../../src/cli/args.js'
import { parseDigestArgs } from '../../src/cli/digest.js'
import { SetupError, readRegistryAuthFile } from '../../src/cli/registry-auth.js'
import { secrets } from '../../src/cli/terminal.js'

describe('readRegistryAuthFile', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-shared-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the credentials and keeps each password out of what is printed', async () => {
    const path = join(dir, 'auth.json')
    writeFileSync(
      path,
      JSON.stringify({ 'registry.example': { username: 'alice', password: 'sh-s3cret-9' } })
    )
    const credentials = await readRegistryAuthFile(path)
    expect(credentials.get('registry.example')).toMatchObject({ username: 'alice' })
    expect(secrets.redact('token sh-s3cret-9')).not.toContain('sh-s3cret-9')
    expect(await readRegistryAuthFile(undefined)).toEqual(new Map())
  })

  it('names the file and what is wrong, as a setup error', async () => {
    const missing = join(dir, 'missing.json')
    await expect(readRegistryAuthFile(missing)).rejects.toThrow(
      new SetupError(`--registry-auth-file ${missing}: cannot read the file (ENOENT)`)
    )
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '{"registry.example": {"username": "alice"}}')
    const error = await readRegistryAuthFile(broken).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SetupError)
    expect((error as Error).message).toMatch(
      new RegExp(`^--registry-auth-file ${broken} entry "registry.example" must have`)
    )
  })
})

describe('the flags both commands take', () => {
  const refusal = (parse: () => unknown): string => {
    try {
      parse()
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      return (error as Error).message
    }
    throw new Error('accepted')
  }

  it.each([
    [['--insecure-registry', ' , ']],
    [['--registry-auth-file', ' ']],
    [['--concurrency', '0']],
    [['--request-timeout', 'soon']],
    [['--verbose=yes']]
  ])('%j is refused in the same words', args => {
    expect(refusal(() => parseDigestArgs([...args, 'nginx']))).toBe(
      refusal(() => parseCliArgs(args))
    )
  })

  it('reads them to the same values', () => {
    const args = ['--insecure-registry', 'A.example, b.example', '-v', '--max-attempts', '5']
    const main = parseCliArgs(args)
    const digest = parseDigestArgs([...args, 'nginx'])!
    expect(main.kind === 'run' && main.options).toMatchObject({
      insecureRegistries: digest.insecureRegistries,
      verbose: digest.verbose,
      maxAttempts: digest.maxAttempts
    })
    expect(digest.insecureRegistries).toEqual(['a.example', 'b.example'])
  })
})
