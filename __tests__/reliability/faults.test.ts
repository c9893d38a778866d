/**
 * A flaky or hostile registry: the fault proxy damages the answers for one entry (`hit`) or
 * for the whole registry, and the action must end in bounded time, retry only what is
 * retryable, write no digest it did not verify, keep the old digest of every entry that
 * failed, and say why in one line.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type FaultRule, startFaultProxy } from '../../scripts/faults/proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import type { ActionRun } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import {
  type EntrySpec,
  type Expected,
  GITHUB_TOKEN,
  PASSWORD,
  REQUEST_TIMEOUT_MS,
  USER,
  configText,
  expectOutcome,
  makeWorkspace,
  observe,
  readText,
  runBounded,
  sha256,
  tokensSeen,
  write
} from './support/scenario.js'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

interface Context {
  /** Path prefix of the damaged entry's repository, `/v2/<id>/hit/`. */
  hit: string
  /** A well-formed digest that nothing in the registry has. */
  bogus: string
  /** The manifest bytes behind the damaged entry's tag. */
  hitManifest: Buffer
  /** The damaged entry's true manifest digest. */
  hitDigest: string
}

/** An OCI index whose linux/amd64 entry names `digest`: bytes that hash fine, whatever they claim. */
const indexNaming = (digest: string): FaultRule['fault'] => ({
  kind: 'status',
  status: 200,
  headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
  body: JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: OCI_MANIFEST,
        digest,
        size: 1000,
        platform: { os: 'linux', architecture: 'amd64' }
      }
    ]
  })
})

interface FaultScenario {
  id: string
  title: string
  rules: (c: Context) => FaultRule[]
  maxAttempts?: number
  /**
   * One entry at a time: after a final 429 nothing more goes to the registry, so `ok` must
   * be done before `hit` is asked for the outcome to be the same on every run.
   */
  oneAtATime?: boolean
  /** The damaged entry pins this platform of its tag (read from an index). */
  hitPlatform?: string
  /** What each entry ends as; unnamed entries are expected to update. */
  expected: Record<string, Expected>
  /** Requests the proxy must have seen: [method, path pattern, count]. */
  requests?: (c: Context) => Array<[string, RegExp, number]>
  /** Faults the proxy must have injected. */
  faults: number
  check?: (run: ActionRun) => void
}

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const HEAD = 'HEAD'
const GET = 'GET'
const tagOf = (c: Context) => new RegExp(`^${esc(c.hit)}manifests/v1$`)
/** Forces the GET path: a HEAD without Docker-Content-Digest makes the client fetch and hash. */
const headWithoutDigest = (c: Context): FaultRule => ({
  name: 'HEAD without digest',
  method: HEAD,
  path: tagOf(c),
  fault: { kind: 'rewrite', removeHeaders: ['docker-content-digest'] }
})

const SCENARIOS: FaultScenario[] = [
  {
    id: '429-retry-after-seconds',
    title: '429 with Retry-After in seconds, twice, then the answer',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        times: 2,
        fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
      }
    ],
    expected: {},
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 2
  },
  {
    id: '429-retry-after-date',
    title: '429 with Retry-After as an HTTP date, then the answer',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        times: 1,
        fault: {
          kind: 'status',
          status: 429,
          headers: { 'retry-after': () => new Date(Date.now() + 1000).toUTCString() }
        }
      }
    ],
    expected: {},
    requests: c => [[HEAD, tagOf(c), 2]],
    faults: 1
  },
  {
    id: '429-retry-after-hour',
    title: '429 asking to wait an hour: fail the entry now instead of stalling',
    oneAtATime: true,
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'status', status: 429, headers: { 'retry-after': '3600' } }
      }
    ],
    expected: { hit: /rate limit reached \(HTTP 429, retry after 3600\)/ },
    requests: c => [[HEAD, tagOf(c), 1]],
    faults: 1
  },
  {
    id: '429-persistent',
    title: '429 on every attempt',
    oneAtATime: true,
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } }
      }
    ],
    expected: { hit: /rate limit reached \(HTTP 429/ },
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 3
  },
  {
    id: '5xx-burst',
    title: 'a burst of 500 and 502, then the answer',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        times: 2,
        fault: [
          { kind: 'status', status: 500 },
          { kind: 'status', status: 502, body: '<html>Bad Gateway</html>' }
        ]
      }
    ],
    expected: {},
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 2
  },
  {
    id: '503-persistent',
    title: '503 on every attempt',
    rules: c => [{ method: HEAD, path: tagOf(c), fault: { kind: 'status', status: 503 } }],
    expected: { hit: /answered HTTP 503/ },
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 3
  },
  {
    id: '503-whole-registry',
    title: '503 for every request: the ping fails, so does every entry, and the step',
    rules: () => [{ path: /^\/v2\//, fault: { kind: 'status', status: 503 } }],
    expected: { ok: /answered 503 to GET \/v2\//, hit: /answered 503 to GET \/v2\// },
    requests: () => [[GET, /^\/v2\/$/, 3]],
    faults: 3
  },
  {
    id: '501-head-unsupported',
    title: 'HEAD answered 501 (not implemented): GET the manifest and hash it instead',
    rules: c => [{ method: HEAD, path: tagOf(c), fault: { kind: 'status', status: 501 } }],
    expected: {},
    requests: c => [
      [HEAD, tagOf(c), 1],
      [GET, tagOf(c), 1]
    ],
    faults: 1
  },
  {
    id: 'reset-before-answer',
    title: 'connection reset before any answer, twice',
    rules: c => [{ method: HEAD, path: tagOf(c), times: 2, fault: { kind: 'reset' } }],
    expected: {},
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 2
  },
  {
    id: 'reset-persistent',
    title: 'connection reset on every attempt',
    rules: c => [{ method: HEAD, path: tagOf(c), fault: { kind: 'reset' } }],
    expected: { hit: /connection reset|ECONNRESET/ },
    requests: c => [[HEAD, tagOf(c), 3]],
    faults: 3
  },
  {
    id: 'reset-mid-body',
    title: 'connection reset halfway through the manifest',
    rules: c => [
      headWithoutDigest(c),
      { method: GET, path: tagOf(c), times: 1, fault: { kind: 'reset-mid-body' } }
    ],
    expected: {},
    requests: c => [[GET, tagOf(c), 2]],
    faults: 2
  },
  {
    id: 'truncated-body',
    title: 'manifest cut short of its Content-Length, twice',
    rules: c => [
      headWithoutDigest(c),
      { method: GET, path: tagOf(c), times: 2, fault: { kind: 'truncate' } }
    ],
    expected: {},
    requests: c => [[GET, tagOf(c), 3]],
    faults: 3
  },
  {
    id: 'truncated-persistent',
    title: 'manifest cut short on every attempt',
    rules: c => [
      headWithoutDigest(c),
      { method: GET, path: tagOf(c), fault: { kind: 'truncate' } }
    ],
    expected: { hit: /closed before the response was complete|terminated|other side closed/ },
    requests: c => [[GET, tagOf(c), 3]],
    faults: 4
  },
  {
    id: 'stall-before-headers',
    title: `no answer at all, once (past the ${REQUEST_TIMEOUT_MS} ms request timeout)`,
    rules: c => [{ method: HEAD, path: tagOf(c), times: 1, fault: { kind: 'stall' } }],
    expected: {},
    requests: c => [[HEAD, tagOf(c), 2]],
    faults: 1
  },
  {
    id: 'stall-mid-body',
    title: 'the manifest stops halfway and nothing more comes, once',
    rules: c => [
      headWithoutDigest(c),
      { method: GET, path: tagOf(c), times: 1, fault: { kind: 'stall-mid-body' } }
    ],
    expected: {},
    requests: c => [[GET, tagOf(c), 2]],
    faults: 2
  },
  {
    id: 'stall-persistent',
    title: 'no answer on any attempt, with max-attempts 2',
    rules: c => [{ method: HEAD, path: tagOf(c), fault: { kind: 'stall' } }],
    maxAttempts: 2,
    expected: { hit: new RegExp(`timed out after ${REQUEST_TIMEOUT_MS} ms`) },
    requests: c => [[HEAD, tagOf(c), 2]],
    faults: 2
  },
  {
    id: 'digest-mismatch-get',
    title: 'GET manifest whose Docker-Content-Digest does not match its bytes',
    rules: c => [
      headWithoutDigest(c),
      {
        method: GET,
        path: tagOf(c),
        fault: { kind: 'rewrite', setHeaders: { 'docker-content-digest': c.bogus } }
      }
    ],
    expected: { hit: /claims digest sha256:[0-9a-f]{64} but the manifest bytes hash to/ },
    requests: c => [[GET, tagOf(c), 1]],
    faults: 2
  },
  {
    id: 'digest-wrong-head',
    title: 'HEAD names a digest the registry does not have',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'rewrite', setHeaders: { 'docker-content-digest': c.bogus } }
      }
    ],
    expected: {
      hit: /names sha256:[0-9a-f]{64} for tag "v1", but has no manifest with that digest/
    },
    requests: c => [[GET, new RegExp(esc(`${c.hit}manifests/${encodeURIComponent(c.bogus)}`)), 1]],
    faults: 1
  },
  {
    id: 'digest-wrong-head-lying-get',
    title: 'HEAD names a digest, and GET by that digest serves other bytes',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'rewrite', setHeaders: { 'docker-content-digest': c.bogus } }
      },
      {
        method: GET,
        path: `${c.hit}manifests/${encodeURIComponent(c.bogus)}`,
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': OCI_MANIFEST, 'docker-content-digest': c.bogus },
          body: c.hitManifest.toString('utf8')
        }
      }
    ],
    expected: {
      hit: /the registry claims digest sha256:[0-9a-f]{64} but the manifest bytes hash to/
    },
    requests: c => [[GET, new RegExp(esc(`${c.hit}manifests/${encodeURIComponent(c.bogus)}`)), 1]],
    faults: 2
  },
  {
    id: 'platform-digest-not-served',
    title: 'an index names a platform digest the registry does not serve',
    hitPlatform: 'linux/amd64',
    rules: c => [{ method: GET, path: tagOf(c), fault: indexNaming(c.bogus) }],
    expected: {
      hit: /the index of tag "v1" names sha256:[0-9a-f]{64} for linux\/amd64, but .* has no manifest with that digest/
    },
    requests: c => [
      [GET, tagOf(c), 1],
      [HEAD, new RegExp(esc(`${c.hit}manifests/${encodeURIComponent(c.bogus)}`)), 1]
    ],
    faults: 1
  },
  {
    id: 'platform-digest-verified',
    title: 'an index names a platform digest the registry serves: one HEAD by digest proves it',
    hitPlatform: 'linux/amd64',
    rules: c => [{ method: GET, path: tagOf(c), fault: indexNaming(c.hitDigest) }],
    expected: {},
    requests: c => [
      [GET, tagOf(c), 1],
      [HEAD, new RegExp(esc(`${c.hit}manifests/${encodeURIComponent(c.hitDigest)}`)), 1]
    ],
    faults: 1
  },
  {
    id: 'html-error-page',
    title: 'a 200 with an HTML error page (a captive portal, a proxy login)',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<html><body>Please log in</body></html>'
        }
      }
    ],
    expected: { hit: /unexpected content type "text\/html" for a manifest/ },
    requests: c => [[HEAD, tagOf(c), 1]],
    faults: 1
  },
  {
    id: 'html-error-page-get',
    title: 'a 200 with an HTML page where the manifest should be',
    rules: c => [
      headWithoutDigest(c),
      {
        method: GET,
        path: tagOf(c),
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: '<!doctype html><title>Error</title>'
        }
      }
    ],
    expected: { hit: /unexpected content type "text\/html" for a manifest/ },
    requests: c => [[GET, tagOf(c), 1]],
    faults: 2
  },
  {
    id: 'unexpected-media-type',
    title: 'a manifest of a media type the action does not pin (schema 1)',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: {
          kind: 'rewrite',
          setHeaders: {
            'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws'
          }
        }
      }
    ],
    expected: {
      hit: /unexpected content type "application\/vnd\.docker\.distribution\.manifest\.v1\+prettyjws"/
    },
    requests: c => [[HEAD, tagOf(c), 1]],
    faults: 1
  },
  {
    id: 'oversized-declared',
    title: 'a 5 MiB manifest announced by its Content-Length (the cap is 4 MiB)',
    rules: c => [
      headWithoutDigest(c),
      {
        method: GET,
        path: tagOf(c),
        fault: { kind: 'oversize', bytes: 5 * 1024 * 1024, declareLength: true }
      }
    ],
    expected: { hit: /response of 5242880 bytes exceeds the 4194304-byte limit/ },
    requests: c => [[GET, tagOf(c), 1]],
    faults: 2
  },
  {
    id: 'oversized-streamed',
    title: 'a 5 MiB manifest streamed without a Content-Length',
    rules: c => [
      headWithoutDigest(c),
      {
        method: GET,
        path: tagOf(c),
        fault: { kind: 'oversize', bytes: 5 * 1024 * 1024, declareLength: false }
      }
    ],
    expected: { hit: /response exceeds the 4194304-byte limit/ },
    requests: c => [[GET, tagOf(c), 1]],
    faults: 2
  },
  {
    id: 'redirect-loop',
    title: 'a manifest that redirects to itself',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'redirect', location: path => path }
      }
    ],
    expected: { hit: /too many redirects/ },
    requests: c => [[HEAD, tagOf(c), 6]],
    faults: 6
  },
  {
    id: 'token-garbage',
    title: 'the token service answers an HTML page instead of JSON',
    rules: () => [
      {
        path: /^\/token\?/,
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: '<html>Service Unavailable</html>'
        }
      }
    ],
    expected: {
      ok: /token service .* answered something that is not JSON/,
      hit: /token service .* answered something that is not JSON/
    },
    // One batched request for both repositories, then one per repository.
    requests: () => [[GET, /^\/token\?/, 3]],
    faults: 3
  },
  {
    id: 'token-missing',
    title: 'the token service answers JSON without a token',
    rules: () => [
      {
        path: /^\/token\?/,
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"expires_in": 300, "issued_at": "2026-01-01T00:00:00Z"}'
        }
      }
    ],
    expected: {
      ok: /answered without a usable token/,
      hit: /answered without a usable token/
    },
    requests: () => [[GET, /^\/token\?/, 3]],
    faults: 3
  },
  {
    id: 'token-too-short',
    title:
      'the token service answers the token "sha256", which masking would blank in every digest',
    rules: () => [
      {
        path: /^\/token\?/,
        fault: {
          kind: 'status',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"token": "sha256", "expires_in": 300}'
        }
      }
    ],
    expected: {
      ok: /token service 127\.0\.0\.1:\d+ of 127\.0\.0\.1:\d+ answered a token of 6 characters, too short to be a secret/,
      hit: /token service 127\.0\.0\.1:\d+ of 127\.0\.0\.1:\d+ answered a token of 6 characters, too short to be a secret/
    },
    requests: () => [[GET, /^\/token\?/, 3]],
    faults: 3,
    check: run => {
      // Never masked, so the digests in the log stay whole.
      expect(run.masked).not.toContain('sha256')
    }
  },
  {
    id: 'token-5xx-burst',
    title: 'the token service answers 503 twice, then a token',
    rules: () => [{ path: /^\/token\?/, times: 2, fault: { kind: 'status', status: 503 } }],
    expected: {},
    requests: () => [[GET, /^\/token\?/, 3]],
    faults: 2
  },
  {
    id: 'forbidden-not-retried',
    title: '403 on the manifest: one fresh token for that repository, then give up',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: { kind: 'status', status: 403 }
      }
    ],
    expected: { hit: /refused credentials from the registry-auth input \(HTTP 403\)/ },
    requests: c => [[HEAD, tagOf(c), 2]],
    faults: 2
  },
  {
    id: 'hostile-error-document',
    title: 'an error document with a huge, multi-line, markdown-laden error code',
    rules: c => [
      { method: HEAD, path: tagOf(c), fault: { kind: 'status', status: 405 } },
      {
        method: GET,
        path: tagOf(c),
        fault: {
          kind: 'status',
          status: 403,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            errors: [
              {
                code: `DENIED ${'A'.repeat(5000)}](https://evil.example/x) <img src=x>\n::error::forged`,
                message: 'no'
              }
            ]
          })
        }
      }
    ],
    expected: { hit: /refused credentials from the registry-auth input \(HTTP 403\)/ },
    requests: c => [
      [HEAD, tagOf(c), 1],
      [GET, tagOf(c), 2]
    ],
    faults: 3
  },
  {
    id: 'hostile-content-type',
    title: 'a 4 KB content type full of markup',
    rules: c => [
      {
        method: HEAD,
        path: tagOf(c),
        fault: {
          kind: 'rewrite',
          setHeaders: { 'content-type': `text/<b>${'x'.repeat(4000)}</b>` }
        }
      }
    ],
    expected: { hit: /unexpected content type "text\/<b>x+…" for a manifest/ },
    requests: c => [[HEAD, tagOf(c), 1]],
    faults: 1
  }
]

describe('network faults', () => {
  let registry: RegistryHandle

  beforeAll(async () => {
    // Anonymous pull refused: every digest the action writes proves the credentials were used.
    registry = await startRegistry({
      auth: 'token',
      anonymousPull: false,
      users: { [USER]: PASSWORD }
    })
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it.each(SCENARIOS.map(s => [testName(s.id, s.title), s] as const))('%s', async (_name, s) => {
    const ok = await registry.pushImage(`${s.id}/ok`, 'v1', { seed: `${s.id} ok` })
    const hit = await registry.pushImage(`${s.id}/hit`, 'v1', { seed: `${s.id} hit` })
    const context: Context = {
      hit: `/v2/${s.id}/hit/`,
      bogus: sha256(`bogus ${s.id}`),
      hitManifest: hit.bytes,
      hitDigest: hit.digest
    }
    const proxy = await startFaultProxy({ upstream: registry.url, rules: s.rules(context) })
    const workspace = makeWorkspace(`fault-${s.id}`)
    try {
      const entries: EntrySpec[] = [
        {
          name: 'ok',
          repository: `${s.id}/ok`,
          tag: 'v1',
          old: sha256(`old ${s.id} ok`),
          truth: ok.digest
        },
        {
          name: 'hit',
          repository: `${s.id}/hit`,
          tag: 'v1',
          ...(s.hitPlatform ? { platform: s.hitPlatform } : {}),
          old: sha256(`old ${s.id} hit`),
          truth: hit.digest
        }
      ]
      const before = configText(s.id, proxy.host, entries)
      write(workspace.configPath, before)
      const run = await runBounded({
        workspace,
        registryAuth: { [proxy.host]: { username: USER, password: PASSWORD } },
        inputs: {
          'max-attempts': String(s.maxAttempts ?? 3),
          ...(s.oneAtATime ? { concurrency: '1' } : {})
        }
      })
      const tokens = tokensSeen(proxy)
      const obs = observe({
        run,
        before,
        after: readText(workspace.configPath),
        entries,
        secrets: [PASSWORD, GITHUB_TOKEN, ...tokens]
      })
      const failures = obs.failed.map(f => `${f.name} failed: ${f.error}`)
      record({
        group: 'Network faults',
        id: s.id,
        title: s.title,
        faults: proxy.faultsInjected(),
        wrongDigests: obs.wrongDigests.length,
        secretsLeaked: obs.leaks.length,
        outcome:
          `exit ${run.exitCode}; ` +
          (failures.length > 0 ? failures.join('; ') : 'every entry updated to its true digest')
      })

      expectOutcome(obs, entries, s.expected)
      expect(proxy.faultsInjected()).toBe(s.faults)
      for (const [method, path, count] of s.requests?.(context) ?? []) {
        const seen = proxy.requests().filter(r => r.method === method && path.test(r.path))
        expect({ method, path: String(path), count: seen.length }).toEqual({
          method,
          path: String(path),
          count
        })
      }
      // Every secret the action held was masked, including the tokens it was given.
      expect(run.masked).toEqual(expect.arrayContaining([PASSWORD, GITHUB_TOKEN, ...tokens]))
      expect(workspace.siblings()).toEqual(['containers.yml'])
      s.check?.(run)
    } finally {
      await proxy.stop()
      workspace.cleanup()
    }
  })
})
