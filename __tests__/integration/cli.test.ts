/**
 * The bundled command line (`node dist/cli/index.js`) against the real CNCF distribution
 * registry on 127.0.0.1 with bearer-token auth that refuses anonymous pull: credentials
 * come from a Docker config, a credential helper or --registry-auth-file, as a developer's
 * would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type CliRun, CLI_ENTRY, runCli, runCommand } from '../support/run-cli.js'
import { ROOT } from '../support/run-action.js'

const PASSWORD = 'alice-s3cret-pass'
const HELPER_SECRET = 'helper-s3cret-from-keychain'
const STALE_A = '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'
const STALE_B = '8da7503d1199ddea00be75ef56d971da79f023fa4b7a8366be3df24fd31c2279'
const REPO = 'tools/rust-musl-cross'
const SOURCE = 'https://github.com/rust-cross/rust-musl-cross'
const CONFIG = '.github/containers.yml'

const bare = (digest: string) => digest.replace(/^sha256:/, '')
const short = (digest: string) => bare(digest).slice(0, 12)

interface Report {
  matrix: { include: Array<Record<string, string>> }
  changed: boolean
  updates: Array<Record<string, string | string[] | null>>
  failed: Array<Record<string, string>>
  pull_request?: { title: string; body: string; diff: string } | null
}

describe('the command line against a registry with token auth', () => {
  let registry: RegistryHandle
  let image: string
  let work: string
  let configPath: string
  let configText: string
  const digests: Record<string, string> = {}
  const old: Record<string, string> = {}

  /** The rust-musl-cross config, pinned to the given digests (stale ones by default). */
  const config = (
    a = STALE_A,
    b = STALE_B,
    extra = ''
  ) => `# Container configurations for rust-musl-cross builds
containers:
  - target: i686-unknown-linux-musl
    arch: i686
    image_tag: i686-unknown-linux-musl
    current_sha: ${a}
  - target: x86_64-unknown-linux-musl
    arch: x86_64
    image_tag: x86_64-unknown-linux-musl
    current_sha: ${b}
${extra}`

  function dockerConfig(content: unknown): void {
    mkdirSync(join(work, '.docker'), { recursive: true })
    writeFileSync(join(work, '.docker/config.json'), JSON.stringify(content))
  }

  const loggedIn = () =>
    dockerConfig({
      auths: {
        [registry.host]: { auth: Buffer.from(`alice:${PASSWORD}`).toString('base64') }
      }
    })

  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCli(['--config', CONFIG, '--image', image, ...args], { cwd: work, env })

  function expectNoSecrets(run: CliRun): void {
    for (const secret of [
      PASSWORD,
      HELPER_SECRET,
      Buffer.from(`alice:${PASSWORD}`).toString('base64')
    ]) {
      expect(run.stdout).not.toContain(secret)
      expect(run.stderr).not.toContain(secret)
    }
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
    image = `${registry.host}/${REPO}`
    const labels = (revision: string) => ({
      'org.opencontainers.image.source': SOURCE,
      'org.opencontainers.image.revision': revision
    })
    old.i686 = (
      await registry.pushIndex(REPO, 'i686-unknown-linux-musl', {
        platforms: ['linux/amd64', 'linux/arm64'],
        labels: labels('1111111aaaaaaa')
      })
    ).digest
    digests.i686 = (
      await registry.pushIndex(REPO, 'i686-unknown-linux-musl', {
        platforms: ['linux/amd64', 'linux/arm64'],
        labels: labels('2222222bbbbbbb')
      })
    ).digest
    digests.x86_64 = (
      await registry.pushImage(REPO, 'x86_64-unknown-linux-musl', { mediaType: 'docker' })
    ).digest
    old.gone = (await registry.pushImage(REPO, 'gone', {})).digest
    await registry.deleteTag(REPO, 'gone')
  })

  beforeEach(() => {
    if (work) rmSync(work, { recursive: true, force: true })
    work = mkdtempSync(join(tmpdir(), 'cli-'))
    mkdirSync(join(work, '.github'))
    configPath = join(work, CONFIG)
    configText = config()
    writeFileSync(configPath, configText)
  })

  afterAll(async () => {
    const pids = registry?.pids ?? []
    await registry?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  })

  it('prints the table, rewrites only the moved digests and exits 0 (Docker config auths)', async () => {
    loggedIn()
    const run = await cli([])
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^NAME +REFERENCE +PREVIOUS → CURRENT +STATUS$/)
    expect(lines[1]).toBe(
      `i686-unknown-linux-musl    ${image}:i686-unknown-linux-musl    ${short(STALE_A)} → ${short(digests.i686!)}  updated`
    )
    expect(lines[2]).toMatch(
      new RegExp(
        `^x86_64-unknown-linux-musl +\\S+ +${short(STALE_B)} → ${short(digests.x86_64!)} +updated$`
      )
    )
    expect(run.stdout).toContain(`Wrote 2 digests to ${CONFIG}.`)
    expect(run.stdout).not.toContain('\x1b[')
    expect(readFileSync(configPath, 'utf8')).toBe(
      config(bare(digests.i686!), bare(digests.x86_64!))
    )
    expectNoSecrets(run)

    const again = await cli([])
    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain(`Every digest in ${CONFIG} that could be checked is current.`)
  })

  it('prints one JSON object with the action outputs, and a dry run writes nothing', async () => {
    loggedIn()
    const run = await cli(['--json', '--dry-run'])
    expect(run.exitCode).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.changed).toBe(true)
    expect(report.failed).toEqual([])
    expect(report.updates).toMatchObject([
      {
        name: 'i686-unknown-linux-musl',
        image,
        tag: 'i686-unknown-linux-musl',
        platform: null,
        previous: `sha256:${STALE_A}`,
        current: digests.i686,
        files: []
      },
      {
        name: 'x86_64-unknown-linux-musl',
        image,
        tag: 'x86_64-unknown-linux-musl',
        platform: null,
        previous: `sha256:${STALE_B}`,
        current: digests.x86_64,
        files: []
      }
    ])
    expect(report.matrix.include).toEqual([
      {
        target: 'i686-unknown-linux-musl',
        arch: 'i686',
        image_tag: 'i686-unknown-linux-musl',
        current_sha: bare(digests.i686!),
        image_ref: `${image}:i686-unknown-linux-musl@${digests.i686}`
      },
      {
        target: 'x86_64-unknown-linux-musl',
        arch: 'x86_64',
        image_tag: 'x86_64-unknown-linux-musl',
        current_sha: bare(digests.x86_64!),
        image_ref: `${image}:x86_64-unknown-linux-musl@${digests.x86_64}`
      }
    ])
    expect(report).not.toHaveProperty('pull_request')
    expect(readFileSync(configPath, 'utf8')).toBe(configText)
  })

  it('exits 1 when an entry fails, keeping its old digest while the others move', async () => {
    loggedIn()
    const gone = `  - target: gone
    image_tag: gone
    current_sha: ${bare(old.gone!)}
`
    configText = config(STALE_A, STALE_B, gone)
    writeFileSync(configPath, configText)
    const run = await cli([])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      new RegExp(`^gone +\\S+ +${short(old.gone!)} \\(kept\\) +failed$`, 'm')
    )
    expect(run.stdout).toContain('1 entry could not be resolved and kept its previous digest:')
    expect(run.stdout).toMatch(/✗ gone: .*gone.*not found/)
    expect(readFileSync(configPath, 'utf8')).toBe(
      config(bare(digests.i686!), bare(digests.x86_64!), gone)
    )

    writeFileSync(configPath, configText)
    const json = await cli(['--json', '--no-fail-on-error'])
    expect(json.exitCode).toBe(0)
    const report = JSON.parse(json.stdout) as Report
    expect(report.failed).toEqual([
      { name: 'gone', image, tag: 'gone', error: expect.stringMatching(/not found/) }
    ])
    expect(report.matrix.include[2]).toMatchObject({
      current_sha: bare(old.gone!),
      image_ref: `${image}:gone@${old.gone}`
    })
  })

  it.each([
    [
      ['--frobnicate'],
      /^image-digest-updater: unknown option --frobnicate \(see image-digest-updater --help\)\n$/
    ],
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64, got "0"/],
    [['--mode', 'check'], /--mode must be "update" or "matrix"/],
    [['stray'], /unexpected argument stray/]
  ])('exits 2 on bad usage %j, touching nothing', async (args, message) => {
    loggedIn()
    const run = await cli(args)
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(readFileSync(configPath, 'utf8')).toBe(configText)
  })

  it('rewrites the same digests in --files, and refuses a glob that leaves the directory', async () => {
    loggedIn()
    const pinned = (digest: string) =>
      `FROM ${image}:i686-unknown-linux-musl@${digest} AS build\nFROM ${image}:other@${digest}\n`
    writeFileSync(configPath, config(bare(old.i686!)))
    writeFileSync(join(work, 'Dockerfile'), pinned(old.i686!))
    const run = await cli(['--files', 'Dockerfile', '--json'])
    expect(run.exitCode).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.updates.find(u => u.name === 'i686-unknown-linux-musl')).toMatchObject({
      files: ['Dockerfile']
    })
    // Only the reference to the moved tag changes; the other tag keeps the same old digest.
    expect(readFileSync(join(work, 'Dockerfile'), 'utf8')).toBe(
      `FROM ${image}:i686-unknown-linux-musl@${digests.i686} AS build\nFROM ${image}:other@${old.i686}\n`
    )

    const before = readFileSync(configPath)
    const escape = await cli(['--files', '../*'])
    expect(escape.exitCode).toBe(2)
    expect(escape.stderr).toMatch(/\.\./)
    expect(readFileSync(configPath).equals(before)).toBe(true)
  })

  it('exits 2 on a broken config with file:line:col, leaving the file untouched', async () => {
    loggedIn()
    const broken = configText.replace('    image_tag: x86_64-unknown-linux-musl\n', '')
    writeFileSync(configPath, broken)
    const run = await cli([])
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(new RegExp(`^image-digest-updater: ${CONFIG}:7:\\d+: .*tag`))
    expect(readFileSync(configPath, 'utf8')).toBe(broken)

    writeFileSync(configPath, 'containers: [\n')
    const yaml = await cli(['--json'])
    expect(yaml.exitCode).toBe(2)
    expect(yaml.stderr).toMatch(new RegExp(`${CONFIG}:\\d+:\\d+`))
    expect(readFileSync(configPath, 'utf8')).toBe('containers: [\n')

    const missing = await runCli(['--config', 'nowhere.yml'], { cwd: work })
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain(
      'nowhere.yml: config file not found; create it or pass --config'
    )
  })

  it('reads credentials from a credential helper on PATH', async () => {
    const bin = join(work, 'bin')
    mkdirSync(bin)
    const asked = join(work, 'helper-asked')
    const helper = join(bin, 'docker-credential-keychain')
    writeFileSync(
      helper,
      `#!/bin/sh
[ "$1" = get ] || exit 1
cat > "${asked}"
printf '{"ServerURL":"%s","Username":"alice","Secret":"%s"}' "$(cat "${asked}")" "${PASSWORD}"
`
    )
    chmodSync(helper, 0o755)
    dockerConfig({ credHelpers: { [registry.host]: 'keychain' } })
    const run = await cli(['--verbose'], { PATH: `${bin}:${process.env.PATH}` })
    expect(run.exitCode).toBe(0)
    expect(readFileSync(asked, 'utf8')).toBe(registry.host)
    expect(readFileSync(configPath, 'utf8')).toBe(
      config(bare(digests.i686!), bare(digests.x86_64!))
    )
    expectNoSecrets(run)
  })

  it('reads --registry-auth-file, and names the file when it is broken', async () => {
    const auth = join(work, 'auth.yml')
    writeFileSync(auth, `${registry.host}: {username: alice, password: ${PASSWORD}}\n`)
    const run = await cli(['--registry-auth-file', auth, '--json'])
    expect(run.exitCode).toBe(0)
    expect((JSON.parse(run.stdout) as Report).updates).toHaveLength(2)
    expectNoSecrets(run)

    writeFileSync(auth, `${registry.host}: {username: alice}\n`)
    const broken = await cli(['--registry-auth-file', auth])
    expect(broken.exitCode).toBe(2)
    expect(broken.stderr).toContain(
      `--registry-auth-file ${auth} entry "${registry.host}" must have`
    )
  })

  it('without credentials, exits 1 and says access was refused; nothing is written', async () => {
    const run = await cli([])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/2 entries could not be resolved/)
    expect(run.stdout).toMatch(/✗ i686-unknown-linux-musl: .*(denied|refused|unauthorized)/i)
    expect(readFileSync(configPath, 'utf8')).toBe(configText)
  })

  it('shows the pull request the action would open, with upstream links', async () => {
    loggedIn()
    writeFileSync(configPath, config(bare(old.i686!), bare(digests.x86_64!)))
    const run = await cli(['--dry-run', '--show-pull-request'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Title: chore: Update container image digests')
    expect(run.stdout).toContain('## Container Hash Updates')
    expect(run.stdout).toContain(
      `| i686-unknown-linux-musl | \`${bare(old.i686!)}\` | \`${bare(digests.i686!)}\` |`
    )
    expect(run.stdout).toContain(`${SOURCE}/compare/1111111aaaaaaa...2222222bbbbbbb`)
    expect(run.stdout).toContain(`--- a/${CONFIG}\n+++ b/${CONFIG}\n`)
    expect(run.stdout).toContain(
      `-    current_sha: ${bare(old.i686!)}\n+    current_sha: ${bare(digests.i686!)}`
    )
    expect(readFileSync(configPath, 'utf8')).toBe(config(bare(old.i686!), bare(digests.x86_64!)))

    const json = await cli(['--dry-run', '--show-pull-request', '--json'])
    const report = JSON.parse(json.stdout) as Report
    expect(report.pull_request?.body).toContain(`${SOURCE}/compare/1111111aaaaaaa...2222222bbbbbbb`)
  })

  it('builds the matrix from the committed digests without asking any registry', async () => {
    const run = await runCli(
      ['--config', CONFIG, '--image', '127.0.0.1:9/nobody/here', '--mode', 'matrix', '--json'],
      { cwd: work }
    )
    expect(run.exitCode).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.changed).toBe(false)
    expect(report.matrix.include.map(e => e.image_ref)).toEqual([
      `127.0.0.1:9/nobody/here:i686-unknown-linux-musl@sha256:${STALE_A}`,
      `127.0.0.1:9/nobody/here:x86_64-unknown-linux-musl@sha256:${STALE_B}`
    ])
  })

  it('shows progress on a terminal and colours only without NO_COLOR', async () => {
    loggedIn()
    // script(1) gives the command a pseudo-terminal for stdout and stderr, as a shell would.
    const command = `${process.execPath} ${CLI_ENTRY} --config ${CONFIG} --image ${image} --dry-run`
    const tty = await runCommand('script', ['-qec', command, '/dev/null'], { cwd: work })
    expect(tty.exitCode).toBe(0)
    expect(tty.stdout).toContain('resolved 2/2')
    expect(tty.stdout).toContain('\x1b[32mupdated\x1b[39m')

    const noColor = await runCommand('script', ['-qec', command, '/dev/null'], {
      cwd: work,
      env: { NO_COLOR: '1' }
    })
    expect(noColor.exitCode).toBe(0)
    expect(noColor.stdout).toContain('resolved 2/2')
    expect(noColor.stdout).not.toContain('\x1b[32m')
    expect(readFileSync(configPath, 'utf8')).toBe(configText)
  })

  it('prints its version and a help that names every flag', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    const version = await runCli(['--version'], { cwd: work })
    expect(version.stdout).toBe(`image-digest-updater ${pkg.version}\n`)
    const help = await runCli(['--help'], { cwd: work })
    expect(help.exitCode).toBe(0)
    for (const flag of [
      '--config',
      '--image',
      '--platform',
      '--dry-run',
      '--mode',
      '--concurrency',
      '--max-attempts',
      '--fail-on-error',
      '--registry-auth-file',
      '--insecure-registry',
      '--json',
      '--show-pull-request',
      '--version',
      '--help'
    ]) {
      expect(help.stdout).toContain(flag)
    }
  })
})
