import { describe, expect, it } from '@jest/globals'
import {
  COLOR,
  PLAIN,
  jsonReport,
  renderJson,
  renderProgress,
  renderProposal,
  renderTable,
  renderUsageError,
  shortDigest,
  useColor
} from '../../src/cli/render.js'
import { parseConfig } from '../../src/domain/config.js'
import { parseDigest } from '../../src/domain/oci/digest.js'
import { type EntryResult, type UpdateResult, planUpdate } from '../../src/run/update.js'

const hex = (c: string) => c.repeat(64)
const digest = (c: string) => parseDigest(`sha256:${hex(c)}`)

const CONFIG = `containers:
  - target: i686-unknown-linux-musl
    image_tag: i686-unknown-linux-musl
    current_sha: ${hex('1')}
  - target: x86_64-unknown-linux-musl
    image_tag: x86_64-unknown-linux-musl
    current_sha: ${hex('2')}
  - target: armv7
    image_tag: armv7-unknown-linux-musleabi
    platform: linux/arm/v7
    current_sha: ${hex('3')}
  - target: fresh
    image_tag: aarch64-unknown-linux-musl
`

type Outcome = { status: 'updated' | 'pinned' | 'unchanged'; to?: string } | { error: string }

function result(
  outcomes: Record<string, Outcome>,
  extra: Partial<UpdateResult> = {},
  text = CONFIG
): UpdateResult {
  const config = parseConfig('.github/containers.yml', text, {
    defaultImage: 'ghcr.io/rust-cross/rust-musl-cross'
  })
  const results: EntryResult[] = config.entries.map(entry => {
    const outcome = outcomes[entry.name] ?? { status: 'unchanged' }
    if ('error' in outcome) {
      return {
        entry,
        status: 'failed',
        previous: entry.digest,
        current: entry.digest,
        error: outcome.error
      }
    }
    return {
      entry,
      status: outcome.status,
      previous: entry.digest,
      current: outcome.to ? digest(outcome.to) : entry.digest
    }
  })
  return { ...planUpdate('update', config, results), written: false, ...extra }
}

const ESCAPE = new RegExp(String.fromCharCode(27) + '\\[\\d+m', 'g')
const strip = (text: string) => text.replace(ESCAPE, '')

describe('renderTable', () => {
  const mixed = () =>
    result({
      'i686-unknown-linux-musl': { status: 'updated', to: 'a' },
      armv7: { error: 'tag armv7-unknown-linux-musleabi not found in ghcr.io/rust-cross/x' },
      fresh: { status: 'pinned', to: 'b' }
    })

  it('shows name, reference, previous → current with short digests, and status', () => {
    const lines = renderTable(mixed(), { dryRun: false }).split('\n')
    expect(lines[0]).toMatch(/^NAME +REFERENCE +PREVIOUS → CURRENT +STATUS$/)
    expect(lines[1]).toMatch(
      /^i686-unknown-linux-musl +ghcr\.io\/rust-cross\/rust-musl-cross:i686-unknown-linux-musl +111111111111 → aaaaaaaaaaaa +updated$/
    )
    expect(lines[2]).toMatch(/^x86_64-unknown-linux-musl +\S+ +222222222222 +unchanged$/)
    expect(lines[3]).toMatch(
      /^armv7 +\S+:armv7-unknown-linux-musleabi \(linux\/arm\/v7\) +333333333333 \(kept\) +failed$/
    )
    expect(lines[4]).toMatch(/^fresh +\S+ +unpinned → bbbbbbbbbbbb +pinned$/)
    // Every row's status starts in the same column.
    const column = lines[0]!.indexOf('STATUS')
    for (const line of lines.slice(1, 5)) expect(line.slice(column)).toMatch(/^[a-z]/)
  })

  it('tallies the statuses and lists each failure with its reason', () => {
    const text = renderTable(mixed(), { dryRun: false })
    expect(text).toContain('4 entries: 1 updated, 1 unchanged, 1 failed, 1 pinned.')
    expect(text).toContain('1 entry could not be resolved and kept its previous digest:')
    expect(text).toContain(
      '✗ armv7: tag armv7-unknown-linux-musleabi not found in ghcr.io/rust-cross/x'
    )
  })

  it('says whether the file was written, would change in a dry run, or is current', () => {
    const moved = { 'i686-unknown-linux-musl': { status: 'updated' as const, to: 'a' } }
    expect(renderTable(result(moved, { written: true }), { dryRun: false })).toContain(
      'Wrote 1 digest to .github/containers.yml.'
    )
    expect(renderTable(result(moved), { dryRun: true })).toContain(
      'Dry run: 1 digest would change in .github/containers.yml; nothing was written.'
    )
    expect(renderTable(result({}), { dryRun: false })).toContain(
      'Every digest in .github/containers.yml that could be checked is current.'
    )
    const matrix = { ...result({}), mode: 'matrix' as const }
    expect(renderTable(matrix, { dryRun: false })).toContain(
      'Matrix from .github/containers.yml as committed; no registry was asked.'
    )
  })

  it('says so when the list is empty', () => {
    expect(renderTable(result({}, {}, 'containers: []\n'), { dryRun: false })).toBe(
      'No entries in .github/containers.yml.\n'
    )
  })

  it('colours only when asked, without moving a column', () => {
    const plain = renderTable(mixed(), { dryRun: false, style: PLAIN })
    const colored = renderTable(mixed(), { dryRun: false, style: COLOR })
    expect(plain).not.toContain('\x1b[')
    expect(colored).toContain('\x1b[32mupdated\x1b[39m')
    expect(colored).toContain('\x1b[31mfailed\x1b[39m')
    expect(strip(colored)).toBe(plain)
  })
})

describe('useColor', () => {
  it('needs a terminal and no NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true)
    expect(useColor(true, { NO_COLOR: '' })).toBe(true)
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false)
    expect(useColor(false, {})).toBe(false)
    expect(useColor(undefined, {})).toBe(false)
  })
})

describe('held updates', () => {
  const held: UpdateResult['held'] = [
    {
      name: 'x86_64',
      image: 'ghcr.io/rust-cross/rust-musl-cross',
      tag: 'x86_64-unknown-linux-musl',
      current: digest('1'),
      candidate: digest('a'),
      reason: 'waiting, 1 of 3 days (first seen 2026-11-30T12:00:00Z)',
      until: '2026-12-03T12:00:00Z',
      kind: 'held'
    }
  ]

  it('lists each with its reason and when it becomes eligible', () => {
    const text = renderTable(result({}, { held }), { dryRun: false })
    expect(text).toContain('1 update held back, the old digest kept:')
    expect(text).toContain(
      'x86_64: waiting, 1 of 3 days (first seen 2026-11-30T12:00:00Z) (eligible 2026-12-03T12:00:00Z)'
    )
  })

  it('carries them in --json without the kind', () => {
    const report = JSON.parse(renderJson(result({}, { held }))) as { held: unknown[] }
    const row: Record<string, unknown> = { ...held[0]! }
    delete row.kind
    expect(report.held).toEqual([row])
  })
})

describe('JSON report', () => {
  it('carries the action outputs, with changed as a boolean', () => {
    const run = result({ 'i686-unknown-linux-musl': { status: 'updated', to: 'a' } })
    const report = JSON.parse(renderJson(run)) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(['matrix', 'changed', 'updates', 'failed', 'held'])
    expect(report.changed).toBe(true)
    expect(report.updates).toEqual([
      {
        name: 'i686-unknown-linux-musl',
        image: 'ghcr.io/rust-cross/rust-musl-cross',
        tag: 'i686-unknown-linux-musl',
        platform: null,
        previous: digest('1'),
        current: digest('a'),
        files: [],
        // No facts were read for this move: the details say so, as null and empty.
        created: null,
        created_source: null,
        size: {},
        previous_size: {},
        platforms_added: [],
        platforms_removed: [],
        base: null,
        identical_layers: false,
        commits: null
      }
    ])
    expect(report.matrix).toEqual(run.matrix)
  })

  it('adds the proposed pull request only when one was asked for', () => {
    const run = result({})
    expect(jsonReport(run)).not.toHaveProperty('pull_request')
    expect(jsonReport(run, null)).toHaveProperty('pull_request', null)
    const proposal = { title: 't', body: 'b', diff: 'd' }
    expect(jsonReport(run, proposal)).toHaveProperty('pull_request', proposal)
  })
})

describe('renderProposal', () => {
  it('prints the title, the body as GitHub receives it, and the diff', () => {
    const text = renderProposal({
      title: 'chore: Update container image digests',
      body: '## Container Hash Updates\n\n| Target |\n',
      diff: '--- a/c.yml\n+++ b/c.yml\n@@ -1,1 +1,1 @@\n-old\n+new\n'
    })
    expect(text).toContain(
      'Title: chore: Update container image digests\n\n## Container Hash Updates'
    )
    expect(text).toContain('-old\n+new\n')
    expect(text).not.toContain('\x1b[')
  })

  it('says that no pull request would be proposed when nothing moved', () => {
    expect(renderProposal(null)).toContain('would open or update no pull request')
  })
})

describe('small pieces', () => {
  it('shortens digests to 12 hex digits', () => {
    expect(shortDigest(digest('f'))).toBe('ffffffffffff')
  })

  it('renders progress and a one-line usage error with a hint', () => {
    expect(renderProgress(12, 40)).toBe('resolved 12/40')
    expect(renderUsageError('unknown option --x')).toBe(
      'image-digest-updater: unknown option --x (see image-digest-updater --help)\n'
    )
  })
})

describe('untrusted text in what the CLI prints', () => {
  const HOSTILE_CONFIG = `containers:
  - target: "a\\e]8;;https://evil.example\\aclick\\e]8;;\\a\\e[2J\\e]0;title\\a\\x9b31m\\rover"
    image_tag: i686-unknown-linux-musl
    current_sha: ${hex('1')}
`
  /** Anything but the SGR colours we add ourselves. */
  // eslint-disable-next-line no-control-regex
  const SGR = /\x1b\[\d+m/g
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g
  const foreign = (text: string) => text.replace(SGR, '').match(CONTROL) ?? []

  it('strips escape sequences and controls from names and errors, keeping its own colours', () => {
    const error = 'bad\x1b]8;;x\x07link\x1b[31m'
    const base = result({}, {}, HOSTILE_CONFIG)
    const name = base.results[0]!.entry.name
    const failed: UpdateResult = {
      ...base,
      results: [{ ...base.results[0]!, status: 'failed', error }],
      failed: [{ name, image: 'x', tag: 'y', error }] as UpdateResult['failed']
    }
    const text = renderTable(failed, { dryRun: false, style: COLOR })
    expect(foreign(text)).toEqual([])
    expect(text).toContain('aclick')
    expect(text).toContain('badlink')
    expect(text).toContain('\u001b[31m')
  })

  it('strips them from the proposed title, body and diff', () => {
    const text = renderProposal(
      {
        title: 'T\x1b]0;title\x07',
        body: 'body \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\',
        diff: '+ new\x1b[8m hidden\n- old\x9b2J'
      },
      COLOR
    )
    expect(foreign(text)).toEqual([])
    expect(text).toContain('body here')
  })
})

describe('renderJson with untrusted text', () => {
  it('escapes DEL, C1 controls and bidi overrides, which JSON.stringify leaves raw', () => {
    const base = result({}, {}, CONFIG)
    const error = 'x\x9b2J\x7f\u202eevil\x1b[31m'
    const failedResult: UpdateResult = {
      ...base,
      failed: [{ name: 'n', image: 'i', tag: 't', error }] as UpdateResult['failed']
    }
    const text = renderJson(failedResult)
    // eslint-disable-next-line no-control-regex
    expect(text.match(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g)).toBeNull()
    const parsed = JSON.parse(text) as { failed: Array<{ error: string }> }
    expect(parsed.failed[0]!.error).toBe(error)
  })
})

describe('the rate-limit budget and pin health in the report', () => {
  const rateLimits = [{ registry: 'docker.io', limit: 100, remaining: 7, window: 21600 }]
  const pinHealth = {
    checked: 1,
    gone: [
      {
        name: 'x86_64',
        line: 7,
        digest: digest('b'),
        reason: `pinned digest ${digest('b')} is no longer served by docker.io: builds pinned to it will fail`
      }
    ],
    unchecked: [{ name: 'i686', line: 3, reason: 'skipped: rate limit' }]
  }

  it('ends the table with what is left and what is gone', () => {
    const text = renderTable(result({}, { rateLimits, pinHealth }), { dryRun: false })
    expect(text).toContain('\nRate limit left: docker.io 7 of 100 per 6 h.\n')
    expect(text).toContain('Pin health: 1 pinned digest checked; 1 no longer served.\n')
    expect(text).toContain(`Error: x86_64: pinned digest ${digest('b')} is no longer served`)
    expect(text).toContain('i686: pin health skipped: rate limit.\n')
    expect(renderTable(result({}), { dryRun: false })).not.toContain('Rate limit')
  })

  it('puts them in the JSON report only when the run has them', () => {
    expect(jsonReport(result({}))).not.toHaveProperty('rate_limits')
    const report = jsonReport(result({}, { rateLimits, pinHealth }))
    expect(report).toHaveProperty('rate_limits', rateLimits)
    expect(report).toHaveProperty('pin_health', pinHealth)
  })
})

describe('signatures in the table', () => {
  const withSignature = (signature: NonNullable<UpdateResult['reviews'][number]['signature']>) => {
    const r = result({ 'i686-unknown-linux-musl': { status: 'updated', to: 'a' } })
    r.reviews = r.moves
      .filter(m => m.previous !== m.current)
      .map(m => ({ key: m.key, previous: m.previous, current: m.current, signature, flags: [] }))
    return renderTable(r, { dryRun: false }).split('\n')
  }

  it('has no column when no entry verifies signatures', () => {
    const lines = renderTable(
      result({ 'i686-unknown-linux-musl': { status: 'updated', to: 'a' } }),
      {
        dryRun: false
      }
    ).split('\n')
    expect(lines[0]).not.toContain('SIGNATURE')
  })

  it.each<[string, Parameters<typeof withSignature>[0], string]>([
    [
      'a keyless identity',
      { verified: true, identity: 'dev@example.com', issuer: 'i', same_as_previous: true },
      'verified: dev@example.com'
    ],
    [
      'a key',
      { verified: true, key: 'trusted.pub', same_as_previous: false },
      'verified: trusted.pub'
    ],
    ['no trusted signature', { verified: false, same_as_previous: false }, 'unsigned']
  ])('shows %s for the moved entry and a dash for the rest', (_, signature, text) => {
    const lines = withSignature(signature)
    expect(lines[0]).toMatch(/STATUS +SIGNATURE$/)
    expect(lines.find(l => l.startsWith('i686-unknown-linux-musl '))).toMatch(
      new RegExp(`updated +${text.replace(/[.]/g, '\\.')}$`)
    )
    expect(lines.find(l => l.startsWith('armv7 '))).toMatch(/unchanged +—$/)
  })

  it('strips escape sequences from a hostile identity', () => {
    const identity = '\x1b]8;;https://evil\x07[x](https://evil)\x1b[2J @mention <img> ::error::x'
    const lines = withSignature({ verified: true, identity, same_as_previous: true })
    const row = lines.find(l => l.startsWith('i686-unknown-linux-musl '))!
    // eslint-disable-next-line no-control-regex
    expect(row).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/)
    expect(row).toContain('[x](https://evil)')
    expect(lines.some(l => /^\s*::/.test(l))).toBe(false)
  })
})
