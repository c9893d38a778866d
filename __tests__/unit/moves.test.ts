import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import { imageKey } from '../../src/domain/oci/reference.js'
import { type Move, computeMoves, hasMoved, rewriteConfig, withFiles } from '../../src/run/moves.js'
import type { EntryResult } from '../../src/run/update.js'

const hex = (c: string) => c.repeat(64)
const sha = (c: string): Digest => parseDigest(`sha256:${hex(c)}`)
const defaults = { defaultImage: 'ghcr.io/rust-cross/rust-musl-cross' }

function workspace(text: string, outcome: Record<string, Digest | 'failed'>): EntryResult[] {
  return parseConfig('w.yml', text, defaults).entries.map(entry => {
    const next = outcome[entry.name]
    if (next === 'failed')
      return { entry, status: 'failed', previous: entry.digest, current: entry.digest, error: 'x' }
    const current = next ?? entry.digest!
    return {
      entry,
      status: current === entry.digest ? 'unchanged' : 'updated',
      previous: entry.digest,
      current
    }
  })
}

/** The base branch's copy, moved with this run's results: what the pull request proposes. */
function rebase(text: string, results: EntryResult[]) {
  const config = parseConfig('base.yml', text, defaults)
  const moves = computeMoves(config, results)
  return { moves, moved: moves.filter(hasMoved), newText: rewriteConfig(config, moves) }
}

const shown = (moves: Move[]) => moves.map(m => [m.entry.name, m.previous, m.current])

const WORKSPACE = `containers:
  - target: a
    image_tag: tag-a
    current_sha: ${hex('1')}
  - target: b
    image_tag: tag-b
    current_sha: ${hex('2')}
`

describe('computeMoves on another copy of the config (the base branch)', () => {
  it('applies resolved digests to a base copy that gained an entry and a comment since checkout', () => {
    const base = `# edited on main after checkout
containers:
  - target: new
    image_tag: tag-new
    current_sha: ${hex('9')}
  - target: a
    image_tag: tag-a
    current_sha: ${hex('1')}
  - target: b
    image_tag: tag-b
    current_sha: ${hex('2')}
`
    const rebased = rebase(base, workspace(WORKSPACE, { a: sha('3') }))
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
    expect(shown(rebased.moved)).toEqual([['a', sha('1'), sha('3')]])
  })

  it('returns no text when the base already holds every resolved digest', () => {
    const base = WORKSPACE.replace(hex('1'), hex('3'))
    const rebased = rebase(base, workspace(WORKSPACE, { a: sha('3') }))
    expect([rebased.newText, rebased.moved]).toEqual([undefined, []])
  })

  it('moves the base from its own digests when the workspace already held the new ones', () => {
    // A workspace an earlier run (pull-request: false) updated: this run finds nothing to move
    // there, yet the base still pins the old digests everywhere.
    const updated = WORKSPACE.replace(hex('1'), hex('3'))
    const base = `${WORKSPACE}  - target: added-on-main
    image_tag: tag-c
    current_sha: ${hex('5')}
`
    const rebased = rebase(base, workspace(updated, {}))
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
    expect(shown(rebased.moves)).toEqual([
      ['a', sha('1'), sha('3')],
      ['b', sha('2'), sha('2')],
      // Unknown to this run: it stays, so it still holds back what shares its digest.
      ['added-on-main', sha('5'), sha('5')]
    ])
  })

  it('leaves entries that failed to resolve as the base has them', () => {
    const base = WORKSPACE.replace(hex('2'), hex('7'))
    const rebased = rebase(base, workspace(WORKSPACE, { a: sha('3'), b: 'failed' }))
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
  })

  it('keeps the digest form the base copy uses', () => {
    const base = WORKSPACE.replace(`current_sha: ${hex('1')}`, `current_sha: "sha256:${hex('1')}"`)
    expect(rebase(base, workspace(WORKSPACE, { a: sha('4') })).newText).toContain(
      `current_sha: "sha256:${hex('4')}"`
    )
  })
})

describe('computeMoves on the config the results are about (the workspace)', () => {
  const TWINS = `containers:
  - target: one
    image_tag: shared
    current_sha: ${hex('1')}
  - target: two
    image_tag: shared
    current_sha: ${hex('2')}
  - target: unpinned
    image_tag: tag-u
`

  it('ends each entry on its own result, so a failed twin keeps its digest while the other moves', () => {
    const results = workspace(TWINS, { one: sha('3'), two: 'failed' })
    const moves = computeMoves(parseConfig('w.yml', TWINS, defaults), results)
    // A fresh parse is another copy: matched by key, the twin moves with the resolved digest.
    expect(shown(moves)).toEqual([
      ['one', sha('1'), sha('3')],
      ['two', sha('2'), sha('3')]
    ])
    const own = computeMoves(
      { ...parseConfig('w.yml', TWINS, defaults), entries: results.map(r => r.entry) },
      results
    )
    expect(shown(own)).toEqual([
      ['one', sha('1'), sha('3')],
      ['two', sha('2'), sha('2')]
    ])
  })

  it('leaves out an entry with no digest that could not be pinned, and keys entries by imageKey', () => {
    const results = workspace(TWINS, { unpinned: 'failed' })
    const moves = computeMoves(
      { ...parseConfig('w.yml', TWINS, defaults), entries: results.map(r => r.entry) },
      results
    )
    expect(moves.map(m => m.entry.name)).toEqual(['one', 'two'])
    expect(moves.map(m => m.key)).toEqual([
      'ghcr.io/rust-cross/rust-musl-cross:shared|',
      'ghcr.io/rust-cross/rust-musl-cross:shared|'
    ])
  })

  it('lists for each move the files that pinned that entry, in the order given', () => {
    const results = workspace(WORKSPACE, { a: sha('3'), b: sha('4') })
    const moves = computeMoves(
      { ...parseConfig('w.yml', WORKSPACE, defaults), entries: results.map(r => r.entry) },
      results
    )
    const files = withFiles(moves, [
      { path: 'z/Dockerfile', entries: [0, 1] },
      { path: 'a/compose.yml', entries: [1] }
    ])
    expect(files.map(m => [m.entry.name, m.files])).toEqual([
      ['a', ['z/Dockerfile']],
      ['b', ['z/Dockerfile', 'a/compose.yml']]
    ])
    // The input is not changed: a move's files are only those given with it.
    expect(moves.every(m => m.files.length === 0)).toBe(true)
  })
})

describe('imageKey', () => {
  it('is one format for a tag, a digest and a platform', () => {
    const repo = { registry: 'ghcr.io', repository: 'a/b' }
    expect(imageKey({ ...repo, tag: '1.2' })).toBe('ghcr.io/a/b:1.2|')
    expect(imageKey({ ...repo, tag: '1.2' }, { text: 'linux/arm64' })).toBe(
      'ghcr.io/a/b:1.2|linux/arm64'
    )
    expect(imageKey({ ...repo, digest: sha('1') }, { text: 'linux/amd64' })).toBe(
      `ghcr.io/a/b@sha256:${hex('1')}|linux/amd64`
    )
  })
})
