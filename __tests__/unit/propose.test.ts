/**
 * proposeUpdate against an in-memory forge behind the run's PullRequestPort: what it reads
 * from the base, and the one change it asks for, without GitHub or a registry.
 */
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import { matchPaths } from '../../src/adapters/fs/workspace-files.js'
import { PullRequestError } from '../../src/adapters/github/pull-requests.js'
import {
  type ProposalSettings,
  type PullRequestRequest,
  describeProposal,
  proposeUpdate
} from '../../src/run/propose.js'
import type {
  BaseSnapshot,
  PullRequestChange,
  PullRequestOutcome,
  PullRequestPort
} from '../../src/run/pull-request-port.js'
import {
  type EntryResult,
  type PinnedFile,
  type UpdateResult,
  planUpdate
} from '../../src/run/update.js'
import { computeMoves, withFiles } from '../../src/run/moves.js'
import type { Logger } from '../../src/adapters/registry/http.js'

const hex = (c: string) => c.repeat(64)
const sha = (c: string): Digest => parseDigest(`sha256:${hex(c)}`)
const IMAGE = 'ghcr.io/rust-cross/rust-musl-cross'
const CONFIG = '.github/containers.yml'

const config = (a: string, b: string, extra = '') => `containers:
  - target: a
    image_tag: tag-a
    current_sha: ${hex(a)}
  - target: b
    image_tag: tag-b
    current_sha: ${hex(b)}
${extra}`

const dockerfile = (a: string) => `FROM ${IMAGE}:tag-a@sha256:${hex(a)}\n`

/** A repository and its one pull request, kept in memory, answering as the port promises. */
class MemoryForge implements PullRequestPort {
  readonly changes: PullRequestChange[] = []
  readonly reads: Array<{ base: string | undefined; paths: string[]; patterns: string[] }> = []
  open?: { number: number; files: Map<string, string>; body: string }
  private next = 1

  constructor(
    private readonly tree: Record<string, string>,
    readonly defaultBranch = 'main',
    private readonly links: readonly string[] = []
  ) {}

  async readBase(
    base: string | undefined,
    paths: readonly string[],
    patterns: readonly string[]
  ): Promise<BaseSnapshot> {
    this.reads.push({ base, paths: [...paths], patterns: [...patterns] })
    const all = [...Object.keys(this.tree), ...this.links]
    const matched = matchPaths(patterns, all).filter(p => !paths.includes(p))
    const files = new Map<string, Buffer | undefined>()
    const notFiles = new Map<string, string>()
    for (const path of [...paths, ...matched]) {
      const text = this.tree[path]
      files.set(path, text === undefined ? undefined : Buffer.from(text, 'utf8'))
      if (this.links.includes(path)) notFiles.set(path, 'a symbolic link')
    }
    return {
      branch: base ?? this.defaultBranch,
      sha: 'base-head',
      treeSha: 'base-tree',
      files,
      modes: new Map(),
      notFiles,
      matched
    }
  }

  async sync(change: PullRequestChange): Promise<PullRequestOutcome> {
    this.changes.push(change)
    const branch = change.branch
    const pull = this.open
    if (change.files.size === 0) {
      if (!pull) return { operation: 'none', branch }
      if (change.keepOpen) return { operation: 'unchanged', number: pull.number, branch }
      this.open = undefined
      return { operation: 'closed', number: pull.number, branch }
    }
    if (pull) {
      Object.assign(pull, { files: change.files, body: change.body })
      return { operation: 'updated', number: pull.number, branch }
    }
    this.open = { number: this.next++, files: change.files, body: change.body }
    return { operation: 'created', number: this.open.number, branch }
  }
}

const quiet: Logger & { lines: string[] } = {
  lines: [],
  debug() {},
  info(m) {
    quiet.lines.push(m)
  },
  warning(m) {
    quiet.lines.push(`warning: ${m}`)
  }
}

/** The workspace run: its config, each entry's outcome, and the other files it rewrote. */
function ran(
  text: string,
  outcome: Record<string, Digest | 'failed'>,
  pinned: Array<Omit<PinnedFile, 'absolutePath'>> = []
): UpdateResult {
  const parsed = parseConfig(CONFIG, text, { defaultImage: IMAGE })
  const results: EntryResult[] = parsed.entries.map(entry => {
    const next = outcome[entry.name]
    if (next === 'failed')
      return {
        entry,
        status: 'failed',
        previous: entry.digest,
        current: entry.digest,
        error: 'down'
      }
    const current = next ?? entry.digest!
    return {
      entry,
      status: current === entry.digest ? 'unchanged' : 'updated',
      previous: entry.digest,
      current
    }
  })
  const pinnedFiles = pinned.map(f => ({ ...f, absolutePath: `/workspace/${f.path}` }))
  const moves = withFiles(computeMoves(parsed, results), pinnedFiles)
  return { ...planUpdate('update', parsed, results, { pinnedFiles, moves }), written: true }
}

const request: PullRequestRequest = {
  branch: 'image-digests/update',
  branchExplicit: false,
  title: 'chore: Update container image digests',
  commitMessage: 'Update digests',
  labels: ['deps'],
  assignees: ['octocat'],
  reviewers: [],
  teamReviewers: ['infra'],
  draft: true
}

function settings(overrides: Partial<ProposalSettings> = {}): ProposalSettings {
  return {
    repoPath: CONFIG,
    config: { label: CONFIG, defaultImage: IMAGE },
    pullRequest: request,
    body: { template: '{updates}\n{failures}', now: new Date('2026-01-02T00:00:00Z') },
    ...overrides
  }
}

describe('proposeUpdate', () => {
  it('proposes the base as it is now, with this run’s digests, when the base moved on', async () => {
    const base = `# edited on main after checkout\n${config('1', '2', `  - target: new\n    image_tag: tag-n\n    current_sha: ${hex('9')}\n`)}`
    const forge = new MemoryForge({ [CONFIG]: base })
    const outcome = await proposeUpdate(
      ran(config('1', '2'), { a: sha('3') }),
      settings(),
      forge,
      undefined,
      quiet
    )

    expect(outcome.operation).toBe('created')
    const change = forge.changes[0]!
    expect([...change.files]).toEqual([[CONFIG, base.replace(hex('1'), hex('3'))]])
    expect(change.body).toBe(`- a: \`${hex('1')}\` → \`${hex('3')}\`\n`)
    expect(outcome.proposal?.diff).toContain(`+    current_sha: ${hex('3')}`)
    expect(forge.reads).toEqual([{ base: undefined, paths: [CONFIG], patterns: [] }])
  })

  it('hands the request to the port as the edge gave it, and keeps the PR open only on failures', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('1', '2') }, 'main')
    await proposeUpdate(
      ran(config('1', '2'), { a: sha('3') }),
      settings({ pullRequest: { ...request, base: 'release' } }),
      forge,
      undefined,
      quiet
    )
    const { base, files, body, keepOpen, held, ...asked } = forge.changes[0]!
    expect(asked).toEqual(Object.fromEntries(Object.entries(request).filter(([k]) => k !== 'base')))
    expect([base.branch, files.size > 0, body !== '', keepOpen, held]).toEqual([
      'release',
      true,
      true,
      false,
      []
    ])
    expect(forge.reads[0]!.base).toBe('release')
  })

  it('proposes other files from the base, not the stale workspace copies it rewrote', async () => {
    // The workspace rewrote docker/Dockerfile; on the base, a later commit already moved it,
    // while tools/Dockerfile (which the workspace never had) still pins the old digest.
    const forge = new MemoryForge({
      [CONFIG]: config('1', '2'),
      'docker/Dockerfile': dockerfile('3'),
      'tools/Dockerfile': dockerfile('1'),
      'README.md': `see ${IMAGE}:tag-a@sha256:${hex('1')}\n`
    })
    const result = ran(config('1', '2'), { a: sha('3') }, [
      { path: 'docker/Dockerfile', text: dockerfile('1'), newText: dockerfile('3'), entries: [0] }
    ])
    const outcome = await proposeUpdate(
      result,
      settings({ files: ['**/Dockerfile'] }),
      forge,
      undefined,
      quiet
    )

    expect(outcome.operation).toBe('created')
    expect(forge.reads[0]).toEqual({
      base: undefined,
      paths: [CONFIG, 'docker/Dockerfile'],
      patterns: ['**/Dockerfile']
    })
    const files = forge.changes[0]!.files
    expect([...files.keys()]).toEqual([CONFIG, 'tools/Dockerfile'])
    expect(files.get('tools/Dockerfile')).toBe(dockerfile('3'))
    expect(forge.changes[0]!.body).toBe(
      `- a: \`${hex('1')}\` → \`${hex('3')}\` (also \`tools/Dockerfile\`)\n`
    )
  })

  it('moves the base and its other files when an earlier run already updated the workspace', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('1', '2'), Dockerfile: dockerfile('1') })
    // Nothing moved in the workspace (pull-request: false wrote it before); the base still
    // pins the old digest in the config and the Dockerfile.
    const result = ran(config('3', '2'), {})
    await proposeUpdate(result, settings({ files: ['Dockerfile'] }), forge, undefined, quiet)
    expect([...forge.changes[0]!.files]).toEqual([
      [CONFIG, config('3', '2')],
      ['Dockerfile', dockerfile('3')]
    ])
  })

  it('lists under each entry only the files that pinned that entry’s own digest', async () => {
    // Two entries of one tag, pinned at different digests: the Dockerfile holds a's alone.
    const twins = `${config('1', '2')}  - target: a-too\n    image_tag: tag-a\n    current_sha: ${hex('5')}\n`
    const forge = new MemoryForge({ [CONFIG]: twins, Dockerfile: dockerfile('1') })
    await proposeUpdate(
      ran(twins, { a: sha('3'), 'a-too': sha('3') }),
      settings({ files: ['Dockerfile'] }),
      forge,
      undefined,
      quiet
    )
    expect(forge.changes[0]!.body).toBe(
      `- a: \`${hex('1')}\` → \`${hex('3')}\` (also \`Dockerfile\`)\n- a-too: \`${hex('5')}\` → \`${hex('3')}\`\n`
    )
  })

  it('skips a matched path that is no regular file on the base, saying so', async () => {
    quiet.lines.length = 0
    const forge = new MemoryForge({ [CONFIG]: config('1', '2') }, 'main', ['link/Dockerfile'])
    await proposeUpdate(
      ran(config('1', '2'), { a: sha('3') }),
      settings({ files: ['**/Dockerfile'] }),
      forge,
      undefined,
      quiet
    )
    expect([...forge.changes[0]!.files.keys()]).toEqual([CONFIG])
    expect(quiet.lines).toContain('files: skipped link/Dockerfile: it is a symbolic link on main')
  })

  it('closes the pull request when the base already holds every current digest', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('1', '2') })
    await proposeUpdate(ran(config('1', '2'), { a: sha('3') }), settings(), forge, undefined, quiet)
    expect(forge.open).toBeDefined()

    // Someone merged it: the base now pins the new digest, and this run finds it again.
    const merged = new MemoryForge({ [CONFIG]: config('3', '2') })
    merged.open = forge.open
    const outcome = await proposeUpdate(
      ran(config('1', '2'), { a: sha('3') }),
      settings(),
      merged,
      undefined,
      quiet
    )
    expect(outcome).toMatchObject({ operation: 'closed', number: 1 })
    expect(merged.changes[0]).toMatchObject({ body: '', keepOpen: false })
    expect(merged.changes[0]!.files.size).toBe(0)
    expect(outcome.proposal).toBeUndefined()
  })

  it('keeps the pull request open when an image failed: an empty change proves nothing', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('3', '2') })
    forge.open = { number: 7, files: new Map(), body: 'earlier' }
    const outcome = await proposeUpdate(
      ran(config('1', '2'), { a: sha('3'), b: 'failed' }),
      settings(),
      forge,
      undefined,
      quiet
    )
    expect(outcome).toMatchObject({ operation: 'unchanged', number: 7 })
    expect(forge.changes[0]).toMatchObject({ keepOpen: true, body: '' })
    expect(forge.open?.body).toBe('earlier')
  })

  it('lists failures in the body of a pull request that still moves others', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('1', '2') })
    await proposeUpdate(
      ran(config('1', '2'), { a: sha('3'), b: 'failed' }),
      settings(),
      forge,
      undefined,
      quiet
    )
    expect(forge.changes[0]).toMatchObject({ keepOpen: true })
    expect(forge.changes[0]!.body).toContain(`- b (\`${IMAGE}:tag-b\`): down`)
  })

  it('refuses a config that is missing on the base, or is no file there', async () => {
    const missing = new MemoryForge({})
    await expect(
      proposeUpdate(ran(config('1', '2'), { a: sha('3') }), settings(), missing, undefined, quiet)
    ).rejects.toThrow(
      new PullRequestError(`${CONFIG} does not exist on main; commit the config there first`)
    )
    const linked = new MemoryForge({}, 'main', [CONFIG])
    await expect(
      proposeUpdate(ran(config('1', '2'), { a: sha('3') }), settings(), linked, undefined, quiet)
    ).rejects.toThrow(`${CONFIG} is a symbolic link on main, not a file`)
    expect([...missing.changes, ...linked.changes]).toEqual([])
  })
})

describe('describeProposal', () => {
  it('previews the workspace change from three settings alone', async () => {
    const result = ran(config('1', '2'), { b: sha('4') }, [
      { path: 'Dockerfile', text: 'x\n', newText: 'y\n', entries: [1] }
    ])
    const preview = await describeProposal(
      result,
      { repoPath: CONFIG, title: 'T', body: { template: '{updates}', now: new Date(0) } },
      undefined,
      quiet
    )
    expect(preview?.title).toBe('T')
    expect(preview?.body).toBe(`- b: \`${hex('2')}\` → \`${hex('4')}\` (also \`Dockerfile\`)\n`)
    expect(preview?.diff).toContain('+++ b/Dockerfile')
  })

  it('has nothing to preview when no digest moved', async () => {
    const result = ran(config('1', '2'), {})
    expect(
      await describeProposal(
        result,
        { repoPath: CONFIG, title: 'T', body: { now: new Date(0) } },
        undefined,
        quiet
      )
    ).toBeUndefined()
  })
})

describe('the review data in the body', () => {
  /** The workspace run with a review for each move and one held update, as other stages fill them. */
  function reviewed(): UpdateResult {
    const result = ran(config('1', '2'), { a: sha('3'), b: sha('4') })
    result.reviews = result.moves
      .filter(m => m.current !== m.previous)
      .map(m => ({
        key: m.key,
        previous: m.previous,
        current: m.current,
        unavailable: `no facts for ${m.entry.name}`,
        flags: []
      }))
    result.held = [
      {
        name: 'c',
        image: IMAGE,
        tag: 'tag-c',
        current: sha('5'),
        candidate: sha('6'),
        reason: 'cooldown',
        until: null,
        kind: 'held'
      }
    ]
    return result
  }
  const body = { template: '{details}\n\n{held}\n\n{run}', now: new Date(0) }
  const run = new URL('https://github.com/o/r/actions/runs/9')

  it('gives each moved target its review, the held updates and the run link', async () => {
    const forge = new MemoryForge({ [CONFIG]: config('1', '2') })
    await proposeUpdate(reviewed(), settings({ body: { ...body, run } }), forge, undefined, quiet)
    const text = forge.changes[0]!.body
    expect(text).toContain('#### a\n\n- details unavailable: no facts for a')
    expect(text).toContain('#### b\n\n- details unavailable: no facts for b')
    expect(text).toContain('### Held back')
    expect(text).toContain('(https://github.com/o/r/actions/runs/9)')
  })

  it('shows the same in the preview', async () => {
    const preview = await describeProposal(
      reviewed(),
      { repoPath: CONFIG, title: 'T', body },
      undefined,
      quiet
    )
    expect(preview?.body).toContain('#### a\n\n- details unavailable: no facts for a')
    expect(preview?.body).toContain('### Held back')
  })

  it('leaves out a review computed for another previous digest than the base holds', async () => {
    // The base moved on to 7 for a: the review of 1 → 3 does not describe 7 → 3.
    const forge = new MemoryForge({ [CONFIG]: config('7', '2') })
    await proposeUpdate(reviewed(), settings({ body }), forge, undefined, quiet)
    const text = forge.changes[0]!.body
    expect(text).not.toContain('#### a')
    expect(text).toContain('#### b')
  })
})
