/**
 * Where the config may be written, and what the `image` default does, through the bundled
 * action and the bundled command line against the real registry on 127.0.0.1. A config
 * outside the workspace, reached through a symbolic link, or itself a link is refused before
 * any registry is asked and before anything is written; a dry run may still read it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations, runAction } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'

const STALE = '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'

describe('a config the run may not write', () => {
  let registry: RegistryHandle
  let root: string
  let workspace: string
  let outside: string
  let image: string
  let config: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    image = `${registry.host}/tools/app`
    await registry.pushImage('tools/app', '1.0')
    config = `containers:\n  - image: ${image}\n    tag: "1.0"\n    digest: sha256:${STALE}\n`
  })

  afterAll(async () => {
    await registry?.stop()
  })

  beforeEach(() => {
    if (root) rmSync(root, { recursive: true, force: true })
    root = mkdtempSync(join(tmpdir(), 'config-path-'))
    workspace = join(root, 'workspace')
    outside = join(root, 'elsewhere')
    mkdirSync(workspace)
    mkdirSync(outside)
    writeFileSync(join(outside, 'containers.yml'), config)
  })

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  const outsideText = () => readFileSync(join(outside, 'containers.yml'), 'utf8')
  const act = (configInput: string, inputs: Record<string, string> = {}) =>
    runAction({ workspace, inputs: { config: configInput, 'pull-request': 'false', ...inputs } })

  it('the action refuses a config path outside the workspace, and writes nothing', async () => {
    const run = await act('../elsewhere/containers.yml')
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error::input config ../elsewhere/containers.yml is outside the workspace'
    )
    expect(outsideText()).toBe(config)
    expect(run.outputs.changed).toBeUndefined()
  })

  it('the action refuses a config reached through a linked directory', async () => {
    symlinkSync(outside, join(workspace, '.github'))
    const run = await act('.github/containers.yml')
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error::input config .github/containers.yml is reached through .github, a symbolic link'
    )
    expect(outsideText()).toBe(config)
  })

  it('the action refuses a config that is itself a link out of the workspace', async () => {
    mkdirSync(join(workspace, '.github'))
    symlinkSync(join(outside, 'containers.yml'), join(workspace, '.github/containers.yml'))
    const run = await act('.github/containers.yml')
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error::input config .github/containers.yml is reached through .github/containers.yml, a symbolic link'
    )
    expect(outsideText()).toBe(config)
  })

  it('a dry run of the action still reads a config outside the workspace', async () => {
    const run = await act('../elsewhere/containers.yml', { 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.changed).toBe('true')
    expect(outsideText()).toBe(config)
  })

  it('the command line refuses a config reached through a linked directory', async () => {
    symlinkSync(outside, join(workspace, '.github'))
    const run = await runCli(['--config', '.github/containers.yml'], { cwd: workspace })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(
      '--config .github/containers.yml is reached through .github, a symbolic link'
    )
    expect(outsideText()).toBe(config)
  })

  it('the command line writes a config named outside the working directory', async () => {
    // A path typed on the command line is the user's own choice; links are still refused.
    const run = await runCli(['--config', '../elsewhere/containers.yml'], { cwd: workspace })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(outsideText()).not.toContain(STALE)
    symlinkSync(join(outside, 'containers.yml'), join(outside, 'link.yml'))
    const linked = await runCli(['--config', '../elsewhere/link.yml'], { cwd: workspace })
    expect(linked.exitCode).toBe(2)
    expect(linked.stderr).toContain('--config ../elsewhere/link.yml is reached through')
  })
})

describe('an image default that the file overrides', () => {
  let root: string
  const config =
    'image: ghcr.io/acme/from-file\ncontainers:\n  - tag: "1"\n    digest: sha256:' + STALE + '\n'

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'config-image-'))
    writeFileSync(join(root, 'containers.yml'), config)
  })

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it('gets a notice from the action, and none when the two agree', async () => {
    const run = (image: string) =>
      runAction({ workspace: root, inputs: { config: 'containers.yml', mode: 'matrix', image } })
    const overridden = await run('ghcr.io/acme/from-input')
    expect(overridden.exitCode).toBe(0)
    expect(annotations(overridden, 'notice')).toEqual([
      'containers.yml: the top-level image ghcr.io/acme/from-file overrides the image input ghcr.io/acme/from-input'
    ])
    expect(annotations(await run('ghcr.io/acme/from-file'), 'notice')).toEqual([])
  })

  it('gets a notice from the command line', async () => {
    const run = await runCli(
      ['--config', 'containers.yml', '--mode', 'matrix', '--image', 'ghcr.io/acme/from-input'],
      { cwd: root }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain(
      'notice: containers.yml: the top-level image ghcr.io/acme/from-file overrides --image ghcr.io/acme/from-input'
    )
  })
})
