/**
 * One attack on the bundled action: a config of a few entries served through the fault proxy
 * by the real registry, the action run as the runner runs it, and everything it left behind
 * measured against the registry's true digests and the scenario's secrets.
 */
import { expect } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FaultProxy } from '../../../scripts/faults/proxy.mjs'
import type { RegistryHandle } from '../../../scripts/registry/harness.mjs'
import type { FakeGitHub } from '../../support/fake-github.js'
import { type ActionRun, annotations, runAction } from '../../support/run-action.js'

/** Long enough for the slowest scenario by far; the run is killed after it. */
export const RUN_BOUND_MS = 30_000
/** The per-request timeout the suite gives the action, so stalls cost seconds, not minutes. */
export const REQUEST_TIMEOUT_MS = 2_500

export const PASSWORD = 'rel-Pw-7c1e94-NEVER-PRINT-ME'
export const USER = 'reliability-bot'
/** Passed as the `token` input in every run; used for GHCR only, and must never show. */
export const GITHUB_TOKEN = 'ghs_RELIABILITYfakeTOKEN0000000000000001'

export const sha256 = (text: string | Buffer): string =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`

export interface EntrySpec {
  name: string
  /** Repository on the registry, e.g. `s-429/hit`. */
  repository: string
  tag: string
  platform?: string
  /** The digest the config pins before the run. */
  old: string
  /** The digest the registry really serves for this entry. */
  truth: string
}

export type Expected = 'updated' | RegExp

export interface Failure {
  name: string
  image: string
  tag: string
  error: string
}

export interface Observation {
  run: ActionRun
  before: string
  after: string
  failed: Failure[]
  /** Per entry: the digest the rewritten config holds. */
  written: Map<string, string | undefined>
  wrongDigests: string[]
  leaks: string[]
}

export function configText(id: string, host: string, entries: readonly EntrySpec[]): string {
  const lines = [`# reliability scenario ${id}`, 'containers:']
  for (const e of entries) {
    lines.push(`  - name: ${e.name}`, `    image: ${host}/${e.repository}`, `    tag: ${e.tag}`)
    if (e.platform) lines.push(`    platform: ${e.platform}`)
    lines.push(`    digest: ${e.old}   # pinned`)
  }
  return lines.join('\n') + '\n'
}

const DIGEST_PATTERN = /(?:sha256:)?\b([0-9a-f]{64})\b/g

function digestsIn(text: string): string[] {
  return [...text.matchAll(DIGEST_PATTERN)].map(m => `sha256:${m[1]}`)
}

/** The digest pinned for each named entry of a config this suite wrote. */
export function pinnedDigests(text: string): Map<string, string | undefined> {
  const pinned = new Map<string, string | undefined>()
  let name: string | undefined
  for (const line of text.split('\n')) {
    const n = /^\s*- name: (.+?)\s*$/.exec(line)
    if (n) {
      name = n[1]!
      pinned.set(name, undefined)
    }
    const d = /^\s*digest: (\S+)/.exec(line)
    if (d && name) pinned.set(name, d[1])
  }
  return pinned
}

/** Every secret the scenario knows of, with the base64 forms a Basic header would carry. */
export function secretVariants(secrets: readonly string[]): string[] {
  const out = new Set<string>()
  for (const s of secrets) {
    if (s.length < 8) continue
    out.add(s)
    out.add(Buffer.from(`${USER}:${s}`).toString('base64'))
  }
  return [...out]
}

/** Bearer tokens and Basic credentials the registry received: the action learned these. */
export function tokensSeen(proxy: FaultProxy): string[] {
  return [
    ...new Set(
      proxy
        .requests()
        .map(r => /^Bearer (\S+)$/i.exec(r.authorization ?? '')?.[1])
        .filter((t): t is string => t !== undefined)
    )
  ]
}

export interface ObserveOptions {
  run: ActionRun
  before: string
  after: string
  entries: readonly EntrySpec[]
  secrets: readonly string[]
  /** Proxies standing in for other hosts: any Authorization header they saw is a leak. */
  otherHosts?: readonly FaultProxy[]
  github?: FakeGitHub
  /** The config's path in the repository, for reading the pull request's copy. */
  repoPath?: string
}

/** Measures a run; asserts nothing, so the figures can be recorded before any assertion. */
export function observe(options: ObserveOptions): Observation {
  const { run, before, after, entries } = options
  const failed = JSON.parse(run.outputs.failed ?? '[]') as Failure[]
  const written = pinnedDigests(after)
  const allowed = new Set(entries.flatMap(e => [e.old, e.truth]))
  const wrong: string[] = []

  for (const e of entries) {
    const value = written.get(e.name)
    const digest = value && (value.startsWith('sha256:') ? value : `sha256:${value}`)
    if (digest !== e.old && digest !== e.truth)
      wrong.push(`${e.name}: config holds ${String(value)}`)
  }
  const proposed: Array<[string, string]> = [
    ['config file', after],
    ['matrix output', run.outputs.matrix ?? ''],
    ['updates output', run.outputs.updates ?? '']
  ]
  const github = options.github
  if (github) {
    for (const pull of github.pulls()) {
      proposed.push([`pull request #${pull.number} body`, pull.body ?? ''])
      proposed.push([
        `pull request #${pull.number} config`,
        github.readFile(pull.head.sha, options.repoPath ?? '') ?? ''
      ])
    }
  }
  for (const [where, text] of proposed) {
    for (const digest of new Set(digestsIn(text))) {
      if (!allowed.has(digest)) wrong.push(`${where} names ${digest}, which no entry is at`)
    }
  }

  const readable: Array<[string, string]> = [
    ['log, outputs and summary', run.artifacts],
    ['config file', after]
  ]
  if (github) {
    for (const pull of github.pulls()) {
      readable.push([`pull request #${pull.number}`, `${pull.title}\n${pull.body ?? ''}`])
      for (const c of pull.comments) readable.push([`comment on #${pull.number}`, c.body])
    }
    for (const request of github.requests) {
      if (request.body !== undefined)
        readable.push([`${request.method} ${request.path}`, JSON.stringify(request.body)])
    }
  }
  const leaks: string[] = []
  for (const secret of secretVariants(options.secrets)) {
    for (const [where, text] of readable) {
      if (text.includes(secret)) leaks.push(`${where} shows a secret (${secret.slice(0, 6)}…)`)
    }
  }
  for (const other of options.otherHosts ?? []) {
    for (const request of other.requests()) {
      if (request.authorization)
        leaks.push(`${other.host} received an Authorization header on ${request.path}`)
    }
  }
  return { run, before, after, failed, written, wrongDigests: wrong, leaks }
}

/** One line a person can act on: no stack, no line breaks, no JavaScript leaking through. */
export function expectReadableCause(error: string): void {
  expect(error).not.toMatch(/[\r\n]/)
  expect(error.length).toBeLessThanOrEqual(400)
  expect(error).not.toMatch(/undefined|\[object |TypeError|^Error:|\bat .+:\d+:\d+/)
}

export function expectNoStackTrace(run: ActionRun): void {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
}

/** The shared assertions every registry scenario makes, given what each entry should end as. */
export function expectOutcome(
  obs: Observation,
  entries: readonly EntrySpec[],
  expected: Record<string, Expected>
): void {
  expect(obs.wrongDigests).toEqual([])
  expect(obs.leaks).toEqual([])
  expectNoStackTrace(obs.run)
  const warnings = annotations(obs.run, 'warning')
  for (const e of entries) {
    const want = expected[e.name] ?? 'updated'
    const failure = obs.failed.find(f => f.name === e.name)
    const digest = obs.written.get(e.name)
    if (want === 'updated') {
      expect({ name: e.name, failure }).toEqual({ name: e.name, failure: undefined })
      expect(digest).toBe(e.truth)
    } else {
      expect({ name: e.name, failed: failure !== undefined }).toEqual({
        name: e.name,
        failed: true
      })
      expect(failure!.error).toMatch(want)
      expectReadableCause(failure!.error)
      // The entry keeps the digest it had, in the file and in the matrix.
      expect(digest).toBe(e.old)
      const matrix = JSON.parse(obs.run.outputs.matrix ?? '{}') as {
        include: Array<{ name: string; digest: string }>
      }
      expect(matrix.include.find(m => m.name === e.name)?.digest).toBe(e.old)
      expect(warnings).toContain(`${e.name}: ${failure!.error}`)
    }
  }
  const allFailed = entries.every(e => (expected[e.name] ?? 'updated') !== 'updated')
  expect(obs.run.exitCode).toBe(allFailed ? 1 : 0)
  if (!entries.some(e => (expected[e.name] ?? 'updated') === 'updated'))
    expect(obs.after).toBe(obs.before)
}

export interface Workspace {
  dir: string
  configPath: string
  cleanup(): void
  /** Files next to the config, to catch leftover temporary files. */
  siblings(): string[]
}

export function makeWorkspace(prefix: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  mkdirSync(join(dir, '.github'))
  const configPath = join(dir, '.github/containers.yml')
  return {
    dir,
    configPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    siblings: () => readdirSync(join(dir, '.github'))
  }
}

export interface RunOptions {
  workspace: Workspace
  registryAuth: Record<string, { username: string; password: string }>
  inputs?: Record<string, string>
  env?: Record<string, string>
}

/** Runs the bundled action on the workspace's config, bounded by RUN_BOUND_MS. */
export function runBounded(options: RunOptions): Promise<ActionRun> {
  return runAction({
    workspace: options.workspace.dir,
    inputs: {
      config: '.github/containers.yml',
      'registry-auth': JSON.stringify(options.registryAuth),
      token: GITHUB_TOKEN,
      'pull-request': 'false',
      'request-timeout': String(REQUEST_TIMEOUT_MS / 1000),
      ...options.inputs
    },
    env: options.env,
    timeoutMs: RUN_BOUND_MS
  })
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}

export function write(path: string, text: string): void {
  writeFileSync(path, text)
}

/** Pushes a fresh image and returns its digest. */
export async function pushFresh(
  registry: RegistryHandle,
  repository: string,
  tag: string
): Promise<string> {
  return (await registry.pushImage(repository, tag, { seed: `${repository}:${tag}` })).digest
}
