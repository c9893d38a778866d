/**
 * Layouts that try to steer a write out of the workspace, each run through the bundled
 * action in update mode against the real registry (token auth, anonymous pull refused), with
 * a digest that really moved: a config input outside the workspace, a config behind a
 * linked directory (pointing out, or back in), a config that is itself a link, and a `files`
 * glob through a linked directory. The run must refuse (or, for `files`, skip) before
 * writing, and every file outside the workspace must keep its bytes; one that changed counts
 * as a wrong write.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import {
  PASSWORD,
  USER,
  expectNoStackTrace,
  pushFresh,
  runBounded,
  secretVariants,
  write
} from './support/scenario.js'

const STALE = '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'

interface Layout {
  id: string
  title: string
  /** Builds the layout under `root` (workspace `ws`, outside `out`); returns the config input. */
  build(root: string, config: string): { config: string; files?: string }
  /** What the run must say, in an error or a notice. */
  expected: RegExp
  /** The run fails (a refusal) rather than skipping a file with a notice. */
  refused: boolean
}

const LAYOUTS: Layout[] = [
  {
    id: 'workspace:outside-path',
    title: 'a config input that climbs out of the workspace',
    build: (root, config) => {
      write(join(root, 'out/containers.yml'), config)
      return { config: '../out/containers.yml' }
    },
    expected: /^input config \.\.\/out\/containers\.yml is outside the workspace/,
    refused: true
  },
  {
    id: 'workspace:linked-directory',
    title: 'a config behind a directory link that leaves the workspace',
    build: (root, config) => {
      write(join(root, 'out/containers.yml'), config)
      symlinkSync(join(root, 'out'), join(root, 'ws/.github'))
      return { config: '.github/containers.yml' }
    },
    expected: /is reached through \.github, a symbolic link/,
    refused: true
  },
  {
    id: 'workspace:linked-file',
    title: 'a config that is a link to a file outside the workspace',
    build: (root, config) => {
      write(join(root, 'out/containers.yml'), config)
      mkdirSync(join(root, 'ws/.github'))
      symlinkSync(join(root, 'out/containers.yml'), join(root, 'ws/.github/containers.yml'))
      return { config: '.github/containers.yml' }
    },
    expected: /is reached through \.github\/containers\.yml, a symbolic link/,
    refused: true
  },
  {
    id: 'workspace:linked-inside',
    title: 'a config behind a directory link that stays inside the workspace',
    build: (root, config) => {
      mkdirSync(join(root, 'ws/ci'))
      write(join(root, 'ws/ci/containers.yml'), config)
      symlinkSync('ci', join(root, 'ws/.github'))
      return { config: '.github/containers.yml' }
    },
    expected: /is reached through \.github, a symbolic link/,
    refused: true
  },
  {
    id: 'workspace:files-through-link',
    title: 'a files glob through a directory link that leaves the workspace',
    build: (root, config) => {
      mkdirSync(join(root, 'ws/.github'))
      write(join(root, 'ws/.github/containers.yml'), config)
      write(
        join(root, 'out/Dockerfile'),
        `FROM ${/image: (\S+)/.exec(config)![1]}:1.0@sha256:${STALE}\n`
      )
      symlinkSync(join(root, 'out'), join(root, 'ws/deploy'))
      return { config: '.github/containers.yml', files: 'deploy/**' }
    },
    expected: /^files: skipped deploy: it is a symbolic link/,
    refused: false
  }
]

describe('writes that would leave the workspace', () => {
  let registry: RegistryHandle
  let image: string
  let registryAuth: Record<string, { username: string; password: string }>

  beforeAll(async () => {
    registry = await startRegistry({
      auth: 'token',
      users: { [USER]: PASSWORD },
      anonymousPull: false
    })
    image = `${registry.host}/tools/app`
    await pushFresh(registry, 'tools/app', '1.0')
    registryAuth = { [registry.host]: { username: USER, password: PASSWORD } }
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it.each(LAYOUTS.map(l => [testName(l.id, l.title), l] as const))('%s', async (_name, layout) => {
    const root = mkdtempSync(join(tmpdir(), 'workspace-writes-'))
    try {
      mkdirSync(join(root, 'ws'))
      mkdirSync(join(root, 'out'))
      const config = `containers:\n  - image: ${image}\n    tag: "1.0"\n    digest: sha256:${STALE}\n`
      const { config: input, files } = layout.build(root, config)
      const outside = (name: string) => readFileSync(join(root, 'out', name), 'utf8')
      const before = ['containers.yml', 'Dockerfile']
        .filter(n => lstatSync(join(root, 'out', n), { throwIfNoEntry: false }))
        .map(n => [n, outside(n)] as const)
      const run = await runBounded({
        workspace: { dir: join(root, 'ws'), configPath: '', cleanup: () => {}, siblings: () => [] },
        registryAuth,
        inputs: { config: input, ...(files ? { files } : {}) }
      })
      const changed = before.filter(([n, text]) => outside(n) !== text).length
      const said = layout.refused ? annotations(run, 'error') : annotations(run, 'notice')
      const leaks = secretVariants([PASSWORD]).filter(s => run.artifacts.includes(s))
      record({
        group: 'Workspace writes',
        id: layout.id,
        title: layout.title,
        faults: 1,
        wrongDigests: changed,
        secretsLeaked: leaks.length,
        // The temporary directory changes on every run; the report should not.
        outcome: `exit ${run.exitCode}: ${(said[0] ?? 'nothing said').replaceAll(root, '<tmp>')}`
      })
      expect(changed).toBe(0)
      expect(leaks).toEqual([])
      expectNoStackTrace(run)
      expect(said.some(line => layout.expected.test(line))).toBe(true)
      expect(run.exitCode).toBe(layout.refused ? 1 : 0)
      // The config inside the workspace still moves when only a glob was at fault.
      if (!layout.refused) expect(run.outputs.changed).toBe('true')
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
