/**
 * The command line as a user outside this repository gets it: `npm pack`, then
 * `npm install -g` of the tarball into an empty prefix with an empty npm cache and --offline,
 * so any dependency the tarball does not carry would fail the install. The installed binary
 * then resolves real digests against the local registry with token auth.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { runCommand } from '../support/run-cli.js'
import { ROOT } from '../support/run-action.js'

const PASSWORD = 'alice-s3cret-pass'
const STALE = '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'
const REPO = 'tools/app'
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
}
const TARBALL = `${pkg.name}-${pkg.version}.tgz`

describe('the CLI installed from the npm pack tarball', () => {
  let registry: RegistryHandle
  let dir: string
  let tarball: string
  let files: string[]
  /** npm or npx with nothing to fall back on: an empty cache, no config, no reachable registry. */
  const offline = (command: 'npm' | 'npx', args: string[], cwd = dir) =>
    runCommand(command, ['--offline', '--no-audit', '--no-fund', ...args], {
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
    dir = mkdtempSync(join(tmpdir(), 'tarball-'))
    writeFileSync(join(dir, 'npmrc'), '')
    writeFileSync(join(dir, 'global-npmrc'), '')
    const packed = execFileSync(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
    )
    const [info] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>
    tarball = join(dir, info!.filename)
    files = info!.files.map(f => f.path).sort()
    registry = await startRegistry({ auth: 'token', anonymousPull: false })
  })

  afterAll(async () => {
    await registry?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it(`is ${TARBALL}, holding the bundled CLI and library and no sources, tests or dependencies`, () => {
    expect(tarball).toBe(join(dir, TARBALL))
    expect(files).toContain('dist/cli/index.js')
    expect(files).toContain('dist/cli/package.json')
    expect(files).toContain('dist/lib/index.js')
    expect(files).toContain('dist/lib/index.d.ts')
    expect(files).toContain('dist/lib/package.json')
    expect(files).toContain('package.json')
    expect(files).toContain('README.md')
    expect(files).toContain('CHANGELOG.md')
    expect(files).toContain('LICENSE')
    const unexpected = files.filter(
      f =>
        !/^(dist\/cli\/|dist\/lib\/|schema\/)/.test(f) &&
        !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(f)
    )
    expect(unexpected).toEqual([])
    const packed = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json']).toString()
    ) as {
      dependencies?: Record<string, string>
      exports?: unknown
      types?: string
    }
    // The bundle carries everything it runs; a dependency would be downloaded for nothing.
    expect(packed.dependencies ?? {}).toEqual({})
    // The library's one entry, with its declarations; nothing else is importable by path.
    expect(packed.exports).toEqual({
      '.': { types: './dist/lib/index.d.ts', import: './dist/lib/index.js' }
    })
    expect(packed.types).toBe('./dist/lib/index.d.ts')
  })

  it('installs offline into an empty prefix and resolves against a registry with token auth', async () => {
    const prefix = join(dir, 'prefix')
    const install = await offline('npm', ['install', '--global', '--prefix', prefix, tarball])
    expect(install.stderr).not.toMatch(/ERR!/)
    expect(install.exitCode).toBe(0)
    const bin = join(prefix, 'bin', pkg.name)

    const version = await runCommand(bin, ['--version'], { cwd: dir })
    expect(version.stdout).toBe(`${pkg.name} ${pkg.version}\n`)

    const pushed = await registry.pushImage(REPO, 'v1', { seed: 'tarball' })
    const work = join(dir, 'work')
    mkdirSync(join(work, '.docker'), { recursive: true })
    writeFileSync(
      join(work, '.docker/config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from(`alice:${PASSWORD}`).toString('base64') } }
      })
    )
    const config = `containers:\n  - name: app\n    image: ${registry.host}/${REPO}\n    tag: v1\n    digest: sha256:${STALE}\n`
    writeFileSync(join(work, 'containers.yml'), config)

    const run = await runCommand(bin, ['--config', 'containers.yml', '--json'], { cwd: work })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const report = JSON.parse(run.stdout) as {
      changed: boolean
      updates: Array<{ current: string }>
    }
    expect(report.changed).toBe(true)
    expect(report.updates.map(u => u.current)).toEqual([pushed.digest])
    expect(readFileSync(join(work, 'containers.yml'), 'utf8')).toBe(
      config.replace(`sha256:${STALE}`, pushed.digest)
    )
    expect(run.stdout).not.toContain(PASSWORD)
  })

  it('runs with npx from the tarball, offline', async () => {
    const run = await offline('npx', ['--yes', '--package', tarball, pkg.name, '--version'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(`${pkg.name} ${pkg.version}\n`)
  })
})
