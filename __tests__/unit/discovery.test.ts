/**
 * The discovery finders (src/domain/discovery): the exact spans of every reference in
 * Dockerfiles, compose files, Kubernetes manifests and workflows, the decoys they must leave,
 * and the plan for each reference (refresh, pin, leave), with a property test that a rewrite
 * changes the references' characters and nothing else.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { randomSeed } from '../support/random-seed.js'
import { fileKind, findReferences } from '../../src/domain/discovery/find.js'
import {
  isIgnored,
  parseRegistryMap,
  planReference,
  replaceSpans,
  upstreamOf,
  withDigest
} from '../../src/domain/discovery/pin.js'
import type { Digest } from '../../src/domain/oci/digest.js'
import { parseImageReference } from '../../src/domain/oci/reference.js'

const RANDOM_SEED = randomSeed()
const SEEDS = [7, 1234, 20261201, RANDOM_SEED]
console.log(
  `discovery property seeds: ${SEEDS.join(', ')} (replay: FAST_CHECK_SEED=${RANDOM_SEED})`
)

const A = `sha256:${'a'.repeat(64)}` as Digest
const B = `sha256:${'b'.repeat(64)}` as Digest

const found = (path: string, text: string) =>
  findReferences(path, text).references.map(r => [r.line, r.kind, r.text, r.platform ?? null])

describe('file kinds', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['build/Dockerfile.prod', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['app.dockerfile', 'dockerfile'],
    ['compose.yaml', 'yaml'],
    ['.github/workflows/ci.yml', 'yaml'],
    ['scripts/run.sh', 'other'],
    ['Dockerfile.md', 'other']
  ])('%s is %s', (path, kind) => expect(fileKind(path)).toBe(kind))
})

describe('Dockerfile references', () => {
  it('finds FROM with --platform and AS, COPY --from, and leaves stage names alone', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'FROM --platform=linux/arm64 alpine:3.20@' + A + ' AS runtime',
      'COPY --from=build /out /app',
      'COPY --from=busybox:1.36 /bin/sh /bin/sh',
      'COPY --from=0 /x /y',
      'from build AS again',
      'FROM scratch',
      '  FROM ghcr.io/acme/base:2'
    ].join('\n')
    expect(found('Dockerfile', text)).toEqual([
      [2, 'dockerfile-from', 'golang:1.22', null],
      [3, 'dockerfile-from', `alpine:3.20@${A}`, 'linux/arm64'],
      [5, 'dockerfile-copy', 'busybox:1.36', null],
      [9, 'dockerfile-from', 'ghcr.io/acme/base:2', null]
    ])
  })

  it('takes an ARG default that is a full reference, and leaves other ARG-built FROMs with a notice', () => {
    const text = [
      'ARG BASE=node:22-alpine',
      'ARG VERSION=3.20',
      'ARG QUOTED="python:3.12-slim"',
      'FROM ${BASE}',
      'FROM alpine:${VERSION}',
      'FROM $QUOTED',
      'FROM ${UNSET}'
    ].join('\n')
    const findings = findReferences('Dockerfile', text)
    expect(findings.references.map(r => [r.line, r.kind, r.text])).toEqual([
      [1, 'dockerfile-arg', 'node:22-alpine'],
      [3, 'dockerfile-arg', 'python:3.12-slim']
    ])
    expect(text.slice(findings.references[1]!.start, findings.references[1]!.end)).toBe(
      'python:3.12-slim'
    )
    expect(findings.notices.map(n => n.line)).toEqual([5, 7])
    expect(findings.notices[0]!.message).toContain('FROM alpine:${VERSION}')
  })

  it('honours the ignore comment on the line and on the line above', () => {
    const text = [
      'FROM nginx:1.27 # image-digest-updater: ignore',
      '# image-digest-updater: ignore',
      'FROM redis:7',
      'FROM postgres:16'
    ].join('\n')
    expect(found('Dockerfile', text)).toEqual([[4, 'dockerfile-from', 'postgres:16', null]])
  })
})

describe('Dockerfile line continuations, joined as BuildKit joins them', () => {
  const at = (text: string) =>
    findReferences('Dockerfile', text).references.map(r => {
      expect(text.slice(r.start, r.end)).toBe(r.text)
      return [r.line, r.kind, r.text, r.platform ?? null]
    })

  it.each([
    [
      'FROM --platform on one line, the image on the next',
      ['FROM --platform=linux/arm64 \\', `  alpine:3.20@${A} AS base`],
      [[2, 'dockerfile-from', `alpine:3.20@${A}`, 'linux/arm64']]
    ],
    [
      'trailing spaces and a CRLF after the escape character',
      ['FROM --platform=linux/arm64 \\  \r', `\talpine:3.20@${A}\r`],
      [[2, 'dockerfile-from', `alpine:3.20@${A}`, 'linux/arm64']]
    ],
    [
      'comment and empty lines inside the continuation are skipped',
      [
        'FROM \\',
        '# the base image \\',
        '',
        '    \t',
        '  --platform=linux/amd64 \\',
        '  nginx:1.27'
      ],
      [[6, 'dockerfile-from', 'nginx:1.27', 'linux/amd64']]
    ],
    [
      'COPY --from on a continued line',
      ['FROM scratch', 'COPY --chown=1:1 \\', '  --from=busybox:1.36 \\', '  /bin/sh /bin/sh'],
      [[3, 'dockerfile-copy', 'busybox:1.36', null]]
    ],
    [
      'an ARG default on a continued line, used by a later FROM',
      ['ARG A=1 \\', '    BASE=node:22-alpine', 'FROM ${BASE}'],
      [[2, 'dockerfile-arg', 'node:22-alpine', null]]
    ],
    [
      'a stage named on a continued line is not an image later',
      ['FROM golang:1.22 \\', '  AS build', 'FROM build'],
      [[1, 'dockerfile-from', 'golang:1.22', null]]
    ],
    [
      'an escaped escape at the end does not continue',
      ['RUN echo \\\\', 'FROM alpine:3.20'],
      [[2, 'dockerfile-from', 'alpine:3.20', null]]
    ],
    [
      'a comment line ending in the escape does not continue',
      ['# see the base \\', 'FROM alpine:3.20'],
      [[2, 'dockerfile-from', 'alpine:3.20', null]]
    ],
    [
      'a RUN continued onto a line that starts with FROM is not a FROM',
      ['FROM alpine:3.20', 'RUN echo \\', 'FROM nginx:1.27'],
      [[1, 'dockerfile-from', 'alpine:3.20', null]]
    ],
    [
      "a heredoc body is the RUN's or COPY's content, not instructions",
      [
        'FROM alpine:3.20',
        'RUN <<EOF',
        'FROM nginx:1.27',
        'EOF',
        'COPY <<-"END" 2<<X /etc/',
        '\tFROM redis:7 \\',
        '\tEND',
        'FROM postgres:16',
        'X',
        'RUN echo "<<EOF" >/tmp/not-a-heredoc',
        'FROM debian:12'
      ],
      [
        [1, 'dockerfile-from', 'alpine:3.20', null],
        [11, 'dockerfile-from', 'debian:12', null]
      ]
    ],
    [
      'the # escape=` directive makes the backtick the escape, and a backslash a character',
      [
        '# escape=`',
        'FROM --platform=windows/amd64 `',
        '  mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN dir c:\\',
        'FROM redis:7'
      ],
      [
        [3, 'dockerfile-from', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'windows/amd64'],
        [5, 'dockerfile-from', 'redis:7', null]
      ]
    ],
    [
      'directives after the first other line are comments',
      [
        '# syntax=docker/dockerfile:1',
        'FROM alpine:3.20',
        '# escape=`',
        'RUN echo `',
        'FROM nginx:1.27'
      ],
      [
        [2, 'dockerfile-from', 'alpine:3.20', null],
        [5, 'dockerfile-from', 'nginx:1.27', null]
      ]
    ]
  ])('%s', (_, lines, expected) => expect(at(lines.join('\n'))).toEqual(expected))

  it('leaves a reference split inside itself alone, with a notice naming the line', () => {
    const text = ['FROM alpine:3.\\', '20', 'FROM nginx:1.27'].join('\n')
    const findings = findReferences('Dockerfile', text)
    expect(findings.references.map(r => r.text)).toEqual(['nginx:1.27'])
    expect(findings.notices).toEqual([
      {
        line: 1,
        message:
          'alpine:3.20 is split across lines by a line continuation, so it is left alone; write it on one line to have it pinned'
      }
    ])
  })

  it('the ignore comment above a continued instruction covers its reference', () => {
    const text = [
      '# image-digest-updater: ignore',
      'FROM --platform=linux/arm64 \\',
      '  alpine:3.20',
      'FROM nginx:1.27'
    ].join('\n')
    expect(at(text)).toEqual([[4, 'dockerfile-from', 'nginx:1.27', null]])
  })
})

describe('YAML references', () => {
  it('compose: image under services, through anchors and merge keys, leaving ${VAR} alone', () => {
    const text = [
      'x-base: &base',
      '  image: "redis:7"',
      '  restart: always',
      'services:',
      '  cache:',
      '    <<: *base',
      '  web:',
      "    image: 'nginx:1.27'",
      '  api:',
      '    image: ${API_IMAGE:-ghcr.io/acme/api:1}',
      '  db:',
      '    image: postgres:16@' + B,
      '  built:',
      '    build: .'
    ].join('\n')
    expect(found('compose.yaml', text)).toEqual([
      [2, 'compose', 'redis:7', null],
      [8, 'compose', 'nginx:1.27', null],
      [12, 'compose', `postgres:16@${B}`, null]
    ])
  })

  it('Kubernetes: containers, initContainers and ephemeralContainers of every kind, multi-document', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          initContainers:',
      '            - name: init',
      '              image: busybox:1.36',
      '          containers:',
      '            - name: job',
      '              image: ghcr.io/acme/job:2',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  ephemeralContainers:',
      '    - image: debian:12',
      '---',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - image: "{{ .Values.image }}"',
      '    - image: redis:7',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'data:',
      '  image: nginx:1.27'
    ].join('\n')
    expect(found('deploy/all.yaml', text)).toEqual([
      [10, 'kubernetes', 'busybox:1.36', null],
      [13, 'kubernetes', 'ghcr.io/acme/job:2', null],
      [19, 'kubernetes', 'debian:12', null]
    ])
  })

  it('workflows: container, container.image, services and docker:// steps', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    container: node:22',
      '    services:',
      '      db:',
      '        image: postgres:16',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: docker://alpine:3.20',
      '      - run: docker run --rm busybox:1.36@' + A,
      '  b:',
      '    container:',
      '      image: ${{ matrix.image }}',
      '  c:',
      '    container:',
      '      image: ghcr.io/acme/ci:1'
    ].join('\n')
    expect(found('.github/workflows/ci.yml', text)).toEqual([
      [5, 'workflow-container', 'node:22', 'linux/amd64'],
      [8, 'workflow-service', 'postgres:16', 'linux/amd64'],
      [11, 'workflow-uses', 'alpine:3.20', 'linux/amd64'],
      [12, 'pinned', `busybox:1.36@${A}`, null],
      [18, 'workflow-container', 'ghcr.io/acme/ci:1', null]
    ])
  })

  it.each([
    ['ubuntu-latest', 'linux/amd64'],
    ['ubuntu-24.04', 'linux/amd64'],
    ['ubuntu-22.04', 'linux/amd64'],
    ['ubuntu-slim', 'linux/amd64'],
    ['ubuntu-24.04-arm', 'linux/arm64'],
    ['ubuntu-22.04-arm', 'linux/arm64'],
    ['windows-2025', 'linux/amd64'],
    ['windows-11-arm', 'linux/arm64'],
    ['macos-latest', 'linux/arm64'],
    ['macos-15', 'linux/arm64'],
    ['macos-14-xlarge', 'linux/arm64'],
    ['macos-13-xlarge', 'linux/arm64'],
    ['macos-13', 'linux/amd64'],
    ['macos-15-intel', 'linux/amd64'],
    ['macos-15-large', 'linux/amd64'],
    ['macos-latest-large', 'linux/amd64'],
    ['linux-arm64', 'linux/arm64'],
    ['[self-hosted, linux, ARM64]', 'linux/arm64'],
    ['[self-hosted, Linux, x64, gpu]', 'linux/amd64'],
    ['[self-hosted, linux, ARM]', 'linux/arm'],
    ['{ group: arm-runners, labels: [self-hosted, ARM64] }', 'linux/arm64'],
    ['[ubuntu-24.04-arm]', 'linux/arm64'],
    ['"${{ matrix.os }}"', null],
    ['[self-hosted, ARM64, "${{ matrix.extra }}"]', null],
    ['[self-hosted, X64, ARM64]', null],
    ['self-hosted', null],
    ['my-build-box', null],
    ['{ group: large-runners }', null],
    ['ubuntu-24.04-arm64-8core-32gb', null]
  ])('runs-on: %s gives the job images platform %s', (runsOn, platform) => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      `    runs-on: ${runsOn}`,
      '    container: node:22',
      '    services:',
      '      db:',
      '        image: postgres:16',
      '    steps:',
      '      - uses: docker://alpine:3.20'
    ].join('\n')
    expect(found('.github/workflows/ci.yml', text).map(r => r[3])).toEqual([
      platform,
      platform,
      platform
    ])
  })

  it("a container's or service's own --platform option is its platform", () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04-arm',
      '    container:',
      '      image: node:22',
      '      options: --cpus 1 --platform linux/amd64',
      '    services:',
      '      db:',
      '        image: postgres:16',
      '        options: --platform=${{ matrix.platform }}',
      '      cache:',
      '        image: redis:7',
      '        options: --cpus 1',
      '      queue:',
      '        image: rabbitmq:4',
      "        options: --platform 'linux/arm/v7'",
      '      odd:',
      '        image: nats:2',
      '        options: --platform=linux/amd64,linux/arm64'
    ].join('\n')
    expect(found('.github/workflows/ci.yml', text)).toEqual([
      [6, 'workflow-container', 'node:22', 'linux/amd64'],
      [10, 'workflow-service', 'postgres:16', null],
      [13, 'workflow-service', 'redis:7', 'linux/arm64'],
      [16, 'workflow-service', 'rabbitmq:4', 'linux/arm/v7'],
      [19, 'workflow-service', 'nats:2', null]
    ])
  })

  it('Helm templates that are not YAML still get their pinned references and nothing else', () => {
    const text = [
      'spec:',
      '  containers:',
      '    - image: {{ .Values.image.repository }}:{{ .Values.image.tag }}',
      '      {{- if .Values.sidecar }}',
      '    - image: nginx:1.27@' + A,
      '      {{- end }}'
    ].join('\n')
    expect(found('templates/deploy.yaml', text)).toEqual([[5, 'pinned', `nginx:1.27@${A}`, null]])
  })

  it('a Helm template that happens to parse as YAML is still left to the pinned finder', () => {
    const text = [
      'kind: Pod',
      'metadata:',
      '  name: "{{ .Release.Name }}"',
      'spec:',
      '  containers:',
      '    - image: nginx:1.27'
    ].join('\n')
    expect(found('templates/pod.yaml', text)).toEqual([])
  })
})

describe('the plan for a reference', () => {
  const settings = { pin: false, pinUntagged: false, ignore: [], registryMap: [] }
  const plan = (text: string, overrides = {}) =>
    planReference(
      { start: 0, end: text.length, text, line: 1, kind: 'compose' },
      { ...settings, ...overrides }
    )

  it('refreshes pinned references, pins tag-only ones with pin, untagged ones with pin-untagged', () => {
    expect(plan(`nginx:1.27@${A}`)?.previous).toBe(A)
    expect(plan('nginx:1.27')).toBeUndefined()
    expect(plan('nginx:1.27', { pin: true })?.resolve.tag).toBe('1.27')
    expect(plan('nginx', { pin: true })).toBeUndefined()
    expect(plan('nginx', { pin: true, pinUntagged: true })?.resolve.tag).toBe('latest')
    // A digest without a tag has nothing to follow.
    expect(plan(`nginx@${A}`, { pin: true, pinUntagged: true })).toBeUndefined()
  })

  it('leaves repositories an ignore glob names, canonical or as written', () => {
    const ref = parseImageReference('nginx:1.27')
    expect(isIgnored(ref, 'nginx:1.27', ['docker.io/library/*'])).toBe(true)
    expect(isIgnored(ref, 'nginx:1.27', ['nginx'])).toBe(true)
    expect(isIgnored(ref, 'nginx:1.27', ['ghcr.io/**'])).toBe(false)
    expect(plan(`ghcr.io/acme/a/b:1@${A}`, { ignore: ['ghcr.io/acme/**'] })).toBeUndefined()
  })

  it('resolves a mirror through its upstream and keeps the written form', () => {
    const map = parseRegistryMap([
      'mirror.example.com/library=docker.io/library',
      'Mirror.Example.com=registry.example.org'
    ])
    const ref = { ...parseImageReference('mirror.example.com/library/nginx:1.27'), tag: '1.27' }
    expect(upstreamOf(ref, map)).toMatchObject({
      registry: 'docker.io',
      repository: 'library/nginx'
    })
    const other = { ...parseImageReference('mirror.example.com/team/app:2'), tag: '2' }
    expect(upstreamOf(other, map)).toMatchObject({
      registry: 'registry.example.org',
      repository: 'team/app'
    })
    expect(withDigest(`mirror.example.com/library/nginx:1.27@${A}`, B)).toBe(
      `mirror.example.com/library/nginx:1.27@${B}`
    )
    expect(() => parseRegistryMap(['docker.io'])).toThrow(
      /line 1 "docker.io" is not mirror=upstream/
    )
  })
})

describe('rewriting changes only the reference spans (property)', () => {
  const filler = fc.stringMatching(/^[ a-z#:\n"'=-]{0,30}$/)
  const reference = fc.constantFrom(
    'nginx:1.27',
    `ghcr.io/acme/app:2@${A}`,
    'alpine:3.20',
    `busybox:1.36@${B}`
  )
  const files = fc.array(fc.tuple(filler, reference), { minLength: 1, maxLength: 6 })

  for (const seed of SEEDS)
    it(`seed ${seed}`, () => {
      fc.assert(
        fc.property(files, filler, fc.constantFrom(A, B), (parts, tail, digest) => {
          // Each reference on its own compose service, with random text around it as comments.
          const lines = ['services:']
          parts.forEach(([noise, ref], i) => {
            lines.push(`  # ${noise.replace(/\n/g, ' ')}`, `  s${i}:`, `    image: ${ref}`)
          })
          const text = `${lines.join('\n')}\n# ${tail.replace(/\n/g, ' ')}\n`
          const refs = findReferences('compose.yaml', text).references
          expect(refs.map(r => r.text)).toEqual(parts.map(([, ref]) => ref))
          const next = replaceSpans(
            text,
            refs.map(r => ({ ...r, text: withDigest(r.text, digest) }))
          )
          // Outside the spans every character is the same, in order.
          let i = 0
          let j = 0
          for (const r of refs) {
            expect(next.slice(j, j + r.start - i)).toBe(text.slice(i, r.start))
            j += r.start - i + withDigest(r.text, digest).length
            i = r.end
          }
          expect(next.slice(j)).toBe(text.slice(i))
          // A second find sees the same references, now all pinned to the digest.
          const again = findReferences('compose.yaml', next).references
          expect(again.map(r => r.text)).toEqual(parts.map(([, ref]) => withDigest(ref, digest)))
        }),
        { seed, numRuns: 100 }
      )
    })
})

describe('Dockerfile continuations find the same references as one line would (property)', () => {
  const reference = fc.constantFrom('nginx:1.27', `ghcr.io/acme/app:2@${A}`, 'alpine:3.20')
  // What BuildKit skips inside a continuation, or the white space before the next word.
  const between = fc.constantFrom(' ', '\t', ' \\\n  ', ' \\ \r\n', ' \\\n# note\n ', ' \\\n\n\t')
  const instruction = fc.tuple(between, between, reference, between, fc.boolean())

  for (const seed of SEEDS)
    it(`seed ${seed}`, () => {
      fc.assert(
        fc.property(
          fc.array(instruction, { minLength: 1, maxLength: 5 }),
          fc.constantFrom(A, B),
          (parts, digest) => {
            const text = parts
              .map(([a, b, ref, c, copy], i) =>
                copy
                  ? `COPY${a}--from=${ref}${b}/a${c}/b`
                  : `FROM${a}--platform=linux/arm64${b}${ref}${c}AS s${i}`
              )
              .join('\n')
            const refs = findReferences('Dockerfile', text).references
            expect(refs.map(r => [r.text, r.platform ?? null])).toEqual(
              parts.map(([, , ref, , copy]) => [ref, copy ? null : 'linux/arm64'])
            )
            for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text)
            const next = replaceSpans(
              text,
              refs.map(r => ({ ...r, text: withDigest(r.text, digest) }))
            )
            const again = findReferences('Dockerfile', next).references
            expect(again.map(r => r.text)).toEqual(
              parts.map(([, , ref]) => withDigest(ref, digest))
            )
            // Outside the references, every byte is the same.
            expect(next.replace(/@sha256:[a-f0-9]{64}/g, '')).toBe(
              text.replace(/@sha256:[a-f0-9]{64}/g, '')
            )
          }
        ),
        { seed, numRuns: 100 }
      )
    })
})
