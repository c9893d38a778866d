/**
 * Where credentials may go. A second loopback address (127.0.0.2) stands in for another
 * host: the registry redirects to it or names it as its token service, and every
 * Authorization header it receives is a leak. Every artifact of every run, the pull request
 * included, is searched for the secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type FaultProxy, type FaultRule, startFaultProxy } from '../../scripts/faults/proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { annotations } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import {
  type EntrySpec,
  type Expected,
  GITHUB_TOKEN,
  type Observation,
  PASSWORD,
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

const OTHER_HOST = '127.0.0.2'
/** A signed storage URL's query: a secret of the storage, never to be logged. */
const SIGNATURE = 'X-Amz-Signature=f00dfacecafe0123456789abcdef-SIGNED'
const HELPER_SECRET = 'helper-Secret-5d2b-NEVER-PRINT'
const CONFIG = '.github/containers.yml'
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`

interface Setup {
  registry: RegistryHandle
  /** The registry as the action sees it. */
  front: FaultProxy
  /** Another host. */
  other: FaultProxy
  entries: EntrySpec[]
  /** A scratch directory, removed with the workspace. */
  scratch: string
}

interface CredentialScenario {
  id: string
  title: string
  registry: 'basic' | 'token' | 'token-anonymous'
  /** The other host forwards to the registry with the storage's own credentials. */
  otherForwards?: boolean
  rules: (s: Omit<Setup, 'entries' | 'scratch'>) => FaultRule[]
  expected: Record<string, Expected>
  /** Extra checks on the run. */
  check?: (obs: Observation, s: Setup) => void
  inputs?: (s: Setup) => Record<string, string>
  env?: (s: Setup) => Record<string, string>
  /** Credentials the action is given; the registry-auth input by default. */
  registryAuth?: (s: Setup) => Record<string, { username: string; password: string }>
  extraSecrets?: string[]
}

const hitManifests = (id: string) => new RegExp(`^/v2/${id}/hit/manifests/`)

const SCENARIOS: CredentialScenario[] = [
  {
    id: 'redirect-manifest-other-host',
    title: 'manifest requests redirected to another host (signed storage URL)',
    registry: 'basic',
    otherForwards: true,
    rules: ({ other }) => [
      {
        path: hitManifests('redirect-manifest-other-host'),
        fault: { kind: 'redirect', location: path => `${other.url}${path}?${SIGNATURE}` }
      }
    ],
    expected: {},
    extraSecrets: [SIGNATURE],
    check: (_obs, { other }) => {
      // The other host did answer: the digest came through it, without the credentials.
      expect(other.requests().length).toBeGreaterThan(0)
    }
  },
  {
    id: 'redirect-plain-http-non-loopback',
    title: 'a redirect to plain HTTP on a host that is not loopback is refused',
    registry: 'basic',
    rules: () => [
      {
        method: 'HEAD',
        path: hitManifests('redirect-plain-http-non-loopback'),
        fault: { kind: 'redirect', location: `http://storage.example.invalid/blob?${SIGNATURE}` }
      }
    ],
    expected: {
      hit: /refusing redirect to insecure or unsupported URL http:\/\/storage\.example\.invalid\/blob\?…/
    },
    extraSecrets: [SIGNATURE],
    check: (_obs, { front }) => {
      const heads = front
        .requests()
        .filter(
          r => r.method === 'HEAD' && hitManifests('redirect-plain-http-non-loopback').test(r.path)
        )
      expect(heads).toHaveLength(1)
    }
  },
  {
    id: 'realm-other-host-refused',
    title: 'a token realm on another host gets no credentials; it refuses anonymous access',
    registry: 'token',
    rules: ({ front, other }) => [
      {
        path: /^\/v2\//,
        fault: {
          kind: 'rewrite',
          mapHeaders: { 'www-authenticate': v => v.split(front.url).join(other.url) }
        }
      }
    ],
    otherForwards: true,
    expected: {
      ok: /refused anonymous access .*the registry-auth input was not sent to token service 127\.0\.0\.2:\d+ because it is plain HTTP/,
      hit: /refused anonymous access .*the registry-auth input was not sent to token service 127\.0\.0\.2:\d+ because it is plain HTTP/
    },
    check: (obs, { other }) => {
      expect(other.requests().filter(r => r.path.startsWith('/token?')).length).toBeGreaterThan(0)
      expect(annotations(obs.run, 'warning')).toContainEqual(
        expect.stringMatching(
          /not sending the registry-auth input to token service 127\.0\.0\.2:\d+ because it is plain HTTP; asking for an anonymous token instead/
        )
      )
    }
  },
  {
    id: 'realm-other-host-anonymous',
    title: 'a token realm on another host gets an anonymous token request only',
    registry: 'token-anonymous',
    rules: ({ front, other }) => [
      {
        path: /^\/v2\//,
        fault: {
          kind: 'rewrite',
          mapHeaders: { 'www-authenticate': v => v.split(front.url).join(other.url) }
        }
      }
    ],
    otherForwards: true,
    expected: {},
    check: (_obs, { other }) => {
      expect(other.requests().filter(r => r.path.startsWith('/token?')).length).toBeGreaterThan(0)
    }
  },
  {
    id: 'realm-plain-http-non-loopback',
    title: 'a token realm on plain HTTP on a host that is not loopback is refused',
    registry: 'token',
    rules: () => [
      {
        path: /^\/v2\//,
        fault: {
          kind: 'rewrite',
          mapHeaders: {
            'www-authenticate': v =>
              v.replace(/realm="[^"]*"/, 'realm="http://token.example.invalid/token"')
          }
        }
      }
    ],
    expected: {
      ok: /points its token service at plain-HTTP http:\/\/token\.example\.invalid\/token; add the host to insecure-registries/,
      hit: /points its token service at plain-HTTP http:\/\/token\.example\.invalid\/token; add the host to insecure-registries/
    }
  },
  {
    id: 'realm-with-userinfo',
    title: 'a token realm whose URL carries a user name and password of its own',
    registry: 'token',
    rules: ({ front }) => [
      {
        path: /^\/v2\//,
        fault: {
          kind: 'rewrite',
          mapHeaders: {
            'www-authenticate': v =>
              v.split(front.url).join(front.url.replace('//', '//planted:s3cr3t-in-realm@'))
          }
        }
      }
    ],
    expected: {
      ok: /sent a token realm with credentials in its URL/,
      hit: /sent a token realm with credentials in its URL/
    },
    extraSecrets: ['s3cr3t-in-realm']
  },
  {
    id: 'docker-config-credentials',
    title: 'credentials from a docker login (Docker config auths) are masked and used',
    registry: 'basic',
    rules: () => [],
    expected: {},
    registryAuth: () => ({}),
    env: ({ front, scratch: dir }) => {
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({
          auths: { [front.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } }
        })
      )
      return { DOCKER_CONFIG: dir }
    }
  },
  {
    id: 'credential-helper',
    title: 'credentials from a Docker credential helper are masked and used',
    registry: 'basic',
    rules: () => [],
    expected: {},
    registryAuth: () => ({}),
    env: ({ front, scratch: dir }) => {
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ credHelpers: { [front.host]: 'reliability' } })
      )
      const helper = join(dir, 'docker-credential-reliability')
      writeFileSync(
        helper,
        `#!/bin/sh\ncat >/dev/null\necho '${JSON.stringify({ Username: USER, Secret: PASSWORD })}'\necho 'debug: ${HELPER_SECRET}' >&2\n`
      )
      chmodSync(helper, 0o755)
      return { DOCKER_CONFIG: dir, PATH: `${dir}:${process.env.PATH ?? ''}` }
    },
    extraSecrets: [HELPER_SECRET]
  }
]

describe('credential safety', () => {
  const registries: Partial<Record<CredentialScenario['registry'], RegistryHandle>> = {}

  beforeAll(async () => {
    const users = { [USER]: PASSWORD }
    registries.basic = await startRegistry({ auth: 'basic', users })
    registries.token = await startRegistry({ auth: 'token', anonymousPull: false, users })
    registries['token-anonymous'] = await startRegistry({
      auth: 'token',
      anonymousPull: true,
      users
    })
  })

  afterAll(async () => {
    for (const registry of Object.values(registries)) await registry?.stop()
  })

  it.each(SCENARIOS.map(s => [testName(s.id, s.title), s] as const))('%s', async (_name, s) => {
    const registry = registries[s.registry]!
    const ok = await registry.pushImage(`${s.id}/ok`, 'v1', { seed: `${s.id} ok` })
    const hit = await registry.pushImage(`${s.id}/hit`, 'v1', { seed: `${s.id} hit` })
    const other = await startFaultProxy({
      upstream: registry.url,
      host: OTHER_HOST,
      ...(s.otherForwards && registry.auth === 'basic'
        ? { upstreamHeaders: { authorization: BASIC } }
        : {})
    })
    const front = await startFaultProxy({ upstream: registry.url })
    front.setRules(s.rules({ registry, front, other }))
    const workspace = makeWorkspace(`cred-${s.id}`)
    try {
      const entries: EntrySpec[] = ['ok', 'hit'].map(name => ({
        name,
        repository: `${s.id}/${name}`,
        tag: 'v1',
        old: sha256(`old ${s.id} ${name}`),
        truth: name === 'ok' ? ok.digest : hit.digest
      }))
      const scratch = join(workspace.dir, 'scratch')
      mkdirSync(scratch)
      const setup: Setup = { registry, front, other, entries, scratch }
      const before = configText(s.id, front.host, entries)
      write(workspace.configPath, before)
      const run = await runBounded({
        workspace,
        registryAuth: s.registryAuth?.(setup) ?? {
          [front.host]: { username: USER, password: PASSWORD }
        },
        inputs: s.inputs?.(setup),
        env: s.env?.(setup)
      })
      const tokens = tokensSeen(front)
      const obs = observe({
        run,
        before,
        after: readText(workspace.configPath),
        entries,
        secrets: [PASSWORD, GITHUB_TOKEN, ...tokens, ...(s.extraSecrets ?? [])],
        otherHosts: [other]
      })
      record({
        group: 'Credential safety',
        id: s.id,
        title: s.title,
        faults: front.faultsInjected(),
        wrongDigests: obs.wrongDigests.length,
        secretsLeaked: obs.leaks.length,
        outcome: describeOutcome(obs, other)
      })

      expectOutcome(obs, entries, s.expected)
      expect(run.masked).toEqual(expect.arrayContaining([PASSWORD, ...tokens]))
      s.check?.(obs, setup)
    } finally {
      await front.stop()
      await other.stop()
      workspace.cleanup()
    }
  })

  describe('through a pull request', () => {
    let github: FakeGitHub
    const id = 'pull-request-path'
    const title =
      'a pull request from a run with a redirected blob, a failed entry and hostile names'

    beforeAll(async () => {
      github = await startFakeGitHub({
        owner: 'acme',
        repo: 'builds',
        token: GITHUB_TOKEN,
        files: { [CONFIG]: '# placeholder\ncontainers: []\n' }
      })
    })

    afterAll(async () => {
      await github?.stop()
    })

    it(testName(id, title), async () => {
      const registry = registries.basic!
      const labels = (revision: string) => ({
        'org.opencontainers.image.source': 'https://github.com/acme/app',
        'org.opencontainers.image.revision': revision
      })
      const oldOk = await registry.pushImage(`${id}/ok`, 'v1', {
        seed: 'old ok',
        labels: labels('1111111111111111111111111111111111111111')
      })
      const ok = await registry.pushImage(`${id}/ok`, 'v1', {
        seed: 'new ok',
        labels: labels('2222222222222222222222222222222222222222')
      })
      const hit = await registry.pushImage(`${id}/hit`, 'v1', { seed: 'hit' })
      const other = await startFaultProxy({
        upstream: registry.url,
        host: OTHER_HOST,
        upstreamHeaders: { authorization: BASIC }
      })
      const front = await startFaultProxy({
        upstream: registry.url,
        rules: [
          {
            name: 'blob to storage',
            method: 'GET',
            path: new RegExp(`^/v2/${id}/ok/blobs/`),
            fault: { kind: 'redirect', location: path => `${other.url}${path}?${SIGNATURE}` }
          },
          {
            method: 'HEAD',
            path: new RegExp(`^/v2/${id}/hit/manifests/`),
            fault: { kind: 'status', status: 503 }
          }
        ]
      })
      const workspace = makeWorkspace('cred-pr')
      try {
        const hostileName = 'ok <img src=x onerror=alert(1)> [click](https://evil.example) @admin'
        const entries: EntrySpec[] = [
          {
            name: hostileName,
            repository: `${id}/ok`,
            tag: 'v1',
            old: oldOk.digest,
            truth: ok.digest
          },
          {
            name: 'hit',
            repository: `${id}/hit`,
            tag: 'v1',
            old: sha256('old hit'),
            truth: hit.digest
          }
        ]
        const before = configText(id, front.host, entries)
        github.commit('main', { [CONFIG]: before }, 'Add the config')
        write(workspace.configPath, before)
        const run = await runBounded({
          workspace,
          registryAuth: { [front.host]: { username: USER, password: PASSWORD } },
          inputs: {
            'pull-request': 'true',
            token: GITHUB_TOKEN,
            title: 'chore: digests'
          },
          env: { GITHUB_API_URL: github.url }
        })
        const obs = observe({
          run,
          before,
          after: readText(workspace.configPath),
          entries,
          secrets: [PASSWORD, GITHUB_TOKEN, SIGNATURE, ...tokensSeen(front)],
          otherHosts: [other],
          github,
          repoPath: CONFIG
        })
        const pull = github.pulls()[0]
        record({
          group: 'Credential safety',
          id,
          title,
          faults: front.faultsInjected(),
          wrongDigests: obs.wrongDigests.length,
          secretsLeaked: obs.leaks.length,
          outcome: `${describeOutcome(obs, other)}; pull request ${pull ? `#${pull.number} ${pull.state}` : 'not opened'}`
        })

        expectOutcome(obs, entries, { hit: /answered HTTP 503/ })
        expect(run.outputs['pull-request-operation']).toBe('created')
        expect(pull).toBeDefined()
        // The proposal moves only the verified digest; the failed entry keeps its pin there too.
        const proposed = github.readFile(pull!.head.sha, CONFIG)!
        expect(proposed).toBe(before.replace(oldOk.digest, ok.digest))
        // The labels were read through the redirect, without the credentials.
        expect(other.requests().length).toBeGreaterThan(0)
        expect(pull!.body).toContain(
          'compare/1111111111111111111111111111111111111111...2222222222222222222222222222222222222222'
        )
        // Untrusted text from the config cannot render as HTML, a link or a mention.
        for (const text of [pull!.body ?? '', run.summary]) {
          expect(text).not.toContain('<img')
          expect(text).not.toContain('](https://evil.example)')
          expect(text).not.toContain(' @admin')
        }
      } finally {
        await front.stop()
        await other.stop()
        workspace.cleanup()
      }
    })
  })
})

function describeOutcome(obs: Observation, other: FaultProxy): string {
  const failures = obs.failed.map(f => `${f.name} failed: ${f.error}`)
  const reached = other.requests().length
  return [
    `exit ${obs.run.exitCode}`,
    failures.length > 0 ? failures.join('; ') : 'every entry updated to its true digest',
    `other host reached ${reached} time(s), ${other.requests().filter(r => r.authorization).length} with credentials`
  ].join('; ')
}
