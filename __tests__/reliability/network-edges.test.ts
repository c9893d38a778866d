/**
 * Edges of the network the action must hold: a host that never answers costs the run one
 * request's attempts and no more, a certificate the runner does not trust is named as such
 * (never hidden behind plain HTTP), a credential helper that hangs is cut off, a challenge
 * cannot widen the scope the action asks for, and a `*.localhost` name is not loopback on
 * its word. A second loopback address (127.0.0.2) stands in for another host.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { type AddressInfo, type Socket, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createTlsServer } from 'node:tls'
import { type FaultProxy, type FaultRule, startFaultProxy } from '../../scripts/faults/proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { annotations } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import {
  type EntrySpec,
  type Expected,
  GITHUB_TOKEN,
  type Observation,
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

const OTHER_HOST = '127.0.0.2'

interface Setup {
  registry: RegistryHandle
  front: FaultProxy
  other: FaultProxy
  /** The registry name the config uses: the front proxy's host unless the scenario says. */
  host: string
  scratch: string
  /** PEM of the certificate the TLS front presents. */
  certificate: string
}

interface EdgeScenario {
  id: string
  title: string
  registry: 'basic' | 'token' | 'token-anonymous'
  frontRules?: (s: Pick<Setup, 'front' | 'other'>) => FaultRule[]
  otherRules?: FaultRule[]
  /** Put a TLS listener with a self-signed certificate in front of the front proxy. */
  tls?: boolean
  /** The registry name in the config, when it is not the front (or TLS) host. */
  host?: (s: Pick<Setup, 'front'>) => string
  inputs?: Record<string, string>
  env?: (s: Setup) => Record<string, string>
  registryAuth?: (s: Setup) => Record<string, { username: string; password: string }>
  expected: Record<string, Expected>
  check?: (obs: Observation, s: Setup) => void | Promise<void>
}

const tokenRequestsAt = (proxy: FaultProxy) =>
  proxy.requests().filter(r => r.path.startsWith('/token?'))

const SCENARIOS: EdgeScenario[] = [
  {
    id: 'dead-token-host',
    title:
      'the token service accepts connections and never answers: asked max-attempts times in all',
    registry: 'token-anonymous',
    frontRules: ({ front, other }) => [
      {
        path: /^\/v2\//,
        fault: {
          kind: 'rewrite',
          mapHeaders: { 'www-authenticate': v => v.split(front.url).join(other.url) }
        }
      }
    ],
    otherRules: [{ path: /^\/token\?/, fault: { kind: 'stall' } }],
    inputs: { 'max-attempts': '2' },
    expected: {
      ok: new RegExp(
        `127\\.0\\.0\\.2:\\d+ timed out on 2 requests in a row \\(${REQUEST_TIMEOUT_MS} ms each\\) and answered none; not asking it again in this run`
      ),
      hit: new RegExp(
        `127\\.0\\.0\\.2:\\d+ timed out on 2 requests in a row \\(${REQUEST_TIMEOUT_MS} ms each\\) and answered none; not asking it again in this run`
      )
    },
    check: (obs, { other }) => {
      // The batched token request's two attempts; no entry asked the dead host again.
      expect(tokenRequestsAt(other)).toHaveLength(2)
      for (const f of obs.failed) expect(f.error).toMatch(/^127\.0\.0\.1:\d+\/dead-token-host\//)
    }
  },
  {
    id: 'tls-untrusted',
    title: 'a loopback registry on HTTPS with a certificate the runner does not trust',
    registry: 'basic',
    tls: true,
    expected: {
      ok: /GET https:\/\/127\.0\.0\.1:\d+\/v2\/ failed: DEPTH_ZERO_SELF_SIGNED_CERT .*TLS certificate is not trusted.*NODE_EXTRA_CA_CERTS/,
      hit: /GET https:\/\/127\.0\.0\.1:\d+\/v2\/ failed: DEPTH_ZERO_SELF_SIGNED_CERT .*TLS certificate is not trusted.*NODE_EXTRA_CA_CERTS/
    },
    check: (obs, { front }) => {
      // Nothing went out in plain HTTP: the registry behind the TLS listener saw no request.
      expect(front.requests()).toEqual([])
      expect(obs.run.stdout).not.toMatch(/http:\/\/127\.0\.0\.1/)
    }
  },
  {
    id: 'tls-trusted-extra-ca',
    title: 'the same registry with its certificate in NODE_EXTRA_CA_CERTS, as the advice says',
    registry: 'basic',
    tls: true,
    env: ({ scratch, certificate }) => {
      writeFileSync(join(scratch, 'ca.pem'), certificate)
      return { NODE_EXTRA_CA_CERTS: join(scratch, 'ca.pem') }
    },
    expected: {}
  },
  {
    id: 'credential-helper-hangs',
    title: 'a Docker credential helper that never answers is cut off after request-timeout',
    registry: 'basic',
    registryAuth: () => ({}),
    env: ({ host, scratch }) => {
      writeFileSync(
        join(scratch, 'config.json'),
        JSON.stringify({ credHelpers: { [host]: 'hang' } })
      )
      const helper = join(scratch, 'docker-credential-hang')
      writeFileSync(helper, '#!/bin/sh\nsleep 600\n')
      chmodSync(helper, 0o755)
      return { DOCKER_CONFIG: scratch, PATH: `${scratch}:${process.env.PATH ?? ''}` }
    },
    expected: {
      ok: /refused anonymous access \(HTTP 401\)/,
      hit: /refused anonymous access \(HTTP 401\)/
    },
    check: obs => {
      expect(annotations(obs.run, 'warning')).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `docker-credential-hang did not answer within ${REQUEST_TIMEOUT_MS} ms for 127\\.0\\.0\\.1:\\d+; continuing without its credentials`
          )
        )
      )
    }
  },
  {
    id: 'challenge-scope-push',
    title: 'a challenge asking for push and pull on the repository, and for another repository',
    registry: 'token',
    frontRules: ({ front }) => [
      {
        method: 'HEAD',
        path: /^\/v2\/challenge-scope-push\/hit\/manifests\//,
        times: 1,
        fault: {
          kind: 'status',
          status: 401,
          headers: {
            'www-authenticate': `Bearer realm="${front.url}/token",service="test-registry",scope="repository:challenge-scope-push/hit:push,pull"`
          }
        }
      },
      {
        method: 'HEAD',
        path: /^\/v2\/challenge-scope-push\/ok\/manifests\//,
        times: 1,
        fault: {
          kind: 'status',
          status: 401,
          headers: {
            'www-authenticate': `Bearer realm="${front.url}/token",service="test-registry",scope="repository:challenge-scope-push/secret:pull,push repository:challenge-scope-push/ok:pull"`
          }
        }
      }
    ],
    expected: {},
    check: async (_obs, { registry }) => {
      const scopes = (await registry.tokenRequests()).flatMap(r => r.scopes)
      expect(scopes.length).toBeGreaterThan(0)
      for (const scope of scopes)
        expect(scope).toMatch(/^repository:challenge-scope-push\/(ok|hit):pull$/)
    }
  },
  {
    id: 'localhost-subdomain',
    title: 'a registry named reg.localhost that does not resolve gets no plain-HTTP attempt',
    registry: 'basic',
    host: ({ front }) => `reg.localhost:${front.host.split(':')[1]}`,
    inputs: { 'max-attempts': '1' },
    expected: {
      ok: /GET https:\/\/reg\.localhost:\d+\/v2\/ failed: ENOTFOUND/,
      hit: /GET https:\/\/reg\.localhost:\d+\/v2\/ failed: ENOTFOUND/
    },
    check: obs => {
      expect(obs.run.stdout).not.toMatch(/http:\/\/reg\.localhost/)
    }
  }
]

/** A self-signed certificate for 127.0.0.1, made fresh for the run. */
function makeCertificate(dir: string): { key: string; cert: string } {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem')
    ],
    { stdio: 'ignore' }
  )
  return {
    key: readText(join(dir, 'key.pem')),
    cert: readText(join(dir, 'cert.pem'))
  }
}

interface TlsFront {
  host: string
  stop(): Promise<void>
}

/** Terminates TLS on 127.0.0.1 and pipes the plain bytes to `port`. */
async function startTlsFront(port: number, key: string, cert: string): Promise<TlsFront> {
  const sockets = new Set<Socket>()
  const server = createTlsServer({ key, cert }, client => {
    const upstream = connect(port, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    client.pipe(upstream).pipe(client)
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

describe('network edges', () => {
  const registries: Partial<Record<EdgeScenario['registry'], RegistryHandle>> = {}
  let certDir: string
  let tls: { key: string; cert: string }

  beforeAll(async () => {
    const users = { [USER]: PASSWORD }
    registries.basic = await startRegistry({ auth: 'basic', users })
    registries.token = await startRegistry({ auth: 'token', anonymousPull: false, users })
    registries['token-anonymous'] = await startRegistry({
      auth: 'token',
      anonymousPull: true,
      users
    })
    certDir = mkdtempSync(join(tmpdir(), 'edges-cert-'))
    tls = makeCertificate(certDir)
  })

  afterAll(async () => {
    for (const registry of Object.values(registries)) await registry?.stop()
    rmSync(certDir, { recursive: true, force: true })
  })

  it.each(SCENARIOS.map(s => [testName(s.id, s.title), s] as const))('%s', async (_name, s) => {
    const registry = registries[s.registry]!
    const ok = await registry.pushImage(`${s.id}/ok`, 'v1', { seed: `${s.id} ok` })
    const hit = await registry.pushImage(`${s.id}/hit`, 'v1', { seed: `${s.id} hit` })
    if (registry.auth === 'token') await registry.resetTokenRequests()
    const other = await startFaultProxy({
      upstream: registry.url,
      host: OTHER_HOST,
      rules: s.otherRules ?? []
    })
    const front = await startFaultProxy({ upstream: registry.url })
    front.setRules(s.frontRules?.({ front, other }) ?? [])
    const tlsFront = s.tls
      ? await startTlsFront(Number(front.host.split(':')[1]), tls.key, tls.cert)
      : undefined
    const workspace = makeWorkspace(`edge-${s.id}`)
    try {
      const host = s.host?.({ front }) ?? tlsFront?.host ?? front.host
      const entries: EntrySpec[] = ['ok', 'hit'].map(name => ({
        name,
        repository: `${s.id}/${name}`,
        tag: 'v1',
        old: sha256(`old ${s.id} ${name}`),
        truth: name === 'ok' ? ok.digest : hit.digest
      }))
      const scratch = join(workspace.dir, 'scratch')
      mkdirSync(scratch)
      const setup: Setup = { registry, front, other, host, scratch, certificate: tls.cert }
      const before = configText(s.id, host, entries)
      write(workspace.configPath, before)
      const run = await runBounded({
        workspace,
        registryAuth: s.registryAuth?.(setup) ?? { [host]: { username: USER, password: PASSWORD } },
        inputs: s.inputs,
        env: s.env?.(setup)
      })
      const tokens = tokensSeen(front)
      const obs = observe({
        run,
        before,
        after: readText(workspace.configPath),
        entries,
        secrets: [PASSWORD, GITHUB_TOKEN, ...tokens],
        otherHosts: [other]
      })
      const failures = obs.failed.map(f => `${f.name} failed: ${f.error}`)
      record({
        group: 'Network edges',
        id: s.id,
        title: s.title,
        faults: front.faultsInjected() + other.faultsInjected(),
        wrongDigests: obs.wrongDigests.length,
        secretsLeaked: obs.leaks.length,
        outcome:
          `exit ${run.exitCode}; ` +
          (failures.length > 0 ? failures.join('; ') : 'every entry updated to its true digest')
      })

      expectOutcome(obs, entries, s.expected)
      await s.check?.(obs, setup)
    } finally {
      await tlsFront?.stop()
      await front.stop()
      await other.stop()
      workspace.cleanup()
    }
  })
})
