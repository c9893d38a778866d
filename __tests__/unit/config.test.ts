import { describe, expect, it } from '@jest/globals'
import { ConfigError, parseConfig, rewriteDigests } from '../../src/domain/config.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const RUST_CROSS = `# Container configurations for rust-musl-cross builds
containers:
  - target: i686-unknown-linux-musl
    arch: i686
    image_tag: i686-unknown-linux-musl
    current_sha: 5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a
  - target: x86_64-unknown-linux-musl
    arch: x86_64
    image_tag: x86_64-unknown-linux-musl
    current_sha: 8da7503d1199ddea00be75ef56d971da79f023fa4b7a8366be3df24fd31c2279
`

function errorOf(source: string, options = {}): ConfigError {
  try {
    parseConfig('cfg.yml', source, options)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('parseConfig', () => {
  it('reads the rust-musl-cross file with the repository from the input', () => {
    const config = parseConfig('cfg.yml', RUST_CROSS, {
      defaultImage: 'ghcr.io/rust-cross/rust-musl-cross'
    })
    expect(
      config.entries.map(e => [
        e.name,
        e.reference.registry,
        e.reference.repository,
        e.reference.tag,
        e.digest,
        e.digestForm,
        e.line
      ])
    ).toEqual([
      [
        'i686-unknown-linux-musl',
        'ghcr.io',
        'rust-cross/rust-musl-cross',
        'i686-unknown-linux-musl',
        'sha256:5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a',
        'bare',
        3
      ],
      [
        'x86_64-unknown-linux-musl',
        'ghcr.io',
        'rust-cross/rust-musl-cross',
        'x86_64-unknown-linux-musl',
        'sha256:8da7503d1199ddea00be75ef56d971da79f023fa4b7a8366be3df24fd31c2279',
        'bare',
        7
      ]
    ])
    expect(config.entries[0]?.fields).toEqual({
      target: 'i686-unknown-linux-musl',
      arch: 'i686',
      image_tag: 'i686-unknown-linux-musl',
      current_sha: '5539b836c671353becda5c18f7675138a8724c5a4d3ecf5c26ba74e40239f89a'
    })
  })

  it('prefers the file image over the input, and the entry image over both', () => {
    const config = parseConfig(
      'cfg.yml',
      'image: quay.io/org/base\ncontainers:\n  - tag: "1"\n  - image: nginx\n    tag: "2"\n    platform: linux/arm/v7\n',
      { defaultImage: 'ghcr.io/x/y' }
    )
    expect(
      config.entries.map(
        e => `${e.reference.registry}/${e.reference.repository}:${e.reference.tag}`
      )
    ).toEqual(['quay.io/org/base:1', 'docker.io/library/nginx:2'])
    expect(config.entries[1]?.platform).toMatchObject({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7'
    })
  })

  it.each([
    ['invalid YAML', 'containers:\n  - tag: [1, 2\n', /^cfg\.yml:\d+:\d+: invalid YAML/],
    ['missing containers', 'image: nginx\n', /^cfg\.yml:1:1: containers: expected a list/],
    [
      'containers not a list',
      'containers:\n  tag: x\n',
      /^cfg\.yml:2:3: containers: expected a list/
    ],
    [
      'unknown top-level key',
      'containers: []\nimages: []\n',
      /^cfg\.yml:2:1: images: unknown top-level key/
    ],
    [
      'entry without a tag',
      'containers:\n  - image: nginx\n',
      /^cfg\.yml:2:5: containers\[0\]\.tag: missing tag/
    ],
    [
      'malformed digest',
      `containers:\n  - image: nginx\n    tag: "1"\n    digest: sha256:${'A'.repeat(64)}\n`,
      /^cfg\.yml:4:13: containers\[0\]\.digest: malformed digest/
    ],
    [
      'short digest',
      'containers:\n  - image: nginx\n    tag: "1"\n    current_sha: abc\n',
      /^cfg\.yml:4:18: containers\[0\]\.current_sha: malformed digest "abc"/
    ],
    [
      'no repository',
      'containers:\n  - tag: "1"\n',
      /^cfg\.yml:2:5: containers\[0\]\.image: no repository/
    ],
    [
      'bad image',
      'containers:\n  - image: Bad/Name\n    tag: x\n',
      /^cfg\.yml:2:12: containers\[0\]\.image: .*invalid repository/
    ],
    [
      'tag twice',
      'containers:\n  - image: nginx\n    tag: a\n    image_tag: b\n',
      /^cfg\.yml:4:5: containers\[0\]\.image_tag: set only one of `tag` and `image_tag`/
    ],
    [
      'duplicate key',
      'containers:\n  - image: nginx\n    tag: a\n    tag: b\n',
      /^cfg\.yml:4:5: containers\[0\]\.tag: appears twice \(also on line 3\)/
    ],
    [
      'duplicate entry',
      'containers:\n  - image: nginx\n    tag: a\n  - image: nginx\n    tag: a\n',
      /^cfg\.yml:4:5: containers\[1\]: duplicate of containers\[0\]/
    ],
    [
      'bad platform',
      'containers:\n  - image: nginx\n    tag: a\n    platform: arm64\n',
      /^cfg\.yml:4:15: containers\[0\]\.platform: invalid platform/
    ],
    [
      'block scalar digest',
      `containers:\n  - image: nginx\n    tag: a\n    digest: |\n      ${A}\n`,
      /containers\[0\]\.digest: (malformed digest|write the digest)/
    ],
    [
      'alias entry',
      'x: &e\n  image: nginx\ncontainers:\n  - *e\n',
      /unknown top-level key|aliases are not supported/
    ]
  ])('%s gets a positioned error', (_label, source, message) => {
    expect(errorOf(source).message).toMatch(message)
  })

  it('rejects non-UTF-8 bytes', () => {
    expect(() => parseConfig('cfg.yml', Buffer.from([0x63, 0x3a, 0xff, 0xfe, 0x0a]))).toThrow(
      /^cfg\.yml:1:3: is not valid UTF-8 \(byte 0xFF here\)/
    )
    expect(() => parseConfig('cfg.yml', Buffer.from('\ufeffcontainers: []\n', 'utf16le'))).toThrow(
      /^cfg\.yml:1:1: is UTF-16 text; save it as UTF-8$/
    )
  })

  it('fills an empty digest followed by a comment without touching the comment', () => {
    const source = 'containers:\n  - image: nginx\n    tag: a\n    digest: # pinned by CI\n'
    const rewritten = rewriteDigests(parseConfig('cfg.yml', source), new Map([[0, `sha256:${A}`]]))
    expect(rewritten).toBe(source.replace('digest: #', `digest: sha256:${A} #`))
    expect(parseConfig('cfg.yml', rewritten).entries[0]?.digest).toBe(`sha256:${A}`)
  })

  it('keeps the byte order mark of a file read as bytes', () => {
    const bytes = Buffer.from(
      `\uFEFFcontainers:\n  - image: nginx\n    tag: a\n    digest: sha256:${A}\n`
    )
    const config = parseConfig('cfg.yml', bytes)
    expect(config.hasBom).toBe(true)
    expect(rewriteDigests(config, new Map([[0, `sha256:${B}`]]))).toBe(
      bytes.toString('utf8').replace(A, B)
    )
  })

  it('refuses a file over 1 MiB before parsing it', () => {
    const huge = `containers: []\n${'#'.repeat(1024 * 1024)}\n`
    expect(() => parseConfig('cfg.yml', huge)).toThrow(
      /^cfg\.yml: is 1048592 bytes; a config may be at most 1048576 bytes \(1 MiB\)$/
    )
  })

  it.each([
    [
      'an alias deep in a free field',
      'containers:\n  - image: nginx\n    tag: a\n    extra: {x: &a [1], y: [*a]}\n',
      /^cfg\.yml:4:28: containers\[0\]\.extra: aliases are not supported/
    ],
    [
      'a control character',
      'containers:\n  - image: nginx\u0007\n    tag: a\n',
      /^cfg\.yml:2:17: contains the control character U\+0007/
    ],
    ['an empty file', '', /^cfg\.yml:1:1: is empty/],
    [
      'two documents',
      'containers: []\n---\ncontainers: []\n',
      /^cfg\.yml:2:1: invalid YAML: the file holds more than one document/
    ],
    [
      'a boolean tag',
      'containers:\n  - image: nginx\n    tag: true\n',
      /^cfg\.yml:3:10: containers\[0\]\.tag: expected a string, got the boolean true \(quote it/
    ],
    [
      'a key with a line break in it, shown escaped',
      'containers:\n  - image: nginx\n    tag: a\n    "x\\ny": 1\n    "x\\ny": 2\n',
      /^cfg\.yml:5:5: containers\[0\]\."x\\ny": appears twice \(also on line 4\)$/
    ],
    [
      'an unknown top-level key with a carriage return in it',
      'containers: []\n"im\\rage\\n": x\n',
      /^cfg\.yml:2:1: "im\\rage\\n": unknown top-level key/
    ],
    [
      'an image with a carriage return in it',
      'image: "quay.io/a\\rb"\ncontainers:\n  - tag: a\n',
      /^cfg\.yml:3:5: containers\[0\]\.image: image reference "quay\.io\/a\\rb" contains white space$/
    ],
    [
      'a top-level key twice',
      'containers: []\ncontainers: []\n',
      /^cfg\.yml:2:1: containers: appears twice \(also on line 1\)/
    ],
    [
      'very deep nesting',
      `containers:\n  - image: nginx\n    tag: a\n    extra: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      /nests too deeply to be read/
    ],
    [
      'a multi-line malformed digest, shown on one line',
      'containers:\n  - image: nginx\n    tag: a\n    digest: "abc\\ndef"\n',
      /malformed digest "abc\\ndef": expected/
    ]
  ])('%s gets a human error', (_label, source, message) => {
    expect(errorOf(source).message).toMatch(message)
  })
})

describe('rewriteDigests', () => {
  it('changes only the digest characters, keeping form, quoting, comments and CRLF', () => {
    const source = [
      '\uFEFF# top comment',
      'containers:',
      '  - name: one # trailing',
      '    image: nginx',
      '    tag: "1"',
      `    digest: "sha256:${A}"`,
      '',
      '  - {name: two, image: nginx, tag: "2", current_sha: ' + A + '}',
      '  - name: three',
      '    image: ghcr.io/a/b',
      '    tag: x',
      `    digest: 'sha256:${A}'  # pinned`,
      ''
    ].join('\r\n')
    const config = parseConfig('cfg.yml', source)
    const out = rewriteDigests(
      config,
      new Map([
        [0, `sha256:${B}`],
        [1, `sha256:${B}`],
        [2, `sha256:${B}`]
      ])
    )
    expect(out).toBe(source.replaceAll(A, B))
  })

  it('inserts a missing digest after the tag, following the file convention', () => {
    const source = `containers:\n  - target: a\n    image_tag: t1\n    current_sha: ${A}\n  - target: b # new\n    image_tag: t2  # keep\n    arch: x\n`
    const config = parseConfig('cfg.yml', source, { defaultImage: 'ghcr.io/o/r' })
    expect(config.entries[1]?.digest).toBeUndefined()
    const out = rewriteDigests(config, new Map([[1, `sha256:${B}`]]))
    expect(out).toBe(
      `containers:\n  - target: a\n    image_tag: t1\n    current_sha: ${A}\n  - target: b # new\n    image_tag: t2  # keep\n    current_sha: ${B}\n    arch: x\n`
    )
  })

  it('fills an empty digest field in place', () => {
    const source = 'containers:\n  - image: nginx\n    tag: "1"\n    digest:\n'
    const out = rewriteDigests(parseConfig('cfg.yml', source), new Map([[0, `sha256:${B}`]]))
    expect(out).toBe(`containers:\n  - image: nginx\n    tag: "1"\n    digest: sha256:${B}\n`)
  })

  it('applies many replacements and insertions in one pass, in any map order, leaving the rest', () => {
    const entry = (i: number) =>
      i % 3 === 0
        ? `  - name: e${i}\n    image: ghcr.io/o/r\n    tag: t${i}\n    arch: x # keep ${i}\n`
        : `  - name: e${i}\n    image: ghcr.io/o/r\n    tag: t${i}\n    digest: sha256:${A}\n`
    const moved = (i: number) => i % 2 === 0
    const expected = (i: number) => {
      if (!moved(i)) return entry(i)
      if (i % 3 === 0)
        return entry(i).replace(`tag: t${i}\n`, `tag: t${i}\n    digest: sha256:${B}\n`)
      return entry(i).replace(A, B)
    }
    const count = 300
    const indexes = Array.from({ length: count }, (_, i) => i)
    const source = `# many\ncontainers:\n${indexes.map(entry).join('')}# end\n`
    const config = parseConfig('cfg.yml', source)
    const changes = new Map(
      indexes
        .filter(moved)
        .reverse()
        .map(i => [i, `sha256:${B}`] as const)
    )
    const out = rewriteDigests(config, changes)
    expect(out).toBe(`# many\ncontainers:\n${indexes.map(expected).join('')}# end\n`)
    expect(parseConfig('cfg.yml', out).entries.map(e => e.digest)).toEqual(
      indexes.map(i => (moved(i) ? `sha256:${B}` : i % 3 === 0 ? undefined : `sha256:${A}`))
    )
  })

  it('refuses to write a malformed digest', () => {
    const config = parseConfig(
      'cfg.yml',
      `containers:\n  - image: nginx\n    tag: "1"\n    digest: sha256:${A}\n`
    )
    expect(() => rewriteDigests(config, new Map([[0, 'sha256:../../etc']]))).toThrow(
      /malformed digest/
    )
  })
})

describe('numeric-looking scalars', () => {
  it('keeps a plain 3.20 tag and an all-digit digest as written, not as numbers', () => {
    const digits = '1'.repeat(64)
    const config = parseConfig(
      'cfg.yml',
      `containers:\n  - image: alpine\n    tag: 3.20\n    digest: ${digits}\n`
    )
    const entry = config.entries[0]!
    expect(entry.reference.tag).toBe('3.20')
    expect(entry.fields.tag).toBe('3.20')
    expect(entry.digest).toBe(`sha256:${digits}`)
  })
})

describe('entries whose digest key has no value', () => {
  const pinned = (text: string, index = 0, options = {}) =>
    rewriteDigests(parseConfig('cfg.yml', text, options), new Map([[index, `sha256:${B}`]]))

  it('writes the value of a flow key with no colon inside its own braces, once', () => {
    const source = [
      'containers:',
      '  - {image: x, tag: "1.0", digest}',
      '  - name: b',
      '    image: y',
      '    tag: "2"',
      ''
    ].join('\n')
    const once = pinned(source)
    expect(once).toBe(source.replace('digest}', `digest: sha256:${B}}`))
    // A second run finds the digest in place and writes nothing more.
    const again = parseConfig('cfg.yml', once)
    expect(again.entries.map(e => e.digest)).toEqual([`sha256:${B}`, undefined])
    expect(rewriteDigests(again, new Map([[0, `sha256:${B}`]]))).toBe(once)
  })

  it('does not reach for a colon at the start of the file or in a later entry', () => {
    const source = `image: ghcr.io/o/r\ncontainers:\n  - {tag: "1", current_sha}\n  - {tag: "2", digest: sha256:${A}}\n`
    expect(pinned(source)).toBe(source.replace('current_sha}', `current_sha: ${B}}`))
  })

  it('fills a key with no value in a multi-line flow entry, before a comment', () => {
    const source = `containers:\n  - {image: x, tag: "1",\n     digest # pin\n    }\n  - {image: y, tag: "2"}\n`
    expect(pinned(source)).toBe(source.replace('digest # pin', `digest: sha256:${B} # pin`))
  })

  it('fills an explicit block key whose value is on the next line, or missing', () => {
    const withColon = `containers:\n  - image: x\n    tag: "1"\n    ? digest\n    :\n  - image: y\n    tag: "2"\n`
    expect(pinned(withColon)).toBe(withColon.replace('    :\n', `    : sha256:${B}\n`))
    const bare = `containers:\n  - image: x\n    tag: "1"\n    ? digest\n  - image: y\n    tag: "2"\n`
    const out = pinned(bare)
    expect(parseConfig('cfg.yml', out).entries.map(e => e.digest)).toEqual([
      `sha256:${B}`,
      undefined
    ])
    expect(out.replace(/\n {4}: sha256:b{64}/, '')).toBe(bare)
  })

  it('inserts into an entry whose last field is a nested block, not into the next entry', () => {
    const source = `image: ghcr.io/o/r:1\ncontainers:\n  - arch: x\n    features:\n      - a\n      - b\n  - name: two\n    image: ghcr.io/o/s\n    tag: "2"\n`
    const out = pinned(source)
    expect(parseConfig('cfg.yml', out).entries.map(e => [e.name, e.digest])).toEqual([
      // The display name repeats the tag: the default image carries it.
      ['ghcr.io/o/r:1:1', `sha256:${B}`],
      ['two', undefined]
    ])
    // No tag or image line to follow: the digest goes first, on the entry's own dash line.
    expect(out).toBe(source.replace('  - arch: x\n', `  - digest: sha256:${B}\n    arch: x\n`))
  })
})

describe('the key and form of a digest pinned now', () => {
  const pin = (source: string, index: number) =>
    rewriteDigests(parseConfig('cfg.yml', source), new Map([[index, `sha256:${B}`]]))

  it("follows the entry's own key style, not the first entry's", () => {
    const source = [
      'containers:',
      '  - name: modern',
      '    image: ghcr.io/o/a',
      '    tag: "1"',
      `    digest: sha256:${A}`,
      '  - target: legacy',
      '    image: ghcr.io/o/b',
      '    image_tag: x',
      `    current_sha: ${A}`,
      '  - target: new',
      '    image: ghcr.io/o/c',
      '    image_tag: y',
      ''
    ].join('\n')
    expect(pin(source, 2)).toBe(
      source.replace('image_tag: y\n', `image_tag: y\n    current_sha: ${B}\n`)
    )
  })

  it('follows the majority of the file when the entry has no style of its own', () => {
    const entry = (i: number, digest: string) =>
      `  - image: ghcr.io/o/r${i}:t\n${digest ? `    ${digest}\n` : ''}`
    const source = [
      'containers:\n',
      entry(0, `digest: sha256:${A}`),
      entry(1, `current_sha: ${A}`),
      entry(2, `current_sha: ${A}`),
      entry(3, '')
    ].join('')
    expect(pin(source, 3)).toBe(`${source}    current_sha: ${B}\n`)
  })
})
