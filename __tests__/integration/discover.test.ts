/**
 * Discovery end to end: the bundled action and CLI against the real local registry, on the
 * corpus in __tests__/fixtures/discovery (multi-stage Dockerfiles with ARG and stage names,
 * compose with anchors and env interpolation, multi-document Kubernetes, a workflow with
 * services and docker:// steps, Helm values and templates). Every expected reference is
 * moved or pinned, every decoy keeps every byte, each changed line differs only in the
 * reference, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { MEDIA_TYPES, type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { ROOT, annotations, runAction } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'

const CORPUS = join(ROOT, '__tests__/fixtures/discovery')
const FILES = listFiles(CORPUS).filter(p => p !== 'README.md')

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

type Values = Record<string, string>

/** The corpus file with the tokens filled in: `%NAME%` a digest, `%+NAME%` empty or `@digest`. */
function render(path: string, values: Values, pins: Values): string {
  return readFileSync(join(CORPUS, path), 'utf8')
    .replace(/%\+([A-Z_]+)%/g, (_, name: string) => (pins[name] ? `@${pins[name]}` : ''))
    .replace(/%([A-Z_]+)%/g, (_, name: string) => values[name]!)
}

const DIGEST = /@sha256:[a-f0-9]{64}/g

describe('discovery without a config', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  let before: Values
  let after: Values
  let pins: Values
  const tree = (values: Values, pinned: Values) =>
    Object.fromEntries(FILES.map(p => [p, render(p, values, pinned)]))

  const INPUTS = {
    discover: 'true',
    pin: 'true',
    'pin-untagged': 'true',
    'pull-request': 'false'
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    const oldApp = await registry.pushImage('acme/app', '1.0', { seed: 'old app' })
    const oldBuilder = await registry.pushImage('acme/builder', '1.22', { seed: 'old builder' })
    const platforms = ['linux/amd64', 'linux/arm64']
    const oldRuntime = await registry.pushIndex('acme/runtime', '3', { platforms, seed: 'old rt' })
    const fixedStatic = await registry.pushImage('acme/static', '1', { seed: 'static' })
    const newApp = await registry.pushImage('acme/app', '1.0', { seed: 'new app' })
    const newBuilder = await registry.pushImage('acme/builder', '1.22', { seed: 'new builder' })
    const newRuntime = await registry.pushIndex('acme/runtime', '3', { platforms, seed: 'new rt' })
    const web = await registry.pushImage('acme/web', '1.27', { seed: 'web' })
    const tool = await registry.pushImage('acme/tool', 'latest', { seed: 'tool' })
    const arm64 = (index: typeof oldRuntime) =>
      index.manifests.find(m => m.platform === 'linux/arm64')!.digest
    const host = registry.host
    const fixed = { H: host, STATIC: fixedStatic.digest, APP_OLD: oldApp.digest }
    before = { ...fixed, APP: oldApp.digest, BUILDER: oldBuilder.digest, RT_ARM: arm64(oldRuntime) }
    after = { ...fixed, APP: newApp.digest, BUILDER: newBuilder.digest, RT_ARM: arm64(newRuntime) }
    pins = { WEB: web.digest, TOOL: tool.digest, RT_INDEX: newRuntime.digest }
    github = await startFakeGitHub({ owner: 'acme', repo: 'builds', files: tree(before, {}) })
    workspace = mkdtempSync(join(tmpdir(), 'discover-'))
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  function checkout(): void {
    rmSync(workspace, { recursive: true, force: true })
    for (const [path, text] of Object.entries(tree(before, {}))) {
      cpSync(join(CORPUS, path), join(workspace, path))
      writeFileSync(join(workspace, path), text)
    }
  }

  const run = (inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      inputs: {
        token: github.token,
        ignore: `${registry.host}/acme/ignored/*`,
        'registry-map': `mirror.example.test/acme=${registry.host}/acme`,
        ...INPUTS,
        ...inputs
      },
      env: { GITHUB_API_URL: github.url }
    })
  const read = (path: string) => readFileSync(join(workspace, path), 'utf8')

  it('moves and pins every expected reference, leaves every decoy, and a second run changes nothing', async () => {
    checkout()
    const first = await run()
    expect(first.exitCode).toBe(0)
    expect(annotations(first, 'warning')).toEqual([])
    for (const path of FILES) expect([path, read(path)]).toEqual([path, render(path, after, pins)])

    // Each changed line differs from the committed one in its reference's digest only.
    for (const path of FILES) {
      const old = render(path, before, {}).split('\n')
      const now = read(path).split('\n')
      expect(now.length).toBe(old.length)
      now.forEach((line, i) => {
        if (line !== old[i]) expect(line.replace(DIGEST, '')).toBe(old[i]!.replace(DIGEST, ''))
      })
    }

    const notices = annotations(first, 'notice')
    expect(notices).toContain(
      'Dockerfile:11: FROM ' +
        `${registry.host}/acme/app:\${VERSION} is built from ARG values, so it is left alone; give the ARG a full reference as its default to have it pinned`
    )
    const updates = JSON.parse(first.outputs.updates!) as Array<Record<string, unknown>>
    const host = registry.host
    // One entry per distinct reference, named by its first place, in the order files are read.
    // The workflow's build job runs on ubuntu-24.04-arm, so its images are linux/arm64 ones:
    // they join the Dockerfiles' --platform=linux/arm64 runtime, apart from the same tags elsewhere.
    expect(updates.map(u => [u.name, u.image, u.tag, u.platform, u.current])).toEqual([
      [
        '.github/workflows/ci.yml:8 (+2 more)',
        `${host}/acme/runtime`,
        '3',
        'linux/arm64',
        after.RT_ARM
      ],
      ['.github/workflows/ci.yml:13', `${host}/acme/web`, '1.27', null, pins.WEB],
      ['.github/workflows/ci.yml:16', `${host}/acme/tool`, 'latest', null, pins.TOOL],
      ['.github/workflows/ci.yml:17 (+3 more)', `${host}/acme/app`, '1.0', null, after.APP],
      ['Dockerfile:2 (+1 more)', `${host}/acme/builder`, '1.22', null, after.BUILDER],
      ['Dockerfile:10 (+2 more)', `${host}/acme/tool`, 'latest', null, pins.TOOL],
      ['Dockerfile:14 (+2 more)', `${host}/acme/web`, '1.27', null, pins.WEB],
      ['compose.yaml:17', `${host}/acme/runtime`, '3', 'linux/arm64', after.RT_ARM],
      // Resolved at the upstream, so reported as it; the file keeps the mirror's form.
      ['compose.yaml:21', `${host}/acme/app`, '1.0', null, after.APP],
      ['deploy/Containerfile.arm:1', `${host}/acme/runtime`, '3', null, pins.RT_INDEX]
    ])
    const matrix = JSON.parse(first.outputs.matrix!) as { include: Array<Record<string, unknown>> }
    expect(matrix.include).toContainEqual({
      image: 'mirror.example.test/acme/app',
      tag: '1.0',
      digest: after.APP,
      files: ['compose.yaml'],
      image_ref: `mirror.example.test/acme/app:1.0@${after.APP}`
    })

    const second = await run()
    expect(second.exitCode).toBe(0)
    expect(second.outputs.changed).toBe('false')
    for (const path of FILES) expect([path, read(path)]).toEqual([path, render(path, after, pins)])
  })

  it('proposes the same change in one pull request whose table names each reference by file and line', async () => {
    checkout()
    const result = await run({ 'pull-request': 'true', token: github.workflowsToken })
    expect(annotations(result, 'error')).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')
    const proposed = github.readTree('image-digests/update')
    for (const path of FILES)
      expect([path, proposed[path]]).toEqual([path, render(path, after, pins)])
    const body = github.pulls()[0]!.body!
    for (const name of [
      '.github/workflows/ci.yml:8',
      'compose.yaml:21',
      'deploy/Containerfile.arm:1'
    ])
      expect(body).toContain(name)
  })

  it('pin FILE… pins and refreshes in place; --dry-run prints the diff and writes nothing', async () => {
    checkout()
    const flags = [
      '--pin-untagged',
      '--ignore',
      `${registry.host}/acme/ignored/*`,
      '--registry-map',
      `mirror.example.test/acme=${registry.host}/acme`
    ]
    const dry = await runCli(['pin', 'compose.yaml', 'Dockerfile', '--dry-run', ...flags], {
      cwd: workspace
    })
    expect(dry.exitCode).toBe(0)
    expect(dry.stdout).toContain('+++ b/compose.yaml')
    expect(dry.stdout).toContain(`+    image: ${registry.host}/acme/web:1.27@${pins.WEB}`)
    for (const path of FILES) expect([path, read(path)]).toEqual([path, render(path, before, {})])

    const done = await runCli(['pin', 'compose.yaml', 'Dockerfile', ...flags], { cwd: workspace })
    expect(done.exitCode).toBe(0)
    for (const path of FILES) {
      const pinned = path === 'compose.yaml' || path === 'Dockerfile'
      expect([path, read(path)]).toEqual([
        path,
        pinned ? render(path, after, pins) : render(path, before, {})
      ])
    }
    const missing = await runCli(['pin', 'nope.yaml'], { cwd: workspace })
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain('nope.yaml: not found')
  })

  /**
   * A two-platform index whose images' configs do not record their platform (only the
   * index's descriptors do), so only the workflow's runs-on can say which manifest a pin is.
   */
  async function pushIndexWithBareConfigs(repo: string, tag: string, seed: string) {
    const manifests: Array<{ platform: string; digest: string; size: number }> = []
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const config = Buffer.from(
        JSON.stringify({ rootfs: { type: 'layers', diff_ids: [] }, comment: `${seed}/${platform}` })
      )
      const configDigest = await registry.pushBlob(repo, config)
      const manifest = {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: MEDIA_TYPES.ociConfig, digest: configDigest, size: config.length },
        layers: []
      }
      const put = await registry.putManifest(repo, null, MEDIA_TYPES.ociManifest!, manifest)
      manifests.push({ platform, ...put })
    }
    const index = await registry.putManifest(repo, tag, MEDIA_TYPES.ociIndex!, {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: manifests.map(m => {
        const [os, architecture] = m.platform.split('/')
        return {
          mediaType: MEDIA_TYPES.ociManifest,
          digest: m.digest,
          size: m.size,
          platform: { os, architecture }
        }
      })
    })
    return { index: index.digest, arm64: manifests[1]!.digest }
  }

  it("a job's runs-on architecture keeps its container pinned to that platform's manifest", async () => {
    const old = await pushIndexWithBareConfigs('acme/bare', '1', 'old')
    const moved = await pushIndexWithBareConfigs('acme/bare', '1', 'new')
    const workflow = (digest: string) =>
      [
        'on: push',
        'jobs:',
        '  arm:',
        '    runs-on: ubuntu-24.04-arm',
        '    container:',
        `      image: ${registry.host}/acme/bare:1@${digest}`,
        '    steps:',
        '      - run: uname -m',
        ''
      ].join('\n')
    rmSync(workspace, { recursive: true, force: true })
    mkdirSync(join(workspace, '.github/workflows'), { recursive: true })
    writeFileSync(join(workspace, '.github/workflows/arm.yml'), workflow(old.arm64))
    const result = await run()
    expect(annotations(result, 'warning')).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(read('.github/workflows/arm.yml')).toBe(workflow(moved.arm64))
    const updates = JSON.parse(result.outputs.updates!) as Array<Record<string, unknown>>
    expect(updates.map(u => [u.name, u.platform, u.previous, u.current])).toEqual([
      ['.github/workflows/arm.yml:6', 'linux/arm64', old.arm64, moved.arm64]
    ])

    // With no platform in sight the pin stays as it is, and the failure says what to write.
    const unfixed = (digest: string) =>
      workflow(digest).replace('ubuntu-24.04-arm', '${{ matrix.runner }}')
    writeFileSync(join(workspace, '.github/workflows/arm.yml'), unfixed(old.arm64))
    const kept = await run()
    expect(read('.github/workflows/arm.yml')).toBe(unfixed(old.arm64))
    const failed = JSON.parse(kept.outputs.failed!) as Array<{ name: string; error: string }>
    expect(failed.map(f => f.name)).toEqual(['.github/workflows/arm.yml:6'])
    expect(failed[0]!.error).toContain(
      "the pinned digest is one platform's manifest, but its image config names no platform"
    )
  })

  it('with a config, references an entry pins move by the config, once, and the rest by discovery', async () => {
    checkout()
    const config = (digest: string) =>
      `containers:\n  - name: app\n    image: ${registry.host}/acme/app\n    tag: "1.0"\n    digest: ${digest}\n`
    writeFileSync(join(workspace, '.github/containers.yml'), config(before.APP!))
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(read('.github/containers.yml')).toBe(config(after.APP!))
    // The config's rule also moves a reference by digest alone that holds the entry's digest.
    const byConfig = { ...after, APP_OLD: after.APP! }
    for (const path of FILES)
      expect([path, read(path)]).toEqual([
        path,
        render(path, path === 'deploy/k8s/app.yaml' ? byConfig : after, pins)
      ])
    const updates = JSON.parse(result.outputs.updates!) as Array<Record<string, unknown>>
    const app = updates.filter(u => u.image === `${registry.host}/acme/app`)
    // The mirror's reference is discovery's: its written repository is not the entry's.
    expect(app.map(u => [u.name, u.files])).toEqual([
      ['app', ['.github/workflows/ci.yml', 'compose.yaml', 'deploy/k8s/app.yaml']],
      ['compose.yaml:21', ['compose.yaml']]
    ])
  })
})
