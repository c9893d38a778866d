/**
 * `image-digest-updater digest REF…` (the bundled CLI) against the real local registry: with
 * token auth that refuses anonymous pull (credentials from a Docker config) and with basic
 * auth (credentials from --registry-auth-file), as `crane digest --full-ref` would be used.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type CliRun, runCli } from '../support/run-cli.js'

const PASSWORD = 'alice-s3cret-pass'
const REPO = 'team/app'

interface Answer {
  reference: string
  pinned: string | null
  digest: string | null
  error: string | null
}

function expectNoSecret(run: CliRun): void {
  for (const secret of [PASSWORD, Buffer.from(`alice:${PASSWORD}`).toString('base64')]) {
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
}

describe('digest REF… against a registry with token auth', () => {
  let registry: RegistryHandle
  let work: string
  const pushed: Record<string, string> = {}
  let arm64 = ''
  const image = (rest: string) => `${registry.host}/${REPO}${rest}`
  const digest = (args: string[]) => runCli(['digest', ...args], { cwd: work })

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
    pushed.v1 = (await registry.pushImage(REPO, 'v1', { seed: 'digest v1' })).digest
    const index = await registry.pushIndex(REPO, 'multi', {
      platforms: ['linux/amd64', 'linux/arm64'],
      seed: 'digest multi'
    })
    pushed.multi = index.digest
    arm64 = index.manifests.find(m => m.platform === 'linux/arm64')!.digest
  })

  beforeEach(() => {
    if (work) rmSync(work, { recursive: true, force: true })
    work = mkdtempSync(join(tmpdir(), 'digest-'))
    mkdirSync(join(work, '.docker'))
    writeFileSync(
      join(work, '.docker/config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from(`alice:${PASSWORD}`).toString('base64') } }
      })
    )
  })

  afterAll(async () => {
    await registry?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('prints each reference pinned, one per line in the order given, and exits 0', async () => {
    const run = await digest([image(':v1'), image(':multi'), image(`:v1@${pushed.multi}`)])
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(
      [
        image(`:v1@${pushed.v1}`),
        image(`:multi@${pushed.multi}`),
        // A stale pin is replaced: the tag is what is resolved.
        image(`:v1@${pushed.v1}`),
        ''
      ].join('\n')
    )
    expectNoSecret(run)
  })

  it('picks the platform manifest with --platform, from a tag or from an index digest', async () => {
    const run = await digest([
      '--platform',
      'linux/arm64',
      image(':multi'),
      image(`@${pushed.multi}`)
    ])
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(`${image(`:multi@${arm64}`)}\n${image(`@${arm64}`)}\n`)
  })

  it('prints JSON objects with --json, a missing tag and a bad reference among them, and exits 1', async () => {
    const run = await digest(['--json', image(':v1'), image(':missing'), 'Not A Reference'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe('')
    const answers = JSON.parse(run.stdout) as Answer[]
    expect(answers).toEqual([
      {
        reference: image(':v1'),
        pinned: image(`:v1@${pushed.v1}`),
        digest: pushed.v1,
        error: null
      },
      { reference: image(':missing'), pinned: null, digest: null, error: expect.any(String) },
      { reference: 'Not A Reference', pinned: null, digest: null, error: expect.any(String) }
    ])
    expect(answers[1]!.error).toContain(`${image(':missing')}`)
    expect(answers[1]!.error).toMatch(/not found|no tag|unknown/i)
    expect(answers[2]!.error).toContain('white space')
  })

  it('prints the good references on stdout and each failure on stderr, exiting 1', async () => {
    const run = await digest([image(':missing'), image(':v1')])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toBe(`${image(`:v1@${pushed.v1}`)}\n`)
    expect(run.stderr).toMatch(
      new RegExp(`^image-digest-updater: ${registry.host}/${REPO}:missing: .+\n$`)
    )
  })

  it('fails each reference with the reason when the registry refuses anonymous pull', async () => {
    rmSync(join(work, '.docker'), { recursive: true })
    const run = await digest([image(':v1')])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toBe('')
    // The CLI's words: the fix names its flag.
    expect(run.stderr).toContain('--registry-auth-file')
  })

  it('keeps terminal escapes in a reference off the terminal', async () => {
    const run = await digest([`${image(':v1')}\x1b]8;;https://evil.example\x07x`, '\x1b[2Jnginx'])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).not.toContain('\x1b')
    expect(run.stdout).not.toContain('\x1b')
    const json = await digest(['--json', '\x9b2Jnginx'])
    expect(json.stdout).not.toContain('\x9b')
    expect(json.stdout).toContain('\\u009b')
    expect((JSON.parse(json.stdout) as Answer[])[0]!.reference).toBe('\x9b2Jnginx')
  })

  it.each([
    [[], 'digest needs at least one image reference'],
    [['--platform', 'linux', 'nginx'], '--platform: invalid platform "linux"'],
    [['--concurrency', '0', 'nginx'], '--concurrency must be a whole number from 1 to 64'],
    [['--config', 'x.yml', 'nginx'], 'unknown option --config'],
    [['--registry-auth-file', ' ', 'nginx'], '--registry-auth-file needs a value']
  ])('exits 2 on bad usage %j, naming what is wrong', async (args, message) => {
    const run = await digest(args)
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('see image-digest-updater digest --help')
  })

  it('prints its own help', async () => {
    const run = await digest(['--help'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^Usage: image-digest-updater digest \[options\] REF…/)
    expect(run.stdout).toContain('--platform')
    expect(run.stdout).not.toContain('--config')
  })
})

describe('digest REF… against a registry with basic auth', () => {
  let registry: RegistryHandle
  let work: string
  let v2 = ''

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'basic' })
    v2 = (await registry.pushImage(REPO, 'v2', { seed: 'digest basic' })).digest
    work = mkdtempSync(join(tmpdir(), 'digest-basic-'))
  })

  afterAll(async () => {
    await registry?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('reads --registry-auth-file and keeps the password out of everything printed', async () => {
    const auth = join(work, 'auth.yml')
    writeFileSync(auth, `${registry.host}:\n  username: alice\n  password: ${PASSWORD}\n`)
    const ref = `${registry.host}/${REPO}:v2`
    const run = await runCli(['digest', '--registry-auth-file', auth, '-v', ref], { cwd: work })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(`${ref}@${v2}\n`)
    expectNoSecret(run)
  })

  it('exits 2 on an unreadable --registry-auth-file, naming it, and asks nothing', async () => {
    const auth = join(work, 'broken.yml')
    writeFileSync(auth, `${registry.host}: {username: alice}\n`)
    const run = await runCli(
      ['digest', '--registry-auth-file', auth, `${registry.host}/${REPO}:v2`],
      {
        cwd: work
      }
    )
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`--registry-auth-file ${auth} entry "${registry.host}" must have`)
  })
})
