/**
 * The same digests pinned in other files, end to end: the bundled action against the real
 * local registry and the fake GitHub API, with a fixture repository holding a multi-stage
 * Dockerfile, a compose file, a Kubernetes deployment, a workflow with `container:` and
 * `services:`, an executable script, and decoys that must keep every byte.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { annotations, runAction } from '../support/run-action.js'

const CONFIG = '.github/containers.yml'
const WORKFLOW = '.github/workflows/build.yml'
const BRANCH = 'image-digests/update'
const FILES = [
  'Dockerfile',
  'compose.yaml',
  'deploy/**/*.yaml',
  '.github/**/*.yml',
  'scripts/*.sh',
  'assets/*'
].join(', ')
const bare = (digest: string) => digest.replace(/^sha256:/, '')

/** Digests of the moving entries; decoys are written with the values in `Fixed`. */
interface Moving {
  app: string
  builder: string
  runtime: string
}

interface Fixed {
  host: string
  appOld: string
  runtimeIndex: string
  staticDigest: string
}

function config(f: Fixed, m: Moving): string {
  return `# Images this repository builds on
containers:
  - name: app
    image: ${f.host}/acme/app
    tag: "1.0"
    digest: ${m.app}
  - name: builder
    image: ${f.host}/acme/builder
    tag: "1.22"
    digest: ${m.builder}
  - name: runtime-arm64
    image: ${f.host}/acme/runtime
    tag: "3"
    platform: linux/arm64
    digest: ${m.runtime}
  - name: static
    image: ${f.host}/acme/static
    tag: "1"
    digest: ${f.staticDigest}
`
}

/** The repository's other files, with the moving digests as given and the decoys as they are. */
function others(f: Fixed, m: Moving): Record<string, string> {
  const h = f.host
  // A digest sharing all but its last character with the app's old one.
  const nearApp = `${f.appOld.slice(0, -1)}${f.appOld.endsWith('0') ? '1' : '0'}`
  return {
    Dockerfile: `# syntax=docker/dockerfile:1.7
ARG BASE=${h}/acme/app:1.0@${m.app}
FROM --platform=$BUILDPLATFORM ${h}/acme/builder:1.22@${m.builder} AS build
RUN make
FROM --platform=linux/arm64 ${h}/acme/runtime:3@${m.runtime} AS runtime
FROM ${h}/acme/runtime:3@${f.runtimeIndex} AS index-is-not-the-pinned-platform
FROM ${h}/acme/app:0.9@${f.appOld} AS other-tag-same-digest
FROM \${BASE}
COPY --from=build /out /usr/local/bin/
`,
    'compose.yaml': `services:
  app:
    image: "${h}/acme/app:1.0@${m.app}"
  debug:
    image: ${h}/acme/app-debug:1.0@${f.appOld}
  cache:
    image: ${h}/acme/app:1.0@${nearApp}
  static:
    image: ${h}/acme/static:1@${f.staticDigest}
`,
    'deploy/k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ${h}/acme/app@${m.app}
      containers:
        - name: app
          image: ${h}/acme/app:1.0@${m.app}\r
        - name: proxy
          image: ${h}/acme/ap:1.0@${f.appOld}
`,
    [WORKFLOW]: `name: build
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
    container:
      image: ${h}/acme/builder:1.22@${m.builder}
    services:
      app:
        image: ${h}/acme/app:1.0@${m.app}
    steps:
      - run: make
`,
    'scripts/run.sh': `#!/bin/sh\nexec docker run --rm ${h}/acme/app:1.0@${m.app} "$@"\n`,
    'docs/notes.md': `Pinned: ${h}/acme/app:1.0@${f.appOld} (not matched by the globs)\n`,
    'README.md': '# app\n'
  }
}

describe('other files pinning the same digests', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  let outside: string
  let fixed: Fixed
  let old: Moving
  let now: Moving

  /** A fresh checkout of main, plus files that exist only in the workspace. */
  function checkout(): void {
    rmSync(workspace, { recursive: true, force: true })
    for (const [path, content] of Object.entries(github.readTree('main'))) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true })
      writeFileSync(join(workspace, path), content)
    }
    chmodSync(join(workspace, 'scripts/run.sh'), 0o755)
    const reference = `${fixed.host}/acme/app:1.0@${old.app}`
    mkdirSync(join(workspace, 'assets'))
    writeFileSync(
      join(workspace, 'assets/logo.bin'),
      Buffer.concat([Buffer.from(`${reference}\n`), Buffer.from([0, 1, 2])])
    )
    writeFileSync(
      join(workspace, 'deploy/k8s/huge.yaml'),
      `image: ${reference}\n${'#'.repeat(1024 * 1024)}\n`
    )
    writeFileSync(join(workspace, 'deploy/k8s/local-only.yaml'), `image: ${reference}\n`)
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'deploy/k8s/link.yaml'))
  }

  const run = (inputs: Record<string, string> = {}) => {
    checkout()
    return runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token, files: FILES, ...inputs },
      env: { GITHUB_API_URL: github.url }
    })
  }

  const workspaceFile = (path: string) => readFileSync(join(workspace, path), 'utf8')

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    const oldApp = await registry.pushImage('acme/app', '1.0', { seed: 'old app' })
    const oldBuilder = await registry.pushImage('acme/builder', '1.22', { seed: 'old builder' })
    const oldRuntime = await registry.pushIndex('acme/runtime', '3', {
      platforms: ['linux/amd64', 'linux/arm64'],
      seed: 'old runtime'
    })
    const fixedStatic = await registry.pushImage('acme/static', '1', { seed: 'static' })
    const newApp = await registry.pushImage('acme/app', '1.0', { seed: 'new app' })
    const newBuilder = await registry.pushImage('acme/builder', '1.22', { seed: 'new builder' })
    const newRuntime = await registry.pushIndex('acme/runtime', '3', {
      platforms: ['linux/amd64', 'linux/arm64'],
      seed: 'new runtime'
    })
    const arm64 = (index: typeof oldRuntime) =>
      index.manifests.find(m => m.platform === 'linux/arm64')!.digest
    fixed = {
      host: registry.host,
      appOld: oldApp.digest,
      runtimeIndex: oldRuntime.digest,
      staticDigest: fixedStatic.digest
    }
    old = { app: oldApp.digest, builder: oldBuilder.digest, runtime: arm64(oldRuntime) }
    now = { app: newApp.digest, builder: newBuilder.digest, runtime: arm64(newRuntime) }

    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: {
        [CONFIG]: config(fixed, old),
        ...others(fixed, old),
        'scripts/run.sh': { content: others(fixed, old)['scripts/run.sh']!, mode: '100755' }
      }
    })
    workspace = mkdtempSync(join(tmpdir(), 'pinned-files-'))
    outside = mkdtempSync(join(tmpdir(), 'pinned-outside-'))
    writeFileSync(join(outside, 'secret.yaml'), `image: ${registry.host}/acme/app:1.0@${old.app}\n`)
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    for (const dir of [workspace, outside]) if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('pull-request false rewrites exactly the moved digests in the workspace, byte for byte', async () => {
    const result = await run({ 'pull-request': 'false' })
    expect(result.exitCode).toBe(0)

    expect(workspaceFile(CONFIG)).toBe(config(fixed, now))
    const expected = others(fixed, now)
    for (const [path, content] of Object.entries(expected))
      expect([path, workspaceFile(path)]).toEqual([path, content])
    // The decoys and files the globs do not name kept every byte.
    expect(workspaceFile('docs/notes.md')).toBe(others(fixed, old)['docs/notes.md'])
    expect(workspaceFile('deploy/k8s/local-only.yaml')).toBe(
      `image: ${fixed.host}/acme/app:1.0@${now.app}\n`
    )
    expect(readFileSync(join(workspace, 'assets/logo.bin')).includes(bare(old.app))).toBe(true)
    expect(workspaceFile('deploy/k8s/huge.yaml')).toContain(old.app)
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toContain(old.app)
    expect(statSync(join(workspace, 'scripts/run.sh')).mode & 0o777).toBe(0o755)

    const updates = JSON.parse(result.outputs.updates!) as Array<Record<string, unknown>>
    expect(updates.map(u => [u.name, u.previous, u.current, u.files])).toEqual([
      [
        'app',
        old.app,
        now.app,
        [
          WORKFLOW,
          'Dockerfile',
          'compose.yaml',
          'deploy/k8s/deployment.yaml',
          'deploy/k8s/local-only.yaml',
          'scripts/run.sh'
        ]
      ],
      ['builder', old.builder, now.builder, [WORKFLOW, 'Dockerfile']],
      ['runtime-arm64', old.runtime, now.runtime, ['Dockerfile']]
    ])

    const notices = annotations(result, 'notice')
    expect(notices).toEqual(
      expect.arrayContaining([
        'files: skipped assets/logo.bin: it is binary (it contains a NUL byte)',
        expect.stringMatching(
          /^files: skipped deploy\/k8s\/huge\.yaml: it is \d+ bytes, over the 1048576-byte cap/
        ),
        expect.stringMatching(/^files: skipped deploy\/k8s\/link\.yaml: it is a symbolic link/)
      ])
    )
    expect(result.summary).toContain('Other files updated with the same digests:')
  })

  it('dry run shows every file it would change and writes nothing', async () => {
    const result = await run({ 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(workspaceFile('Dockerfile')).toBe(others(fixed, old).Dockerfile)
    expect(workspaceFile(CONFIG)).toBe(config(fixed, old))
    expect(result.stdout).toContain(`+++ b/${WORKFLOW}`)
    expect(result.stdout).toContain(
      `+FROM --platform=$BUILDPLATFORM ${fixed.host}/acme/builder:1.22@${now.builder} AS build`
    )
    expect(github.writeRequests()).toEqual([])
  })

  it('with GITHUB_TOKEN, explains that the workflow needs another token instead of a raw 422', async () => {
    github.clearRequests()
    const result = await run()
    expect(result.exitCode).toBe(1)
    const [error] = annotations(result, 'error')
    expect(error).toMatch(
      /^pull request: GitHub refused the commit changing `\.github\/workflows\/build\.yml`: files under \.github\/workflows\/ can only be changed with a token that has the workflows permission/
    )
    expect(error).toContain('fine-grained personal access token with "Workflows: write"')
    expect(error).toContain('GitHub App installation token with workflows: write')
    expect(github.branchSha(BRANCH)).toBeUndefined()
    expect(github.pulls()).toEqual([])
  })

  it('with a token that may change workflows, one commit carries every touched file and no other', async () => {
    // main moves after checkout: the pull request must keep what it gained.
    const composeOnMain = `# reviewed\n${others(fixed, old)['compose.yaml']}`
    const baseHead = github.commit('main', { 'compose.yaml': composeOnMain }, 'Annotate compose')
    const before = github.readTree('main')

    const result = await run({ token: github.workflowsToken })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')

    const [commit, parent] = github.branchCommits(BRANCH)
    expect(commit!.parents).toEqual([baseHead])
    expect(parent!.sha).toBe(baseHead)
    const after = github.readTree(BRANCH)
    const changed = Object.keys(after).filter(path => after[path] !== before[path])
    expect(changed.sort()).toEqual(
      [
        CONFIG,
        WORKFLOW,
        'Dockerfile',
        'compose.yaml',
        'deploy/k8s/deployment.yaml',
        'scripts/run.sh'
      ].sort()
    )
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    const expected = others(fixed, now)
    expect(after[CONFIG]).toBe(config(fixed, now))
    expect(after['compose.yaml']).toBe(`# reviewed\n${expected['compose.yaml']}`)
    for (const path of [WORKFLOW, 'Dockerfile', 'deploy/k8s/deployment.yaml', 'scripts/run.sh'])
      expect([path, after[path]]).toEqual([path, expected[path]])
    expect(github.fileMode(BRANCH, 'scripts/run.sh')).toBe('100755')

    expect(annotations(result, 'notice')).toContain(
      'files: skipped deploy/k8s/local-only.yaml: it is not in the repository on main'
    )
    const body = github.pulls()[0]!.body!
    expect(body).toContain(
      'Also updated: `.github/workflows/build.yml`, `Dockerfile`, `compose.yaml`, `deploy/k8s/deployment.yaml` and `scripts/run.sh`.'
    )
    expect(body).toContain(`| app | \`${old.app}\` | \`${now.app}\` |`)
  })

  it('refuses a glob that leaves the workspace before asking any registry', async () => {
    const result = await run({ 'pull-request': 'false', files: `Dockerfile\n../escape/*.yml` })
    expect(result.exitCode).toBe(1)
    expect(annotations(result, 'error')).toContain(
      'files: pattern "../escape/*.yml" leaves the workspace with ".."; only files inside the workspace can be updated'
    )
    expect(workspaceFile(CONFIG)).toBe(config(fixed, old))
    expect(workspaceFile('Dockerfile')).toBe(others(fixed, old).Dockerfile)
  })
})

/**
 * The pull request computed from the base alone. Two entries of acme/app share a digest until
 * one tag moves; a reference without a tag may then not follow either. The workspace is first
 * updated by a run with `pull-request: false`, so the run that opens the pull request finds
 * nothing left to move there, yet the base still pins the old digests in every file.
 */
describe('other files in the pull request, from the base alone', () => {
  let registry: RegistryHandle
  let github: FakeGitHub
  let workspace: string
  const d: Record<string, string> = {}
  const FILES2 = 'Dockerfile, compose.yaml'

  const baseConfig = (app: string, web: string) => `containers:
  - name: app-1.0
    image: ${registry.host}/acme/app
    tag: "1.0"
    digest: ${app}
  - name: app-1.1
    image: ${registry.host}/acme/app
    tag: "1.1"
    digest: ${d.app0}
  - name: web
    image: ${registry.host}/acme/web
    tag: "2"
    digest: ${web}
`
  const dockerfile = (app: string, web: string) => `FROM ${registry.host}/acme/web:2@${web}
FROM ${registry.host}/acme/app@${d.app0} AS tagless
FROM ${registry.host}/acme/app:1.0@${app} AS tagged
`
  const compose = (web: string) =>
    `services:\n  web:\n    image: ${registry.host}/acme/web:2@${web}\n`

  const run = (inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      inputs: { config: CONFIG, token: github.token, files: FILES2, ...inputs },
      env: { GITHUB_API_URL: github.url }
    })
  const read = (path: string) => readFileSync(join(workspace, path), 'utf8')
  const tagless = (r: Awaited<ReturnType<typeof run>>) =>
    annotations(r, 'warning').filter(w => w.includes(' AS tagless') || w.includes('app@'))

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
    d.app0 = (await registry.pushImage('acme/app', '1.0', { seed: 'app 0' })).digest
    await registry.pushImage('acme/app', '1.1', { seed: 'app 0' })
    d.web0 = (await registry.pushImage('acme/web', '2', { seed: 'web 0' })).digest
    d.app1 = (await registry.pushImage('acme/app', '1.0', { seed: 'app 1' })).digest
    d.web1 = (await registry.pushImage('acme/web', '2', { seed: 'web 1' })).digest
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'builds',
      files: {
        [CONFIG]: baseConfig(d.app0!, d.web0!),
        Dockerfile: dockerfile(d.app0!, d.web0!),
        'compose.yaml': compose(d.web0!)
      }
    })
    workspace = mkdtempSync(join(tmpdir(), 'pinned-base-'))
    for (const [path, content] of Object.entries(github.readTree('main'))) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true })
      writeFileSync(join(workspace, path), content)
    }
  })

  afterAll(async () => {
    await github?.stop()
    await registry?.stop()
    if (workspace) rmSync(workspace, { recursive: true, force: true })
  })

  it('a tagless reference stays when an entry with its digest did not move, with a warning naming them', async () => {
    const result = await run({ 'pull-request': 'false' })
    expect(result.exitCode).toBe(0)
    expect(read('Dockerfile')).toBe(
      `FROM ${registry.host}/acme/web:2@${d.web1}\nFROM ${registry.host}/acme/app@${d.app0} AS tagless\nFROM ${registry.host}/acme/app:1.0@${d.app1} AS tagged\n`
    )
    expect(annotations(result, 'warning')).toContain(
      `Dockerfile:2: ${registry.host}/acme/app@${d.app0} was left as it is: the config entries that pin this digest (app-1.0, app-1.1) do not all move to the same new one; write the tag in the reference, or give those entries the same tag`
    )
    expect(read(CONFIG)).toBe(baseConfig(d.app1!, d.web1!))
  })

  it('proposes every file the globs name on the base, whatever the workspace already holds', async () => {
    // The workspace now holds every new digest: the run itself moves nothing.
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('created')
    expect(github.readTree(BRANCH)).toEqual({
      [CONFIG]: baseConfig(d.app1!, d.web1!),
      Dockerfile: dockerfile(d.app1!, d.web1!).replace(
        `app@${d.app1} AS tagless`,
        `app@${d.app0} AS tagless`
      ),
      'compose.yaml': compose(d.web1!)
    })
    const body = github.pulls()[0]!.body!
    expect(body).toContain('Also updated: `Dockerfile` and `compose.yaml`.')
    expect(body).toContain(`| web | \`${d.web0}\` | \`${d.web1}\` |`)
    expect(tagless(result)).toEqual([
      expect.stringMatching(/^Dockerfile \(on main\):2: .*app-1\.0, app-1\.1/)
    ])
  })

  it('a rerun from a checkout of the pull request branch leaves it as it is', async () => {
    for (const [path, content] of Object.entries(github.readTree(BRANCH)))
      writeFileSync(join(workspace, path), content)
    const head = github.branchSha(BRANCH)
    github.clearRequests()
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('unchanged')
    expect(github.writeRequests()).toEqual([])
    expect(github.branchSha(BRANCH)).toBe(head)
  })

  it('a base that moved on is proposed with all its files, never force-pushed back to stale ones', async () => {
    // main gains an unrelated line in compose.yaml; the workspace is still the branch's copy.
    const composeOnMain = `# reviewed\n${compose(d.web0!)}`
    github.commit('main', { 'compose.yaml': composeOnMain }, 'Annotate compose')
    const result = await run()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['pull-request-operation']).toBe('updated')
    expect(github.readFile(BRANCH, 'compose.yaml')).toBe(`# reviewed\n${compose(d.web1!)}`)
    expect(github.readFile(BRANCH, 'Dockerfile')).toContain(`web:2@${d.web1}`)
    expect(github.pulls()[0]!.body).toContain('Also updated: `Dockerfile` and `compose.yaml`.')
  })

  it('a base tree too large to list still proposes the files the run rewrote', async () => {
    // A fresh checkout of main: this run moves the digests in both files itself.
    for (const [path, content] of Object.entries(github.readTree('main')))
      writeFileSync(join(workspace, path), content)
    const head = github.branchSha(BRANCH)
    github.clearRequests()
    github.truncateTrees(true)
    try {
      const result = await run()
      expect(result.exitCode).toBe(0)
      expect(annotations(result, 'warning')).toContain(
        'files: the tree of main is too large for GitHub to list, so only the files this run rewrote in the workspace are proposed'
      )
      // The branch already holds exactly that: it is left alone, and said so.
      expect(result.outputs['pull-request-operation']).toBe('unchanged')
      expect(github.branchSha(BRANCH)).toBe(head)
      expect(github.writeRequests().filter(r => r.path.includes('/git/refs'))).toEqual([])
    } finally {
      github.truncateTrees(false)
    }
  })
})
