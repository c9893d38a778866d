import { describe, expect, it } from '@jest/globals'
import type { RegistryClient } from '../../src/adapters/registry/client.js'
import { RegistryError } from '../../src/adapters/registry/http.js'
import { RateLimitBudget } from '../../src/adapters/registry/rate-limit.js'
import { parseConfig } from '../../src/domain/config.js'
import { parseDigest } from '../../src/domain/oci/digest.js'
import { checkPins } from '../../src/run/pin-health.js'
import { budgetLines } from '../../src/run/budget-lines.js'
import type { EntryResult } from '../../src/run/update.js'

const d = (c: string) => parseDigest(`sha256:${c.repeat(64)}`)

const CONFIG = `containers:
  - name: kept
    image: reg.example/team/a
    tag: v1
    digest: ${d('a')}
  - name: twin
    image: reg.example/team/a
    tag: v1
    digest: ${d('a')}
  - name: moved
    image: reg.example/team/b
    tag: v1
    digest: ${d('b')}
  - name: fine
    image: reg.example/team/c
    tag: v1
    digest: ${d('c')}
  - name: flaky
    image: reg.example/team/e
    tag: v1
    digest: ${d('e')}
  - name: unpinned
    image: reg.example/team/f
    tag: v1
`

function setUp(budget = new RateLimitBudget()) {
  const config = parseConfig('containers.yml', Buffer.from(CONFIG), {})
  const asked: string[] = []
  const client = {
    budget,
    isServed: async (ref: { repository: string }, digest: string) => {
      asked.push(`${ref.repository}@${digest}`)
      if (ref.repository === 'team/e')
        throw new RegistryError('network', 'HEAD …: connection reset')
      return ref.repository === 'team/c'
    }
  } as unknown as RegistryClient
  const results: EntryResult[] = config.entries.map(entry => ({
    entry,
    status: entry.name === 'moved' ? 'updated' : 'unchanged',
    previous: entry.digest,
    current: entry.name === 'moved' ? d('9') : entry.digest
  }))
  return { client, results, asked }
}

describe('checkPins', () => {
  it('asks once per distinct pin and tells gone, served and unknown apart', async () => {
    const { client, results, asked } = setUp()
    const { report, held } = await checkPins(results, client, 4)
    expect(asked.sort()).toEqual([
      `team/a@${d('a')}`,
      `team/b@${d('b')}`,
      `team/c@${d('c')}`,
      `team/e@${d('e')}`
    ])
    expect(report.checked).toBe(3)
    expect(report.gone.map(g => [g.name, g.line])).toEqual([
      ['kept', 2],
      ['twin', 6],
      ['moved', 10]
    ])
    expect(report.gone[0]!.reason).toBe(
      `pinned digest ${d('a')} is no longer served by reg.example: builds pinned to it will fail`
    )
    expect(report.gone[2]!.reason).toMatch(/will fail until this update lands$/)
    expect(report.unchecked).toEqual([
      { name: 'flaky', line: 18, reason: 'could not check: HEAD …: connection reset' }
    ])
    // The moved entry's update is the fix: only the pins the file keeps are held as errors.
    expect(held.map(h => [h.name, h.kind, h.current, h.until])).toEqual([
      ['kept', 'error', d('a'), null],
      ['twin', 'error', d('a'), null]
    ])
  })

  it('skips what the budget refuses, and says so', async () => {
    const budget = new RateLimitBudget()
    budget.observe(
      'reg.example',
      new Headers({ 'ratelimit-limit': '100', 'ratelimit-remaining': '11' })
    )
    const { client, results, asked } = setUp(budget)
    const { report } = await checkPins(results, client, 1)
    expect(asked).toEqual([`team/a@${d('a')}`])
    expect(report.unchecked.map(u => [u.name, u.reason])).toEqual([
      ['moved', 'skipped: rate limit'],
      ['fine', 'skipped: rate limit'],
      ['flaky', 'skipped: rate limit']
    ])
  })
})

describe('budgetLines', () => {
  it('is empty for a run that met no counts and checked no pins', () => {
    expect(budgetLines({})).toEqual([])
  })

  it('names each registry with what is left and its window', () => {
    expect(
      budgetLines({
        rateLimits: [
          { registry: 'docker.io', limit: 100, remaining: 64, window: 21600 },
          { registry: 'quay.io', limit: 60, remaining: 3, window: 90 },
          { registry: 'ghcr.io', limit: 5000, remaining: 4990, window: null }
        ]
      })
    ).toEqual([
      'Rate limit left: docker.io 64 of 100 per 6 h; quay.io 3 of 60 per 90 s; ghcr.io 4990 of 5000.'
    ])
  })
})
