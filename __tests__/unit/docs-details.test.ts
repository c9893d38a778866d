/**
 * docs/pull-request.md shows the default template and a rendered Details example; both are
 * checked against the code, so the page cannot drift from what the action writes.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_BODY_TEMPLATE } from '../../src/domain/pull-request/body.js'
import { renderDetails } from '../../src/domain/pull-request/details.js'
import type { Digest } from '../../src/domain/oci/digest.js'
import { ROOT } from '../support/run-action.js'

const PAGE = readFileSync(join(ROOT, 'docs/pull-request.md'), 'utf8')
const MIB = 1024 * 1024
const sha = (c: string) => `sha256:${c.repeat(64)}` as Digest
const REPO = 'https://github.com/example/app'
const commit = (sha: string, headline: string, author: string) => ({
  sha,
  headline,
  author,
  url: `${REPO}/commit/${sha}`
})

/** The example the page shows: one target with every kind of detail, one whose details failed. */
function exampleDetails(): string {
  return renderDetails(
    [
      {
        name: 'app',
        platform: null,
        review: {
          key: 'ghcr.io/example/app:1',
          previous: sha('a'),
          current: sha('b'),
          comparison: {
            created: { at: '2026-11-28T09:12:00Z', source: 'github-packages' },
            size: { 'linux/amd64': Math.round(41.3 * MIB), 'linux/arm64': Math.round(39.8 * MIB) },
            previousSize: { 'linux/amd64': Math.round(31.2 * MIB) },
            platformsAdded: ['linux/arm64'],
            platformsRemoved: ['linux/arm/v7'],
            base: {
              name: 'docker.io/library/debian:12-slim',
              previous: sha('1'),
              current: sha('2')
            },
            identicalLayers: false
          },
          commits: {
            count: 3,
            url: `${REPO}/compare/4f1c2ab...9e8d7c6`,
            commits: [
              commit('4f1c2ab0000000000000000000000000000000aa', 'Bump openssl to 3.0.15', 'alice'),
              commit('77aa0bb0000000000000000000000000000000bb', 'Add arm64 build', 'bob'),
              commit('9e8d7c60000000000000000000000000000000cc', 'Drop armv7', 'alice')
            ]
          },
          flags: ['size of linux/amd64 grew 32.4% (more than 20%)']
        }
      },
      {
        name: 'worker',
        platform: 'linux/amd64',
        review: {
          key: 'docker.io/example/worker:2',
          previous: sha('c'),
          current: sha('d'),
          unavailable: 'registry.example.com refused the config blob (403)',
          flags: ['details unavailable']
        }
      }
    ],
    { now: new Date('2026-12-01T10:00:00Z') }
  )
}

/** The fenced block right after `marker` in the page. */
function blockAfter(marker: string): string | undefined {
  const at = PAGE.indexOf(marker)
  if (at < 0) return undefined
  return /```markdown\n([\s\S]*?)\n```/.exec(PAGE.slice(at))?.[1]
}

describe('docs/pull-request.md', () => {
  it('shows the default template as it is', () => {
    expect(blockAfter('<!-- default-template -->')).toBe(DEFAULT_BODY_TEMPLATE.trimEnd())
  })

  it('shows the Details example as the code renders it', () => {
    expect(blockAfter('<!-- details-example -->')).toBe(exampleDetails())
  })
})
