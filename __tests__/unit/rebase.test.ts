import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/domain/config.js'
import { rateLimitWait } from '../../src/adapters/github/octokit.js'
import { type EntryResult, rebaseUpdate } from '../../src/run/update.js'

const hex = (c: string) => c.repeat(64)
const defaults = { defaultImage: 'ghcr.io/rust-cross/rust-musl-cross' }

function workspace(text: string, outcome: Record<string, string | 'failed'>): EntryResult[] {
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

const WORKSPACE = `containers:
  - target: a
    image_tag: tag-a
    current_sha: ${hex('1')}
  - target: b
    image_tag: tag-b
    current_sha: ${hex('2')}
`

describe('rebaseUpdate', () => {
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
    const results = workspace(WORKSPACE, { a: `sha256:${hex('3')}` })
    const rebased = rebaseUpdate('base.yml', base, defaults, results)
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
    expect(rebased.moved.map(m => [m.entry.name, m.previous, m.current])).toEqual([
      ['a', `sha256:${hex('1')}`, `sha256:${hex('3')}`]
    ])
  })

  it('returns no text when the base already holds every resolved digest', () => {
    const base = WORKSPACE.replace(hex('1'), hex('3'))
    const results = workspace(WORKSPACE, { a: `sha256:${hex('3')}` })
    const rebased = rebaseUpdate('base.yml', base, defaults, results)
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
    const rebased = rebaseUpdate('base.yml', base, defaults, workspace(updated, {}))
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
    expect(rebased.moves.map(m => [m.name, m.previous, m.current])).toEqual([
      ['a', `sha256:${hex('1')}`, `sha256:${hex('3')}`],
      ['b', `sha256:${hex('2')}`, `sha256:${hex('2')}`],
      // Unknown to this run: it stays, so it still holds back what shares its digest.
      ['added-on-main', `sha256:${hex('5')}`, `sha256:${hex('5')}`]
    ])
  })

  it('leaves entries that failed to resolve as the base has them', () => {
    const base = WORKSPACE.replace(hex('2'), hex('7'))
    const results = workspace(WORKSPACE, { a: `sha256:${hex('3')}`, b: 'failed' })
    const rebased = rebaseUpdate('base.yml', base, defaults, results)
    expect(rebased.newText).toBe(base.replace(hex('1'), hex('3')))
  })

  it('keeps the digest form the base copy uses', () => {
    const base = WORKSPACE.replace(`current_sha: ${hex('1')}`, `current_sha: "sha256:${hex('1')}"`)
    const results = workspace(WORKSPACE, { a: `sha256:${hex('4')}` })
    expect(rebaseUpdate('base.yml', base, defaults, results).newText).toContain(
      `current_sha: "sha256:${hex('4')}"`
    )
  })
})

describe('rateLimitWait', () => {
  const error = (status: number, headers: Record<string, string>, message = '') => ({
    status,
    message,
    response: { headers }
  })

  it('honours retry-after on a secondary rate limit', () => {
    expect(rateLimitWait(error(403, { 'retry-after': '7' }), 0)).toBe(7000)
  })

  it('waits for the reset of an exhausted primary limit', () => {
    const now = 1_000_000
    expect(
      rateLimitWait(error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1030' }), now)
    ).toBe(31_000)
  })

  it('treats a plain 403 as final', () => {
    expect(
      rateLimitWait(error(403, {}, 'Resource not accessible by integration'), 0)
    ).toBeUndefined()
    expect(rateLimitWait(error(404, { 'retry-after': '1' }), 0)).toBeUndefined()
  })
})
