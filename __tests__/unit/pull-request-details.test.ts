/**
 * The Details block per moved target (src/domain/pull-request/details.ts), the Held back
 * section and the workflow-run footer: every field of the shared review model, its words,
 * and that untrusted text stays text and only checked URLs become links.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  type ReviewedTarget,
  detailBlock,
  githubPageUrl,
  renderDetails
} from '../../src/domain/pull-request/details.js'
import { heldLine, renderHeld } from '../../src/domain/pull-request/held.js'
import { runLine, workflowRunUrl } from '../../src/domain/pull-request/run-link.js'
import {
  ageText,
  groupDigits,
  humanBytes,
  sizeChangeText
} from '../../src/domain/pull-request/review-text.js'
import type { Digest } from '../../src/domain/oci/digest.js'
import type { ImageComparison } from '../../src/domain/oci/image-facts.js'
import type { CommitSummary, HeldUpdate, MoveReview } from '../../src/domain/review.js'
import { activeMarkdown } from '../support/markdown-links.js'
import { randomSeed } from '../support/random-seed.js'

const RANDOM_SEED = randomSeed()
const SEEDS = [7, 1234, 20261201, RANDOM_SEED]
console.log(`details property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`)

const NOW = new Date('2024-05-01T08:00:00Z')
const OLD = `sha256:${'a'.repeat(64)}` as Digest
const NEW = `sha256:${'b'.repeat(64)}` as Digest
const BASE_OLD = `sha256:${'1'.repeat(64)}` as Digest
const BASE_NEW = `sha256:${'2'.repeat(64)}` as Digest
const REV_A = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'
const REV_B = 'fedcba9876543210fedcba9876543210fedcba98'
const COMPARE = `https://github.com/o/r/compare/${REV_A}...${REV_B}`
const MIB = 1024 * 1024

function comparison(overrides: Partial<ImageComparison> = {}): ImageComparison {
  return {
    created: { at: '2024-04-28T10:00:00Z', source: 'docker-hub' },
    size: { 'linux/amd64': 13 * MIB },
    previousSize: { 'linux/amd64': 10 * MIB },
    platformsAdded: [],
    platformsRemoved: [],
    base: null,
    identicalLayers: false,
    ...overrides
  }
}

function review(overrides: Partial<MoveReview> = {}): MoveReview {
  return {
    key: 'k',
    previous: OLD,
    current: NEW,
    comparison: comparison(),
    flags: [],
    ...overrides
  }
}

function target(r: Partial<MoveReview> = {}, name = 'app'): ReviewedTarget {
  return { name, platform: null, review: review(r) }
}

const block = (r: Partial<MoveReview> = {}): string => detailBlock(target(r), { now: NOW })
const lineOf = (text: string, label: string): string | undefined =>
  text.split('\n').find(l => l.startsWith(`- **${label}**`))

function commit(i: number, overrides: Partial<CommitSummary> = {}): CommitSummary {
  const sha = i.toString(16).padStart(40, '0')
  return {
    sha,
    headline: `change ${i}`,
    author: `dev${i}`,
    url: `https://github.com/o/r/commit/${sha}`,
    ...overrides
  }
}

describe('renderDetails', () => {
  it('renders one full block exactly', () => {
    const text = renderDetails(
      [
        {
          name: 'app',
          platform: 'linux/amd64',
          review: review({
            comparison: comparison({
              size: { 'linux/amd64': 13 * MIB, 'linux/arm64': 5 * MIB },
              platformsAdded: ['linux/arm64'],
              platformsRemoved: ['linux/386'],
              base: { name: 'docker.io/library/debian:12', previous: BASE_OLD, current: BASE_NEW }
            }),
            commits: { count: 2, url: COMPARE, commits: [commit(1), commit(2)] },
            flags: ['size of linux/amd64 grew 30.0% (more than 20%)']
          })
        }
      ],
      { now: NOW }
    )
    expect(text).toBe(`### Details

#### app (linux/amd64)

- **Age**: 2024-04-28, 2 days ago (Docker Hub push time)
- **Size**:
  - \`linux/amd64\`: 10.0 MiB → 13.0 MiB (+3,145,728 bytes, +30.0%) ⚠️ flagged
  - \`linux/arm64\`: 5.0 MiB (new)
- **Platforms**: added \`linux/arm64\`; removed \`linux/386\`
- **Base image**: \`docker.io/library/debian:12\` moved from \`sha256:111111111111\` to \`sha256:222222222222\`
- **Commits**: [2 commits](${COMPARE})
  - [change 1](https://github.com/o/r/commit/${commit(1).sha}) by dev1
  - [change 2](https://github.com/o/r/commit/${commit(2).sha}) by dev2
- **Flagged**: size of linux/amd64 grew 30.0% \\(more than 20%\\)`)
  })

  it('is empty when no target has a review, and skips targets without one', () => {
    expect(renderDetails([{ name: 'a', platform: null }], { now: NOW })).toBe('')
    const text = renderDetails([{ name: 'a', platform: null }, target({}, 'b')], { now: NOW })
    expect(text).toContain('#### b')
    expect(text).not.toContain('#### a')
  })

  it('folds more than three targets into one <details> element with our own summary', () => {
    const three = renderDetails(
      [1, 2, 3].map(i => target({}, `t${i}`)),
      { now: NOW }
    )
    expect(three).not.toContain('<details>')
    const four = renderDetails(
      [1, 2, 3, 4].map(i => target({}, `t${i}`)),
      { now: NOW }
    )
    expect(four).toMatch(
      /^### Details\n\n<details><summary>Details of 4 targets<\/summary>\n\n#### t1\n[\s\S]*#### t4\n[\s\S]*\n\n<\/details>$/
    )
  })

  it('shows the first blocks only under a cap and says how many it left out', () => {
    const text = renderDetails(
      [1, 2, 3].map(i => target({}, `t${i}`)),
      {
        now: NOW,
        cap: 1,
        capReason: 'shortened'
      }
    )
    expect(text).toContain('#### t1')
    expect(text).not.toContain('#### t2')
    expect(text).toMatch(/\n\n_2 more targets not detailed \(shortened\)\._$/)
  })
})

describe('Age', () => {
  it.each([
    ['docker-hub', 'Docker Hub push time'],
    ['github-packages', 'GitHub Packages'],
    ['image-config', 'image config created'],
    ['first-seen', 'first seen by image-digest-updater']
  ] as const)('names the source %s as "%s"', (source, words) => {
    expect(ageText({ at: '2024-04-20T00:00:00Z', source }, NOW)).toBe(
      `2024-04-20, 11 days ago (${words})`
    )
  })

  it.each([
    ['2024-05-01T07:00:00Z', '2024-05-01, today'],
    ['2024-04-30T07:59:59Z', '2024-04-30, 1 day ago'],
    ['2024-05-02T00:00:00Z', '2024-05-02, dated in the future']
  ])('counts whole days: %s', (at, text) => {
    expect(ageText({ at, source: 'image-config' }, NOW)).toBe(`${text} (image config created)`)
  })

  it.each([
    [null, 'unknown'],
    [{ at: 'yesterday', source: 'image-config' as const }, 'unknown']
  ])('says unknown without a usable time (%j)', (created, text) => {
    expect(ageText(created, NOW)).toBe(text)
    expect(lineOf(block({ comparison: comparison({ created }) }), 'Age')).toBe(`- **Age**: ${text}`)
  })

  it('names a source it does not know as unknown rather than repeating it', () => {
    const created = { at: '2024-04-30T00:00:00Z', source: '<b>@x' } as never
    expect(ageText(created, NOW)).toBe('2024-04-30, 1 day ago (unknown source)')
  })
})

describe('Size', () => {
  it.each([
    [10 * MIB, 13 * MIB, '10.0 MiB → 13.0 MiB (+3,145,728 bytes, +30.0%)'],
    [2048, 1024, '2.0 KiB → 1.0 KiB (-1,024 bytes, -50.0%)'],
    [500, 500, '500 B → 500 B (0 bytes, 0.0%)'],
    [0, 10, '0 B → 10 B (+10 bytes)'],
    [1, 2, '1 B → 2 B (+1 byte, +100.0%)'],
    [undefined, 3 * MIB, '3.0 MiB (new)']
  ])('%s → %s reads "%s"', (previous, current, text) => {
    expect(sizeChangeText(previous, current)).toBe(text)
  })

  it('groups digits and scales units without the locale', () => {
    expect(groupDigits(1234567)).toBe('1,234,567')
    expect(groupDigits(-1000)).toBe('-1,000')
    expect(humanBytes(1023)).toBe('1,023 B')
    expect(humanBytes(5 * 1024 * MIB)).toBe('5.0 GiB')
  })

  it.each([
    [['size grew 30%'], ['linux/amd64', 'linux/arm64']],
    [['size of linux/arm64 grew 40% (more than 20%)'], ['linux/arm64']],
    [['signature changed'], []]
  ])('marks the platforms a size flag names (%j)', (flags, marked) => {
    const text = block({
      flags,
      comparison: comparison({
        size: { 'linux/amd64': 2, 'linux/arm64': 2 },
        previousSize: { 'linux/amd64': 1, 'linux/arm64': 1 }
      })
    })
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const line = text.split('\n').find(l => l.startsWith(`  - \`${platform}\``))!
      expect(line.endsWith('⚠️ flagged')).toBe(marked.includes(platform))
    }
  })

  it('leaves attestation entries out even when a producer lists them', () => {
    const text = block({
      comparison: comparison({
        size: { 'linux/amd64': 2, 'unknown/unknown': 1 },
        previousSize: { 'linux/amd64': 1, 'unknown/unknown': 1 }
      })
    })
    expect(text).not.toContain('unknown/unknown')
    expect(text).toContain('`linux/amd64`')
  })

  it('has no Size line without sizes', () => {
    expect(lineOf(block({ comparison: comparison({ size: {} }) }), 'Size')).toBeUndefined()
  })
})

describe('Platforms, Base image, Content', () => {
  it.each([
    [{ platformsAdded: ['linux/arm64'] }, '- **Platforms**: added `linux/arm64`'],
    [
      { platformsRemoved: ['linux/386', 'linux/s390x'] },
      '- **Platforms**: removed `linux/386`, `linux/s390x`'
    ],
    [{}, undefined]
  ])('%j', (c, line) => {
    expect(lineOf(block({ comparison: comparison(c) }), 'Platforms')).toBe(line)
  })

  it.each([
    [
      { name: 'debian', previous: BASE_OLD, current: BASE_NEW },
      '- **Base image**: `debian` moved from `sha256:111111111111` to `sha256:222222222222`'
    ],
    [
      { name: 'debian', previous: BASE_NEW, current: BASE_NEW },
      '- **Base image**: `debian` unchanged'
    ],
    [
      { name: 'debian', previous: null, current: BASE_NEW },
      '- **Base image**: `debian` at `sha256:222222222222` (the previous digest named no base)'
    ],
    [null, undefined]
  ])('base %j', (base, line) => {
    expect(lineOf(block({ comparison: comparison({ base }) }), 'Base image')).toBe(line)
  })

  it.each([
    [true, '- **Content**: rebuilt with identical layers'],
    [false, undefined]
  ])('identical layers %s', (identicalLayers, line) => {
    expect(lineOf(block({ comparison: comparison({ identicalLayers }) }), 'Content')).toBe(line)
  })

  it('shows only the unavailable line and flags without a comparison', () => {
    expect(
      block({
        comparison: undefined,
        unavailable: 'registry refused blob (403)',
        flags: ['details unavailable']
      })
    ).toBe(
      '#### app\n\n- details unavailable: registry refused blob \\(403\\)\n- **Flagged**: details unavailable'
    )
  })
})

describe('Commits', () => {
  it('lists the newest ten, newest last, with the total and the compare link', () => {
    const commits = Array.from({ length: 12 }, (_, i) => commit(i + 1))
    const text = block({ commits: { count: 40, url: COMPARE, commits } })
    const lines = text.split('\n')
    const at = lines.indexOf(`- **Commits**: [40 commits](${COMPARE})`)
    expect(at).toBeGreaterThan(0)
    expect(lines[at + 1]).toBe('  - _30 earlier commits not listed_')
    const listed = lines.slice(at + 2).filter(l => l.startsWith('  - ['))
    expect(listed).toHaveLength(10)
    expect(listed[0]).toContain('[change 3]')
    expect(listed[9]).toContain('[change 12]')
  })

  it('shows only the count and link when commits are dropped to fit', () => {
    const text = detailBlock(
      target({ commits: { count: 1, url: COMPARE, commits: [commit(1)] } }),
      {
        now: NOW,
        level: 'no-commits'
      }
    )
    expect(text).toContain(`- **Commits**: [1 commit](${COMPARE})`)
    expect(text).not.toContain('change 1')
  })

  it('drops sizes at the next level', () => {
    const text = detailBlock(target(), { now: NOW, level: 'no-sizes' })
    expect(lineOf(text, 'Size')).toBeUndefined()
    expect(lineOf(text, 'Age')).toBeDefined()
  })

  it.each([
    'javascript:alert(1)',
    'http://github.com/o/r/compare/1234567...7654321',
    'https://user:pw@github.com/o/r/commit/1234567',
    'https://github.com/o/r/commit/1234567?x=1',
    'https://github.com/o/r/commit/1234567#x',
    'https://github.com/o/r/commit/main',
    'https://github.com/o/r/pull/1',
    'https://github.com/o/../commit/1234567',
    'https://github.com/o/r/commit/1234567/../../x'
  ])('leaves %s unlinked', url => {
    expect(githubPageUrl(url, 'commit')).toBeUndefined()
    expect(githubPageUrl(url, 'compare')).toBeUndefined()
    const text = block({ commits: { count: 1, url, commits: [commit(1, { url })] } })
    expect(text).toContain('- **Commits**: 1 commit\n  - change 1 by dev1')
  })

  it('rebuilds a GHES page URL from its checked parts', () => {
    expect(githubPageUrl('https://ghe.example.com/O/R/commit/ABCDEF1', 'commit')?.href).toBe(
      'https://ghe.example.com/O/R/commit/abcdef1'
    )
  })

  it('says so for a commit without a message', () => {
    const text = block({
      commits: { count: 1, url: COMPARE, commits: [commit(1, { headline: ' ' })] }
    })
    expect(text).toContain(
      `  - [_no message_](https://github.com/o/r/commit/${commit(1).sha}) by dev1`
    )
  })

  it('shows an author login without @ and without a mention', () => {
    const text = block({
      commits: { count: 1, url: COMPARE, commits: [commit(1, { author: '@octocat' })] }
    })
    expect(text).toContain(' by octocat')
    expect(activeMarkdown(text, d => d.startsWith('https://github.com/o/r/'))).toEqual([])
  })
})

describe('untrusted values in Details', () => {
  const hostile = '| `x` <img src=x> @org/team #1 www.evil.example [a](https://evil.example)\n# h'

  it('renders every untrusted field as text', () => {
    const text = renderDetails(
      [
        {
          name: hostile,
          platform: hostile,
          review: review({
            comparison: comparison({
              created: { at: hostile, source: 'image-config' },
              size: { [hostile]: 2 },
              previousSize: { [hostile]: 1 },
              platformsAdded: [hostile],
              platformsRemoved: [hostile],
              base: { name: hostile, previous: hostile as Digest, current: BASE_NEW }
            }),
            commits: {
              count: 1,
              url: COMPARE,
              commits: [commit(1, { headline: hostile, author: hostile })]
            },
            unavailable: hostile,
            flags: [hostile]
          })
        }
      ],
      { now: NOW }
    )
    const own = (d: string) =>
      d === COMPARE || d === `https://github.com/o/r/commit/${commit(1).sha}`
    expect(activeMarkdown(text, own)).toEqual([])
    // No value starts a line of its own: each stays inside the line its label begins.
    for (const line of text.split('\n'))
      expect(line).toMatch(
        /^(|### Details|#### .*|- \*\*[A-Z][a-z ]+\*\*:.*| {2}- .*|- details unavailable: .*)$/
      )
  })
})

describe('any untrusted text in Details', () => {
  const text = fc.oneof(
    fc
      .array(
        fc.constantFrom(
          'www.',
          'evil',
          '.example',
          'https',
          '://',
          '@',
          '#',
          '1',
          '_',
          '*',
          '~',
          '(',
          ')',
          '[',
          ']',
          '!',
          '<',
          '>',
          '`',
          '\\',
          '&',
          ' ',
          '\n',
          '|',
          'a'
        ),
        { maxLength: 16 }
      )
      .map(p => p.join('')),
    fc.string({ maxLength: 24 })
  )

  it.each(SEEDS)('renders as text only (seed %d)', seed => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 8, maxLength: 8 }),
        ([name, platform, base, headline, author, url, reason, flag]) => {
          const rendered = renderDetails(
            [
              {
                name: name!,
                platform: platform!,
                review: review({
                  comparison: comparison({
                    size: { [platform!]: 2 },
                    previousSize: { [platform!]: 1 },
                    platformsAdded: [platform!],
                    base: { name: base!, previous: BASE_OLD, current: BASE_NEW }
                  }),
                  commits: {
                    count: 1,
                    url: url!,
                    commits: [commit(1, { headline: headline!, author: author!, url: url! })]
                  },
                  unavailable: reason!,
                  flags: [flag!]
                })
              }
            ],
            { now: NOW }
          )
          // Every line starts a block of its own (a heading or a list item), so no code span or
          // emphasis reaches across lines, and each line is checked alone.
          const lines = rendered.split('\n')
          return lines.every(
            line => /^(|#{3,4} .*|- .+| {2}- .+)$/.test(line) && activeMarkdown(line).length === 0
          )
        }
      ),
      { seed, numRuns: 300 }
    )
  })
})

describe('renderHeld', () => {
  const held = (overrides: Partial<HeldUpdate> = {}): HeldUpdate => ({
    name: 'app',
    image: 'ghcr.io/o/app',
    tag: '1',
    current: OLD,
    candidate: NEW,
    reason: 'cooldown of 3 days',
    until: '2024-05-03T10:00:00Z',
    kind: 'held',
    ...overrides
  })

  it.each([
    [
      {},
      '- app (`ghcr.io/o/app:1` → `sha256:bbbbbbbbbbbb`): held until 2024-05-03 10:00 UTC: cooldown of 3 days'
    ],
    [
      { kind: 'refused' as const, until: null, reason: 'not signed' },
      '- app (`ghcr.io/o/app:1` → `sha256:bbbbbbbbbbbb`): refused: not signed'
    ],
    [
      { kind: 'error' as const, until: null, reason: 'immutable tag moved' },
      '- app (`ghcr.io/o/app:1` → `sha256:bbbbbbbbbbbb`): needs a person: immutable tag moved'
    ],
    [
      { until: 'soon`' },
      '- app (`ghcr.io/o/app:1` → `sha256:bbbbbbbbbbbb`): held until `` soon` ``: cooldown of 3 days'
    ]
  ])('%j', (overrides, line) => {
    expect(heldLine(held(overrides))).toBe(line)
  })

  it('is a section of its own, capped with a note, and empty without held updates', () => {
    expect(renderHeld([])).toBe('')
    expect(renderHeld([held()])).toBe(
      `### Held back\n\nThis update was not proposed and keeps its current digest:\n\n${heldLine(held())}`
    )
    const text = renderHeld([held(), held({ name: 'b' }), held({ name: 'c' })], 1, 'shortened')
    expect(text).toContain('These 3 updates were not proposed')
    expect(text).toMatch(/\n- _…and 2 more \(shortened\)\._$/)
  })

  it('escapes names and reasons', () => {
    const hostile = '@org <b> #1 www.evil.example\n- x'
    const text = renderHeld([held({ name: hostile, reason: hostile, image: hostile })])
    expect(activeMarkdown(text)).toEqual([])
    expect(text.split('\n')).toHaveLength(5)
  })
})

describe('workflowRunUrl', () => {
  it.each([
    ['https://github.com', 'o/r', '42', 'https://github.com/o/r/actions/runs/42'],
    [
      'https://ghe.example.com/',
      'org/repo.js',
      '7',
      'https://ghe.example.com/org/repo.js/actions/runs/7'
    ],
    ['https://ghe.example.com:8443', 'o/r', '1', 'https://ghe.example.com:8443/o/r/actions/runs/1']
  ])('%s %s %s → %s', (server, repository, run, url) => {
    expect(workflowRunUrl(server, repository, run)?.href).toBe(url)
  })

  it.each([
    [undefined, 'o/r', '1'],
    ['https://github.com', undefined, '1'],
    ['https://github.com', 'o/r', undefined],
    ['javascript:alert(1)', 'o/r', '1'],
    ['http://github.com', 'o/r', '1'],
    ['https://x:y@github.com', 'o/r', '1'],
    ['https://evil.example/github.com', 'o/r', '1'],
    ['https://github.com?x=1', 'o/r', '1'],
    ['https://github.com#x', 'o/r', '1'],
    ['https://github.com', 'o/r/../../evil', '1'],
    ['https://github.com', '../evil', '1'],
    ['https://github.com', 'o/..', '1'],
    ['https://github.com', 'o/r?x', '1'],
    ['https://github.com', 'o/r', '1/../../x'],
    ['https://github.com', 'o/r', '0'],
    ['https://github.com', 'o/r', 'abc']
  ])('refuses %s %s %s', (server, repository, run) => {
    expect(workflowRunUrl(server, repository, run)).toBeUndefined()
  })

  it('makes the footer line, or nothing', () => {
    expect(runLine(workflowRunUrl('https://github.com', 'o/r', '42'))).toBe(
      '_Made by [this workflow run](https://github.com/o/r/actions/runs/42)._'
    )
    expect(runLine(undefined)).toBe('')
  })
})

describe('Signature and Provenance', () => {
  const KEYLESS = { identity: 'https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1' }
  const ISSUER = 'https://token.actions.githubusercontent.com'
  it.each<[string, Partial<MoveReview>, string | undefined, string | undefined]>([
    [
      'a keyless signer who also signed the old digest',
      { signature: { verified: true, ...KEYLESS, issuer: ISSUER, same_as_previous: true } },
      `- **Signature**: signed by \`${KEYLESS.identity}\` (issuer \`${ISSUER}\`); same signer as the previous digest`,
      undefined
    ],
    [
      'a key whose signature the old digest lacks',
      { signature: { verified: true, key: 'trusted.pub', same_as_previous: false } },
      '- **Signature**: signed with key `trusted.pub`; signer changed or previous digest unsigned',
      undefined
    ],
    [
      'a key after an unsigned old digest',
      {
        signature: {
          verified: true,
          key: 'trusted.pub',
          same_as_previous: false,
          previous: { verified: false }
        }
      },
      '- **Signature**: signed with key `trusted.pub`; the previous digest was not signed',
      undefined
    ],
    [
      'a signer other than the old digest had',
      {
        signature: {
          verified: true,
          ...KEYLESS,
          issuer: ISSUER,
          same_as_previous: false,
          previous: { verified: true, identity: 'https://ci.example/old', issuer: ISSUER }
        }
      },
      `- **Signature**: signed by \`${KEYLESS.identity}\` (issuer \`${ISSUER}\`); signer changed: the previous digest was signed by \`https://ci.example/old\` (issuer \`${ISSUER}\`)`,
      undefined
    ],
    [
      'an unsigned digest after a key-signed one',
      {
        signature: {
          verified: false,
          same_as_previous: false,
          previous: { verified: true, key: 'trusted.pub' }
        }
      },
      '- **Signature**: not signed; the previous digest was signed with key `trusted.pub`',
      undefined
    ],
    [
      'a newly pinned digest',
      { signature: { verified: true, key: 'trusted.pub', same_as_previous: null } },
      '- **Signature**: signed with key `trusted.pub`; no previous digest to compare',
      undefined
    ],
    [
      'an unsigned digest, and provenance from the workflow',
      {
        signature: { verified: false, same_as_previous: false },
        provenance: { verified: true, repository: 'o/r', workflow: '.github/workflows/r.yml' }
      },
      '- **Signature**: not signed',
      '- **Provenance**: built from `o/r` by `.github/workflows/r.yml`'
    ],
    [
      'provenance that did not verify',
      { provenance: { verified: false, repository: 'other/r' } },
      undefined,
      '- **Provenance**: not verified'
    ],
    ['no check at all', {}, undefined, undefined]
  ])('%s', (_, overrides, signature, provenance) => {
    const text = block(overrides)
    expect(lineOf(text, 'Signature')).toBe(signature)
    expect(lineOf(text, 'Provenance')).toBe(provenance)
  })

  it.each(['[x](https://evil.example)', '@admin', '<img src=x>', '::error::owned', 'a`b'])(
    'keeps a hostile identity %j as text',
    identity => {
      const text = block({
        signature: {
          verified: true,
          identity,
          issuer: identity,
          same_as_previous: false,
          previous: { verified: true, identity, issuer: identity }
        },
        provenance: { verified: true, repository: identity, workflow: identity }
      })
      expect(activeMarkdown(text)).toEqual([])
      expect(text.split('\n').some(l => /^\s*::/.test(l))).toBe(false)
      expect(lineOf(text, 'Signature')).toContain('signed by `')
    }
  )
})
