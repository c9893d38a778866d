/**
 * The library as a user gets it: the suite's fresh bundle packed with `npm pack`, installed
 * offline into the separate package __tests__/consumer (an empty npm cache and no reachable
 * registry, so anything the tarball does not carry fails the install), type-checked with
 * tsc against the shipped declarations, and run against the real local registry with token
 * auth that refuses anonymous pull.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { testBundleDir } from '../../scripts/testkit/bundle.mjs'
import { runCommand } from '../support/run-cli.js'
import { ROOT } from '../support/run-action.js'

const PASSWORD = 'alice-s3cret-pass'
const REPO = 'team/service'
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')

interface Report {
  answers: Array<{
    reference: string
    pinned: string | null
    digest: string | null
    error: string | null
  }>
  stored: Array<{ image: string; pinned: boolean; why?: string }>
  one: string
}

describe('the library installed from the packed tarball into a separate package', () => {
  let registry: RegistryHandle
  let dir: string
  let consumer: string
  let tarball: string
  let examples: string[]

  const npm = (args: string[], cwd: string) =>
    runCommand('npm', ['--offline', '--no-audit', '--no-fund', ...args], {
      cwd,
      env: {
        npm_config_cache: join(dir, 'npm-cache'),
        npm_config_userconfig: join(dir, 'npmrc'),
        npm_config_globalconfig: join(dir, 'global-npmrc'),
        npm_config_update_notifier: 'false',
        // Port 9 (discard) on loopback: a request for any package fails at once.
        npm_config_registry: 'http://127.0.0.1:9/'
      }
    })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consumer-'))
    writeFileSync(join(dir, 'npmrc'), '')
    writeFileSync(join(dir, 'global-npmrc'), '')
    // The package as `npm pack` would make it from this source: the fresh bundle as dist/.
    const pkg = join(dir, 'package')
    mkdirSync(pkg)
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'schema'])
      cpSync(join(ROOT, file), join(pkg, file), { recursive: true })
    cpSync(testBundleDir(), join(pkg, 'dist'), { recursive: true })
    const packed = await npm(['pack', '--json', '--ignore-scripts'], pkg)
    expect(packed.exitCode).toBe(0)
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string }>
    tarball = join(pkg, info!.filename)

    consumer = join(dir, 'consumer')
    cpSync(join(ROOT, '__tests__/consumer'), consumer, { recursive: true })
    // docs/library.md's examples are checked as the consumer's own code is.
    const docs = readFileSync(join(ROOT, 'docs/library.md'), 'utf8')
    examples = [...docs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(m => m[1]!)
    examples.forEach((code, i) => writeFileSync(join(consumer, `docs-example-${i + 1}.ts`), code))
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
  })

  afterAll(async () => {
    await registry?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('installs offline: the tarball needs nothing else', async () => {
    const install = await npm(['install', tarball], consumer)
    expect(install.stderr).not.toMatch(/ERR!/)
    expect(install.exitCode).toBe(0)
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules/image-digest-updater/package.json'), 'utf8')
    ) as { exports: unknown; bin: unknown }
    expect(installed.bin).toEqual({ 'image-digest-updater': 'dist/cli/index.js' })
  })

  it('type-checks and compiles a TypeScript program and the docs examples against the shipped declarations', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
    const compile = await runCommand(process.execPath, [TSC, '-p', '.'], { cwd: consumer })
    expect(compile.stdout).toBe('')
    expect(compile.exitCode).toBe(0)
  })

  it('resolves by the package name, good references pinned and a failing one kept as the tag', async () => {
    const v1 = (await registry.pushImage(REPO, 'v1', { seed: 'consumer v1' })).digest
    const index = await registry.pushIndex(REPO, 'multi', { seed: 'consumer multi' })
    const auth = JSON.stringify({ [registry.host]: { username: 'alice', password: PASSWORD } })
    const refs = [
      `${registry.host}/${REPO}:v1`,
      `${registry.host}/${REPO}:gone`,
      `${registry.host}/${REPO}:multi`
    ]

    const run = await runCommand(process.execPath, ['run.mjs', auth, ...refs], { cwd: consumer })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain(PASSWORD)
    const report = JSON.parse(run.stdout) as Report
    expect(report.answers.map(a => [a.reference, a.pinned, a.digest])).toEqual([
      [refs[0], `${refs[0]}@${v1}`, v1],
      [refs[1], null, null],
      [refs[2], `${refs[2]}@${index.digest}`, index.digest]
    ])
    expect(report.answers[1]!.error).toContain(refs[1])
    expect(report.stored).toEqual([
      { image: `${refs[0]}@${v1}`, pinned: true },
      { image: refs[1], pinned: false, why: report.answers[1]!.error },
      { image: `${refs[2]}@${index.digest}`, pinned: true }
    ])
    expect(report.one).toBe(`${refs[0]}@${v1}`)
  })

  it('exposes only its entry: internal files are not importable by path', async () => {
    const run = await runCommand(
      process.execPath,
      ['--input-type=module', '-e', "await import('image-digest-updater/dist/cli/index.js')"],
      { cwd: consumer }
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })
})
