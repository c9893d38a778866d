import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { parseConfig } from '../../src/domain/config.js'
import { type Digest, parseDigest } from '../../src/domain/oci/digest.js'
import type { ImageFacts } from '../../src/domain/oci/image-facts.js'
import { RegistryClient } from '../../src/adapters/registry/client.js'
import { silentLogger } from '../../src/adapters/registry/http.js'
import { computeMoves } from '../../src/run/moves.js'
import { lookUpUpstream } from '../../src/run/upstream.js'

const d = (seed: string): Digest =>
  parseDigest(`sha256:${createHash('sha256').update(seed).digest('hex')}`)
const OLD = d('old')
const NEW = d('new')

function setup() {
  const config = parseConfig(
    'c.yml',
    `containers:\n  - name: app\n    image: registry.example/acme/app:1\n    digest: "${OLD}"\n`,
    {}
  )
  const moves = computeMoves(config, [
    { entry: config.entries[0]!, status: 'updated', previous: OLD, current: NEW }
  ])
  const sent: string[] = []
  const client = new RegistryClient({
    credentials: { lookup: async () => undefined, fallback: () => undefined },
    maxAttempts: 1,
    fetch: async (url, init) => {
      sent.push(`${init.method} ${new URL(url).pathname}`)
      return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', { status: 404 })
    }
  })
  return { moves, client, sent }
}

const labelled = (digest: Digest, revision: string, labelsRead = true): ImageFacts => ({
  digest,
  platforms: [],
  isIndex: false,
  labels: labelsRead
    ? {
        'org.opencontainers.image.source': 'https://github.com/acme/app',
        'org.opencontainers.image.revision': revision
      }
    : {},
  labelsRead
})

describe('upstream links from the image facts', () => {
  it('reads the labels the facts stage read, asking the registry nothing', async () => {
    const { moves, client, sent } = setup()
    const facts = [labelled(OLD, 'aaa'), labelled(NEW, 'bbb')]
    const info = await lookUpUpstream(client, moves, silentLogger, (_r, digest) =>
      facts.find(f => f.digest === digest)
    )
    expect(info).toEqual([
      { source: 'https://github.com/acme/app', previousRevision: 'aaa', currentRevision: 'bbb' }
    ])
    expect(sent).toEqual([])
  })

  it('asks the registry when the facts came from a source without labels (Docker Hub)', async () => {
    const { moves, client, sent } = setup()
    const facts = [labelled(NEW, 'bbb', false)]
    const info = await lookUpUpstream(client, moves, silentLogger, (_r, digest) =>
      facts.find(f => f.digest === digest)
    )
    expect(info).toEqual([{}])
    expect(sent.filter(line => line.startsWith('GET /v2/acme/app/manifests/'))).toHaveLength(2)
  })
})
