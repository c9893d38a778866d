import { afterEach, describe, expect, it, jest } from '@jest/globals'
import {
  codeSpan,
  escapeMarkdown,
  linkDestination,
  safeUrl
} from '../../src/domain/text/markdown.js'
import {
  BODY_LIMIT,
  DEFAULT_BODY_TEMPLATE,
  renderPullRequestBody,
  type BodyUpdate,
  type PullRequestBodyData
} from '../../src/domain/pull-request/body.js'

const IMAGE = 'ghcr.io/rust-cross/rust-musl-cross'
const SOURCE = 'https://github.com/rust-cross/rust-musl-cross'
const OLD_REV = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d'
const NEW_REV = 'fedcba9876543210fedcba9876543210fedcba98'
const DATE = new Date('2024-05-01T08:00:00Z')

function update(overrides: Partial<BodyUpdate> = {}): BodyUpdate {
  return {
    name: 'x86_64-unknown-linux-musl',
    image: IMAGE,
    tag: 'x86_64-unknown-linux-musl',
    platform: null,
    previous: '8da7503d1199ddea00be75ef56d971da79f023fa4b7a8366be3df24fd31c2279',
    current: 'c'.repeat(64),
    ...overrides
  }
}

function data(overrides: Partial<PullRequestBodyData> = {}): PullRequestBodyData {
  return { updates: [update()], failures: [], date: DATE, ...overrides }
}

/** The rows of the first table, split into cells the way GFM does: on unescaped pipes. */
function tableRows(body: string): string[][] {
  return body
    .split('\n')
    .filter(line => line.startsWith('|'))
    .map(line =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(cell => cell.trim())
    )
}

function section(body: string, heading: string): string | undefined {
  const start = body.indexOf(`### ${heading}\n`)
  if (start < 0) return undefined
  const end = body.indexOf('\n### ', start + 1)
  return body.slice(start, end < 0 ? undefined : end)
}

describe('renderPullRequestBody with the default template', () => {
  it('renders the rust-musl-cross example exactly', () => {
    const body = renderPullRequestBody({
      updates: [
        update({
          name: 'i686-unknown-linux-musl',
          tag: 'i686-unknown-linux-musl',
          previous: '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a',
          current: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
          upstream: { source: SOURCE, previousRevision: OLD_REV, currentRevision: NEW_REV }
        }),
        update({
          name: 'aarch64-unknown-linux-musl',
          tag: 'aarch64-unknown-linux-musl',
          previous: '8098ec3ebd8268a8ae37ef3a5bc35def863dda30a7f6817b65ce70ecad4bb413',
          current: '9988776655443322110099887766554433221100998877665544332211009988',
          upstream: { source: SOURCE, previousRevision: OLD_REV, currentRevision: NEW_REV }
        })
      ],
      failures: [],
      date: DATE
    })
    expect(body).toBe(`## Container Hash Updates

This PR updates the container SHA hashes for \`ghcr.io/rust-cross/rust-musl-cross\` images.

### Changes Detected

| Target | Previous Hash | New Hash |
| ------ | ------------- | -------- |
| i686-unknown-linux-musl | \`5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a\` | \`0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0\` |
| aarch64-unknown-linux-musl | \`8098ec3ebd8268a8ae37ef3a5bc35def863dda30a7f6817b65ce70ecad4bb413\` | \`9988776655443322110099887766554433221100998877665544332211009988\` |

### Upstream Changes

- [View commits since last update](https://github.com/rust-cross/rust-musl-cross/compare/${OLD_REV}...${NEW_REV})
- [rust-cross/rust-musl-cross repository](https://github.com/rust-cross/rust-musl-cross)

### Verification

- [ ] All builds pass with new hashes
- [ ] No breaking changes detected
- [ ] Security scan results reviewed

_This PR was automatically generated on 2024-05-01_
`)
  })

  it('is what an empty or missing template gives', () => {
    const d = data({ published: 'ghcr.io/x/y:1.2' })
    const body = renderPullRequestBody(d)
    expect(renderPullRequestBody(d, DEFAULT_BODY_TEMPLATE)).toBe(body)
    expect(renderPullRequestBody(d, '  \n')).toBe(body)
    expect(body).toContain('\n\nTriggered by the publication of `ghcr.io/x/y:1.2`.\n\n')
  })

  it('keeps the sha256: form as stored, shows the platform and a newly pinned entry', () => {
    const body = renderPullRequestBody(
      data({
        updates: [
          update({
            name: 'aarch64',
            platform: 'linux/arm64',
            previous: `sha256:${'a'.repeat(64)}`,
            current: `sha256:${'b'.repeat(64)}`
          }),
          update({ name: 'new', previous: null, current: `sha256:${'d'.repeat(64)}` })
        ]
      })
    )
    expect(tableRows(body).slice(2)).toEqual([
      ['aarch64 (linux/arm64)', `\`sha256:${'a'.repeat(64)}\``, `\`sha256:${'b'.repeat(64)}\``],
      ['new', '(none)', `\`sha256:${'d'.repeat(64)}\``]
    ])
  })

  it('lists distinct images in backticks', () => {
    const images = (names: string[]): string =>
      renderPullRequestBody(data({ updates: names.map(image => update({ image })) }))
        .split('\n')
        .find(l => l.startsWith('This PR'))!
    expect(images(['a/x', 'a/x'])).toBe(
      'This PR updates the container SHA hashes for `a/x` images.'
    )
    expect(images(['a/x', 'b/y', 'a/x'])).toContain('for `a/x` and `b/y` images.')
    expect(images(['a/x', 'b/y', 'c/z'])).toContain('for `a/x`, `b/y` and `c/z` images.')
  })

  it('leaves no run of blank lines where sections are empty', () => {
    const body = renderPullRequestBody(data())
    expect(body).not.toMatch(/\n\n\n/)
    expect(body).not.toContain('### Upstream Changes')
    expect(body).not.toContain('### Not updated')
    expect(body).toMatch(/^## Container Hash Updates\n/)
    expect(body).toMatch(/_This PR was automatically generated on 2024-05-01_\n$/)
  })
})

describe('custom templates', () => {
  const d = data({
    updates: [
      update({
        name: 'one',
        platform: 'linux/arm64',
        files: ['.github/workflows/build.yml'],
        upstream: { source: SOURCE, previousRevision: OLD_REV, currentRevision: NEW_REV }
      }),
      update({ name: 'two', image: 'docker.io/library/alpine', previous: null })
    ],
    failures: [{ name: 'three', image: 'quay.io/x/y', tag: '1', error: 'manifest unknown' }],
    published: 'quay.io/x/y:1'
  })

  it('expands every placeholder', () => {
    const template =
      'images={image}\ncount={count}\ndate={date}\n{trigger}\n\n{table}\n\n{updates}\n\n{files}\n\n{failures}\n\n{upstream}\n'
    const body = renderPullRequestBody(d, template)
    const c = 'c'.repeat(64)
    const old = update().previous!
    expect(body).toBe(`images=\`${IMAGE}\` and \`docker.io/library/alpine\`
count=2
date=2024-05-01
Triggered by the publication of \`quay.io/x/y:1\`.

| Target | Previous Hash | New Hash |
| ------ | ------------- | -------- |
| one (linux/arm64) | \`${old}\` | \`${c}\` |
| two | (none) | \`${c}\` |

- one (linux/arm64): \`${old}\` → \`${c}\` (also \`.github/workflows/build.yml\`)
- two: (none) → \`${c}\`

Also updated: \`.github/workflows/build.yml\`.

### Not updated

This entry could not be resolved and keeps its previous digest:

- three (\`quay.io/x/y:1\`): manifest unknown

### Upstream Changes

- [View commits since last update](${SOURCE}/compare/${OLD_REV}...${NEW_REV})
- [rust-cross/rust-musl-cross repository](${SOURCE})
`)
  })

  it('leaves unknown placeholders and never expands placeholders inside values', () => {
    const body = renderPullRequestBody(
      data({ updates: [update({ name: '{date}' })] }),
      '{unknown} {Date} {count}\n{updates}'
    )
    expect(body).toBe(
      `{unknown} {Date} 1\n- \\{date\\}: \`${update().previous}\` → \`${'c'.repeat(64)}\`\n`
    )
  })

  it('normalises CRLF templates and collapses blank lines outside code fences only', () => {
    const body = renderPullRequestBody(
      data(),
      'a\r\n\r\n{trigger}\r\n\r\n\r\nb\r\n```\r\n\r\n\r\nkept\r\n```\r\n'
    )
    expect(body).toBe('a\n\nb\n```\n\n\nkept\n```\n')
  })

  it('renders empty sections as nothing', () => {
    expect(renderPullRequestBody(data(), '[{failures}][{upstream}][{files}][{trigger}]')).toBe(
      '[][][][]\n'
    )
  })
})

describe('upstream links', () => {
  const upstreamOf = (updates: BodyUpdate[]): string | undefined =>
    section(renderPullRequestBody(data({ updates })), 'Upstream Changes')

  it('links the commits between two revisions of a GitHub repository', () => {
    const s = upstreamOf([
      update({
        upstream: {
          source: 'https://github.com/Rust-Cross/rust-musl-cross.git/',
          previousRevision: 'ABCDEF1',
          currentRevision: '1234567'
        }
      })
    ])
    expect(s).toBe(
      '### Upstream Changes\n\n' +
        '- [View commits since last update](https://github.com/Rust-Cross/rust-musl-cross/compare/abcdef1...1234567)\n' +
        '- [Rust-Cross/rust-musl-cross repository](https://github.com/Rust-Cross/rust-musl-cross)\n'
    )
  })

  it.each([
    ['no previous revision', { currentRevision: NEW_REV }],
    ['no current revision', { previousRevision: OLD_REV }],
    ['the same revision', { previousRevision: OLD_REV, currentRevision: OLD_REV }],
    [
      'an abbreviation of the same revision',
      { previousRevision: OLD_REV.slice(0, 7), currentRevision: OLD_REV }
    ],
    ['a branch name', { previousRevision: 'main', currentRevision: NEW_REV }],
    ['a too short id', { previousRevision: 'abc123', currentRevision: NEW_REV }],
    ['a path', { previousRevision: OLD_REV, currentRevision: '../../evil/x' }]
  ])('gives only the repository link for %s', (_, revisions) => {
    const s = upstreamOf([update({ upstream: { source: SOURCE, ...revisions } })])
    expect(s).toBe(`### Upstream Changes\n\n- [rust-cross/rust-musl-cross repository](${SOURCE})\n`)
  })

  it('gives a non-GitHub source only a repository link, even with revisions', () => {
    const s = upstreamOf([
      update({
        upstream: {
          source: 'https://gitlab.com/group/project.git',
          previousRevision: OLD_REV,
          currentRevision: NEW_REV
        }
      })
    ])
    expect(s).toBe(
      '### Upstream Changes\n\n- [gitlab.com/group/project repository](https://gitlab.com/group/project.git)\n'
    )
  })

  it('treats a deeper GitHub path as a plain link without compare view', () => {
    const s = upstreamOf([
      update({
        upstream: {
          source: 'https://github.com/o/r/tree/main',
          previousRevision: OLD_REV,
          currentRevision: NEW_REV
        }
      })
    ])
    expect(s).toBe(
      '### Upstream Changes\n\n- [github.com/o/r/tree/main repository](https://github.com/o/r/tree/main)\n'
    )
  })

  it.each([
    ['no update has a source', [update(), update({ upstream: {} })]],
    [
      'no source is an http(s) URL',
      [
        update({ upstream: { source: 'javascript:alert(1)//github.com/a/b' } }),
        update({ upstream: { source: 'git@github.com:a/b.git' } }),
        update({ upstream: { source: 'https://user:token@github.com/a/b' } })
      ]
    ]
  ])('omits the section when %s', (_, updates) => {
    const body = renderPullRequestBody(data({ updates }))
    expect(body).not.toContain('Upstream')
    expect(body).not.toContain('javascript')
    expect(body).not.toContain('token')
    expect(body).toContain('### Changes Detected\n\n| Target')
  })

  it('lists each source once and names repository and range when there are several', () => {
    const s = upstreamOf([
      update({ upstream: { source: SOURCE, previousRevision: OLD_REV, currentRevision: NEW_REV } }),
      update({
        upstream: {
          source: `${SOURCE}/`,
          previousRevision: OLD_REV.toUpperCase(),
          currentRevision: NEW_REV
        }
      }),
      update({
        upstream: { source: SOURCE, previousRevision: '0000000', currentRevision: NEW_REV }
      }),
      update({ upstream: { source: 'https://github.com/o/r' } })
    ])
    expect(s).toBe(
      '### Upstream Changes\n\n' +
        `- [View commits since last update (rust-cross/rust-musl-cross 1a2b3c4...fedcba9)](${SOURCE}/compare/${OLD_REV}...${NEW_REV})\n` +
        `- [View commits since last update (rust-cross/rust-musl-cross 0000000...fedcba9)](${SOURCE}/compare/0000000...${NEW_REV})\n` +
        `- [rust-cross/rust-musl-cross repository](${SOURCE})\n` +
        '- [o/r repository](https://github.com/o/r)\n'
    )
  })
})

describe('untrusted values', () => {
  const hostile =
    '| a `b` ``c`` <script>alert(1)</script> @org/team #1 GH-2 www.evil.com https://evil.com'

  it('cannot break the table, open code, render HTML, mention or reference', () => {
    const body = renderPullRequestBody(
      data({
        updates: [update({ name: hostile, platform: 'linux/arm64|x', current: 'a`|b' })]
      })
    )
    const rows = tableRows(body)
    expect(rows.map(r => r.length)).toEqual([3, 3, 3])
    const [target, , current] = rows[2]!
    expect(target).not.toMatch(/<|(?<!\\)`|@[a-z]|#\d|GH-\d|www\.|:\/\//i)
    expect(target).toContain('&lt;script\\>')
    expect(target).toContain('@\u200borg/team')
    expect(target).toContain('#\u200b1')
    // The digest keeps its characters inside a fence the backtick cannot close.
    expect(current).toBe('``a`\\|b``')
    expect(body).not.toContain('<script')
  })

  it('escapes the failure list and the trigger', () => {
    const body = renderPullRequestBody(
      data({
        failures: [{ name: hostile, image: 'x/y', tag: 't`', error: `${hostile}\n# heading` }],
        published: '@everyone <b>`'
      })
    )
    const failures = section(body, 'Not updated')!
    expect(failures).not.toMatch(/<|@[a-z]|#\d|\n#/i)
    expect(failures).toContain('(`` x/y:t` ``)')
    // Inside a code span nothing renders or mentions; the fence outgrows the backtick.
    expect(body).toContain('Triggered by the publication of `` @everyone <b>` ``.')
  })

  it('percent-encodes parentheses and spaces in a source URL and escapes its text', () => {
    const body = renderPullRequestBody(
      data({ updates: [update({ upstream: { source: 'https://example.com/a)b(c d/_x_' } })] })
    )
    expect(section(body, 'Upstream Changes')).toBe(
      '### Upstream Changes\n\n- [example.com/a)b(c%20d/\\_x\\_ repository](https://example.com/a%29b%28c%20d/_x_)\n'.replace(
        'a)b(',
        'a\\)b\\('
      )
    )
  })
})

describe('failures', () => {
  it('lists every failure with its error in a section of its own', () => {
    const body = renderPullRequestBody(
      data({
        failures: [
          { name: 'armv7', image: IMAGE, tag: 'armv7-unknown-linux-musleabi', error: 'timeout' },
          { name: 'digest-only', image: 'docker.io/library/alpine', tag: '', error: 'denied' }
        ]
      })
    )
    expect(section(body, 'Not updated')).toBe(`### Not updated

These 2 entries could not be resolved and keep their previous digest:

- armv7 (\`${IMAGE}:armv7-unknown-linux-musleabi\`): timeout
- digest-only (\`docker.io/library/alpine\`): denied
`)
    expect(body.indexOf('### Not updated')).toBeLessThan(body.indexOf('### Verification'))
  })
})

describe('the body limit', () => {
  const many = (n: number, nameLength: number): BodyUpdate[] =>
    Array.from({ length: n }, (_, i) =>
      update({
        name: `target-${i}-${'x'.repeat(nameLength)}`,
        previous: i.toString(16).padStart(64, '0'),
        current: (i + 1).toString(16).padStart(64, '0'),
        upstream: { source: SOURCE, previousRevision: OLD_REV, currentRevision: NEW_REV }
      })
    )

  it('drops table rows from the end and says how many', () => {
    const body = renderPullRequestBody(data({ updates: many(1200, 200) }))
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body.length).toBeGreaterThan(BODY_LIMIT - 1000)
    const rows = tableRows(body).slice(2)
    expect(rows.length).toBeGreaterThan(100)
    rows.forEach((row, i) => {
      expect(row).toHaveLength(3)
      expect(row[0]).toBe(`target-${i}-${'x'.repeat(200)}`)
    })
    expect(body).toContain(
      `\n\n_…and ${1200 - rows.length} more updates (body shortened to fit GitHub's limit); see the job summary._\n`
    )
    // The rest of the template survives.
    expect(body).toContain('### Upstream Changes\n\n- [View commits since last update]')
    expect(body).toMatch(/_This PR was automatically generated on 2024-05-01_\n$/)
  })

  it('keeps the auto-merge line, appended or placed, when the body must shrink', () => {
    const line = '**Auto-merge is off**: a: big.'
    const appended = renderPullRequestBody(data({ updates: many(1200, 200), autoMerge: line }))
    expect(appended.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(appended).toMatch(/more updates \(body shortened/)
    expect(
      appended.endsWith(`_This PR was automatically generated on 2024-05-01_\n\n${line}\n`)
    ).toBe(true)
    const placed = renderPullRequestBody(
      data({ updates: many(1200, 200), autoMerge: line }),
      '{auto_merge}\n\n{table}'
    )
    expect(placed.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(placed.startsWith(`${line}\n\n| Target |`)).toBe(true)
  })

  it('shortens the other lists too when they alone would not fit', () => {
    const failures = Array.from({ length: 3000 }, (_, i) => ({
      name: `f${i}`,
      image: IMAGE,
      tag: 't',
      error: 'e'.repeat(100)
    }))
    const updates = many(500, 50).map((u, i) => ({
      ...u,
      upstream: { source: `https://github.com/o/r${i}` }
    }))
    const body = renderPullRequestBody(data({ updates, failures }))
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(tableRows(body).length).toBeGreaterThan(50)
    expect(body).toMatch(/more updates \(body shortened/)
    expect(body).toMatch(
      /\n- _…and \d+ more \(body shortened to fit GitHub's limit\); see the job summary\._\n/
    )
    expect(body).toMatch(/\n- _…and \d+ more links \(body shortened to fit GitHub's limit\)\._\n/)
    expect(body).toContain('These 3000 entries could not be resolved')
  })

  it('cuts a huge custom template at a line and closes an open code fence', () => {
    const template = `{table}\n\n\`\`\`\n${'line of text\n'.repeat(10000)}\`\`\`\n`
    const body = renderPullRequestBody(data(), template)
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    expect(body).toMatch(
      /line of text\n```\n\n_…body shortened to fit GitHub's limit; see the job summary\._\n$/
    )
  })

  it('leaves a body that fits alone', () => {
    const body = renderPullRequestBody(data({ updates: many(100, 10) }))
    expect(tableRows(body)).toHaveLength(102)
    expect(body).not.toContain('shortened')
  })
})

describe('the date', () => {
  // Jest sandboxes process.env, so TZ cannot be moved here; instead the local-time getters
  // act as if the machine were in another zone, which a UTC machine or CI would not notice.
  const inZone = (hours: number): void => {
    const shifted = (d: Date): Date => new Date(d.getTime() + hours * 3_600_000)
    jest.spyOn(Date.prototype, 'getFullYear').mockImplementation(function (this: Date) {
      return shifted(this).getUTCFullYear()
    })
    jest.spyOn(Date.prototype, 'getMonth').mockImplementation(function (this: Date) {
      return shifted(this).getUTCMonth()
    })
    jest.spyOn(Date.prototype, 'getDate').mockImplementation(function (this: Date) {
      return shifted(this).getUTCDate()
    })
  }
  afterEach(() => {
    jest.restoreAllMocks()
  })

  describe.each([-10, 0, 14])('on a machine at UTC%+d', hours => {
    it.each([
      ['2024-05-01T23:30:00-02:00', '2024-05-02'],
      ['2024-05-02T00:30:00+02:00', '2024-05-01'],
      ['2024-12-31T23:59:59.999Z', '2024-12-31'],
      ['0999-01-09T00:00:00Z', '0999-01-09']
    ])('formats %s as %s', (iso, expected) => {
      inZone(hours)
      expect(renderPullRequestBody(data({ date: new Date(iso) }), '{date}')).toBe(`${expected}\n`)
    })
  })

  it('does not throw on an invalid date', () => {
    expect(renderPullRequestBody(data({ date: new Date('nope') }), '{date}')).toBe(
      'an unknown date\n'
    )
  })
})

describe('markdown helpers', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    [' both ', '`  both  `'],
    ['', '` `'],
    ['line\nbreak', '`line break`']
  ])('codeSpan(%j) is %s', (value, expected) => {
    expect(codeSpan(value)).toBe(expected)
  })

  it('escapes pipes in table code spans only', () => {
    expect(codeSpan('a|b')).toBe('`a|b`')
    expect(codeSpan('a|b', { inTable: true })).toBe('`a\\|b`')
  })

  it('escapes block starts, math, controls and bidi overrides', () => {
    expect(escapeMarkdown('- x')).toBe('\\- x')
    expect(escapeMarkdown('1. x')).toBe('1\\. x')
    expect(escapeMarkdown('$x$')).toBe('\\$x\\$')
    expect(escapeMarkdown('a\u0000b\u202ec')).toBe('a\ufffdb\ufffdc')
    expect(escapeMarkdown('  a & b  ')).toBe('a &amp; b')
  })

  it('accepts only http(s) URLs without credentials', () => {
    expect(safeUrl('https://example.com/x')?.href).toBe('https://example.com/x')
    expect(safeUrl('http://example.com')?.href).toBe('http://example.com/')
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'https://u:p@x.com'])
      expect(safeUrl(bad)).toBeUndefined()
  })

  it('writes & in a destination so it decodes back to itself', () => {
    expect(linkDestination(new URL('https://e.com/a b?x=1&amp;y=(2)'))).toBe(
      'https://e.com/a%20b?x=1&amp;amp;y=%282%29'
    )
  })
})
