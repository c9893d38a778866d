import { describe, expect, it } from '@jest/globals'
import {
  type DigestMove,
  decodePinnedFile,
  rewritePinnedReferences
} from '../../src/domain/pinned-files.js'

const hex = (c: string) => c.repeat(64)
const OLD_GO = hex('a')
const NEW_GO = hex('b')
const OLD_NGINX = hex('c')
const NEW_NGINX = hex('d')
const OLD_APP = hex('e')
const NEW_APP = hex('f')
/** Shares 63 characters with OLD_NGINX: a prefix match must not count. */
const NEAR_NGINX = `${'c'.repeat(63)}0`

const MOVES: DigestMove[] = [
  {
    name: 'go',
    repository: 'docker.io/library/golang',
    tag: '1.22',
    previous: `sha256:${OLD_GO}`,
    current: `sha256:${NEW_GO}`
  },
  {
    name: 'nginx',
    repository: 'docker.io/library/nginx',
    tag: '1.27',
    previous: `sha256:${OLD_NGINX}`,
    current: `sha256:${NEW_NGINX}`
  },
  {
    name: 'app',
    repository: 'ghcr.io/acme/app',
    tag: 'v2',
    previous: `sha256:${OLD_APP}`,
    current: `sha256:${NEW_APP}`
  }
]

/** The file with {go}, {nginx}, {app} standing for digests that must move, as given. */
function fill(template: string, go: string, nginx: string, app: string): string {
  return template.replaceAll('{go}', go).replaceAll('{nginx}', nginx).replaceAll('{app}', app)
}

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.22@sha256:{go} AS build
FROM golang:1.21@sha256:${OLD_GO} AS other-tag-same-digest
FROM docker.io/library/golang:1.22@sha256:{go} AS spelled-out
FROM index.docker.io/library/golang:1.22@sha256:{go} AS index-alias
FROM registry-1.docker.io/library/golang@sha256:{go} AS no-tag
FROM golang:1.22@sha256:${NEAR_NGINX} AS unknown-digest
FROM nginx:1.27@sha256:${NEAR_NGINX} AS shared-prefix
FROM nginx:1.27@sha256:${OLD_NGINX}0 AS longer-hex-run
FROM nginx-unprivileged:1.27@sha256:${OLD_NGINX} AS similar-name
FROM acme/nginx:1.27@sha256:${OLD_NGINX} AS other-namespace
FROM ghcr.io/library/nginx:1.27@sha256:${OLD_NGINX} AS other-registry
FROM \${REGISTRY}/nginx:1.27@sha256:${OLD_NGINX} AS templated
FROM $REGISTRY/library/nginx:1.27@sha256:${OLD_NGINX} AS variable
FROM nginx:1.27@SHA256:${OLD_NGINX} AS upper-case-algorithm
COPY --from=nginx:1.27@sha256:{nginx} /etc/nginx /etc/nginx
RUN echo "sha256:${OLD_NGINX}" > /pinned-without-reference
`

describe('rewritePinnedReferences', () => {
  it('moves exactly the references of moved images with their old digest, in every Docker spelling', () => {
    const input = fill(DOCKERFILE, OLD_GO, OLD_NGINX, OLD_APP)
    const result = rewritePinnedReferences(input, MOVES)
    expect(result.text).toBe(fill(DOCKERFILE, NEW_GO, NEW_NGINX, NEW_APP))
    expect(result.count).toBe(5)
    expect(result.applied).toEqual([0, 1])
    expect(result.ambiguous).toEqual([])
  })

  it('reads references in compose, Kubernetes and workflow syntax', () => {
    const template = `services:
  web:
    image: "ghcr.io/acme/app:v2@sha256:{app}"
  proxy:
    image: 'nginx:1.27@sha256:{nginx}'
  sidecar:
    image: ghcr.io/acme/app:v1@sha256:${OLD_APP}
---
spec:
  containers:
    - name: app
      image: GHCR.IO/acme/app@sha256:{app}
      env:
        - name: BASE
          value: IMAGE=ghcr.io/acme/app:v2@sha256:{app}
jobs:
  build:
    container:
      image: nginx:1.27@sha256:{nginx}
    services:
      cache: {image: nginx:1.27@sha256:{nginx}}
    steps:
      - uses: docker://ghcr.io/acme/app:v2@sha256:{app}
      - run: docker run --rm [ghcr.io/acme/app:v2@sha256:{app}]
      - run: echo ghcr.io/acme/application:v2@sha256:${OLD_APP} ghcr.io/acme/app/sub:v2@sha256:${OLD_APP}
`
    const result = rewritePinnedReferences(fill(template, OLD_GO, OLD_NGINX, OLD_APP), MOVES)
    expect(result.text).toBe(fill(template, NEW_GO, NEW_NGINX, NEW_APP))
    expect(result.count).toBe(8)
    expect(result.applied).toEqual([1, 2])
  })

  it('keeps CRLF line endings, a BOM and non-ASCII text as they were', () => {
    const template = '\uFEFFFROM nginx:1.27@sha256:{nginx}\r\n# café ☕\r\nCMD ["nginx"]\r\n'
    const result = rewritePinnedReferences(fill(template, '', OLD_NGINX, ''), MOVES)
    expect(result.text).toBe(fill(template, '', NEW_NGINX, ''))
  })

  it('returns the very same text when nothing matches', () => {
    const text = `FROM nginx:1.26@sha256:${OLD_NGINX}\nFROM alpine@sha256:${OLD_GO}\n`
    const result = rewritePinnedReferences(text, MOVES)
    expect(result).toEqual({ text, applied: [], count: 0, ambiguous: [] })
  })

  it('leaves a tagless reference alone when two tags moved from its digest to different ones', () => {
    const moves: DigestMove[] = [
      { ...MOVES[1]!, tag: '1.27' },
      { ...MOVES[1]!, name: 'nginx-1', tag: '1', current: `sha256:${hex('9')}` }
    ]
    const text = `a: nginx@sha256:${OLD_NGINX}\nb: nginx:1@sha256:${OLD_NGINX}\n`
    const result = rewritePinnedReferences(text, moves)
    expect(result.text).toBe(`a: nginx@sha256:${OLD_NGINX}\nb: nginx:1@sha256:${hex('9')}\n`)
    expect(result.applied).toEqual([1])
    expect(result.ambiguous).toEqual([
      { line: 1, reference: `nginx@sha256:${OLD_NGINX}`, entries: ['nginx', 'nginx-1'] }
    ])
  })

  // An entry that stays (unchanged, or not verified this run) is given with its own digest
  // as current: it holds a tagless reference back as surely as one that moved elsewhere.
  it.each([
    ['did not move', `sha256:${OLD_NGINX}`],
    ['could not be verified and keeps its digest', `sha256:${OLD_NGINX}`]
  ])('leaves a tagless reference alone when another entry with its digest %s', (_, current) => {
    const moves: DigestMove[] = [
      MOVES[1]!,
      { ...MOVES[1]!, name: 'nginx-lts', tag: 'lts', current }
    ]
    const text = `FROM nginx@sha256:${OLD_NGINX}\nFROM nginx:1.27@sha256:${OLD_NGINX}\n`
    const result = rewritePinnedReferences(text, moves)
    expect(result.text).toBe(
      `FROM nginx@sha256:${OLD_NGINX}\nFROM nginx:1.27@sha256:${NEW_NGINX}\n`
    )
    expect(result.ambiguous).toEqual([
      { line: 1, reference: `nginx@sha256:${OLD_NGINX}`, entries: ['nginx', 'nginx-lts'] }
    ])
    expect(result.applied).toEqual([0])
  })

  it('leaves references of entries that stay as they are, with no warning', () => {
    const stays: DigestMove[] = [{ ...MOVES[1]!, current: MOVES[1]!.previous }]
    const text = `FROM nginx@sha256:${OLD_NGINX}\nFROM nginx:1.27@sha256:${OLD_NGINX}\n`
    expect(rewritePinnedReferences(text, stays)).toEqual({
      text,
      applied: [],
      count: 0,
      ambiguous: []
    })
  })

  it('moves a tagless reference when every move from its digest agrees', () => {
    const moves: DigestMove[] = [MOVES[1]!, { ...MOVES[1]!, tag: 'stable' }]
    const result = rewritePinnedReferences(`nginx@sha256:${OLD_NGINX}`, moves)
    expect(result.text).toBe(`nginx@sha256:${NEW_NGINX}`)
    expect(result.applied).toEqual([0, 1])
  })
})

describe('decodePinnedFile', () => {
  it('decodes UTF-8 text, a BOM included', () => {
    const text = '\uFEFFFROM scratch # ☕\n'
    expect(decodePinnedFile(Buffer.from(text, 'utf8'))).toEqual({ text })
  })

  it('skips binary files, oversized files and bytes that are not UTF-8', () => {
    expect(decodePinnedFile(Buffer.from([0x46, 0x00, 0x52]))).toEqual({
      skipped: 'binary (it contains a NUL byte)'
    })
    expect(decodePinnedFile(Buffer.alloc(11, 0x41), 10)).toEqual({
      skipped: '11 bytes, over the 10-byte cap for other files, so it is not read'
    })
    expect(decodePinnedFile(Buffer.alloc(10, 0x41), 10)).toEqual({ text: 'A'.repeat(10) })
    expect(decodePinnedFile(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({
      skipped: 'not valid UTF-8, so it cannot be rewritten byte for byte'
    })
  })
})
