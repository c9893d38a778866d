// long-file: one class holds the run's caches of tags, manifests, configs and served digests; split, two caches could disagree about one digest
/**
 * The registry client: resolves a tag (and optionally a platform) to a verified digest,
 * and fetches manifests and blobs. Knows nothing of GitHub or of config files.
 */
import type { CredentialSource } from './credentials.js'
import { type Digest, isDigest, sha256Digest } from '../../domain/oci/digest.js'
import {
  type Platform,
  type PlatformDescriptor,
  formatPlatform,
  platformMatches
} from '../../domain/oci/platform.js'
import { imageKey, registryApiHost } from '../../domain/oci/reference.js'
import { RegistrySession } from './auth.js'
import { explainAnswer } from './explain.js'
import { type HttpResponse, HttpTransport, RegistryError, type TransportOptions } from './http.js'
import {
  BLOB_LIMIT,
  INDEX_TYPES,
  type ImageConfig,
  MANIFEST_ACCEPT,
  MANIFEST_LIMIT,
  type Manifest,
  type RepositoryRef,
  type ResolvedDigest,
  type TagRef,
  checkMediaType,
  describe,
  selectPlatform,
  stringRecord,
  verifiedManifest
} from './manifest.js'
import { untrustedText } from '../../domain/text/untrusted.js'
import { DOCKER_HUB_API } from './docker-hub.js'
import { RATE_LIMIT_SKIP, type RateLimitBudget } from './rate-limit.js'

const tagKey = (ref: RepositoryRef & { tag?: string }) => `${ref.repository}:${ref.tag}`

const MEDIA_TYPES_INDEX = 'application/vnd.oci.image.index.v1+json'

export {
  type ImageConfig,
  MANIFEST_ACCEPT,
  MEDIA_TYPES,
  type Manifest,
  type ManifestJson,
  type RepositoryRef,
  type ResolvedDigest,
  type TagRef
} from './manifest.js'

interface Resolution extends ResolvedDigest {
  /**
   * What must still be proved before the digest may be written: nothing when it was computed
   * from the manifest's own bytes; for a HEAD's Docker-Content-Digest header (`tag-header`),
   * that the registry serves bytes hashing to it; for a platform digest read from an index
   * (`index-entry`), that the registry serves it at all, since the index's bytes were hashed
   * but an index can name any digest.
   */
  unproven?: 'tag-header' | 'index-entry'
}

export interface RegistryClientOptions extends TransportOptions {
  credentials: CredentialSource
  onSecret?: (secret: string) => void
  /** Docker Hub's tags API origin; `https://hub.docker.com` unless a test points it at a fake. */
  dockerHubApi?: string
}

export class RegistryClient {
  readonly transport: HttpTransport
  private readonly sessions = new Map<string, RegistrySession>()
  private readonly resolutions = new Map<string, Promise<Resolution>>()
  /** Manifests by digest: content-addressed, so one fetch serves every later use. */
  private readonly manifests = new Map<string, Promise<Manifest>>()
  /** Manifests by tag, for this run: several entries may need the same tag's manifest. */
  private readonly tagManifests = new Map<string, Promise<Manifest>>()
  /** Image configs by repository and digest: content-addressed blobs, read once per run. */
  private readonly configs = new Map<string, Promise<ImageConfig>>()
  /** Digests a HEAD proved the registry serves, for this run. */
  private readonly servedDigests = new Map<string, Promise<void>>()

  readonly dockerHubApi: string

  constructor(private readonly options: RegistryClientOptions) {
    this.transport = new HttpTransport(options)
    this.dockerHubApi = options.dockerHubApi ?? DOCKER_HUB_API
  }

  /**
   * What each registry has left in its rate-limit window. Stages that read optional details
   * ask `budget.allowOptional(registry, cost)` before each read and report it as skipped
   * ("details skipped: rate limit") when refused.
   */
  get budget(): RateLimitBudget {
    return this.transport.budget
  }

  private session(registry: string): RegistrySession {
    let session = this.sessions.get(registry)
    if (!session) {
      session = new RegistrySession({
        registry,
        apiHost: registryApiHost(registry),
        transport: this.transport,
        credentials: this.options.credentials,
        onSecret: this.options.onSecret
      })
      this.sessions.set(registry, session)
    }
    return session
  }

  /** Pings every registry and fetches tokens for all repositories in batched requests. */
  async prepare(refs: ReadonlyArray<RepositoryRef & { tag?: string }>): Promise<void> {
    const byRegistry = new Map<string, string[]>()
    for (const ref of refs) {
      const list = byRegistry.get(ref.registry) ?? []
      list.push(ref.repository)
      byRegistry.set(ref.registry, list)
      // Each tag costs at least one request: optional reads leave room for them.
      if (ref.tag !== undefined) this.budget.expectRequired(ref.registry, [tagKey(ref)])
    }
    await Promise.all(
      [...byRegistry].map(([registry, repositories]) =>
        // A registry that cannot be reached fails each of its entries later, with its own message.
        this.session(registry)
          .prefetch(repositories)
          .catch(() => undefined)
      )
    )
  }

  /**
   * The current digest of `ref`'s tag, or of its `platform` manifest; identical requests share
   * one answer. A digest that differs from `pinned` is about to be written, so when it came
   * from a HEAD header it is verified first: the manifest is fetched by that digest and its
   * bytes must hash to it; when it came from an index, a HEAD by that digest must find it.
   * A registry that names a digest it cannot serve fails the entry.
   */
  async resolveDigest(ref: TagRef, platform?: Platform, pinned?: string): Promise<ResolvedDigest> {
    const key = imageKey(
      { registry: ref.registry, repository: ref.repository, tag: ref.tag },
      platform
    )
    let pending = this.resolutions.get(key)
    if (!pending) {
      pending = platform ? this.resolvePlatform(ref, platform) : this.resolveTag(ref)
      this.resolutions.set(key, pending)
    }
    try {
      const { digest, mediaType, unproven } = await pending
      if (unproven && digest !== pinned) {
        if (unproven === 'tag-header') await this.verifyTagDigest(ref, digest)
        else await this.verifyIndexEntry(ref, digest, platform!)
      }
      return { digest, mediaType }
    } finally {
      this.budget.settleRequired(ref.registry, tagKey(ref))
    }
  }

  /**
   * Whether the registry still serves the manifest `digest` (one HEAD by digest): false when
   * it answers 404; throws when it cannot tell (a transport failure, 401, 5xx).
   */
  async isServed(ref: RepositoryRef, digest: Digest): Promise<boolean> {
    const head = await this.send(ref, 'HEAD', `/manifests/${encodeURIComponent(digest)}`, {
      Accept: MANIFEST_ACCEPT
    })
    if (head.status === 404) return false
    if (head.status !== 200) throw await this.explain({ ...ref, tag: digest }, head)
    return true
  }

  /**
   * One HEAD by digest with the full Accept list: the registry must answer 200 with a manifest
   * type and, if it names a digest, that one. The bytes need not be fetched: the index's own
   * bytes were hashed, so the digest it names can only be of the manifest it means.
   */
  private async verifyIndexEntry(ref: TagRef, digest: string, platform: Platform): Promise<void> {
    const pending = this.servedDigests.get(`${ref.registry}/${ref.repository}@${digest}`)
    if (pending) return pending
    const check = (async () => {
      const target = { ...ref, tag: digest }
      const head = await this.send(ref, 'HEAD', `/manifests/${encodeURIComponent(digest)}`, {
        Accept: MANIFEST_ACCEPT
      })
      if (head.status === 404) {
        throw new RegistryError(
          'digest-mismatch',
          `${describe(ref)}: the index of tag "${ref.tag}" names ${digest} for ${platform.text}, but ${ref.registry} has no manifest with that digest`,
          404
        )
      }
      if (head.status !== 200) throw await this.explain(target, head)
      checkMediaType(target, head)
      const claimed = head.headers.get('docker-content-digest')?.trim()
      if (claimed && claimed !== digest) {
        throw new RegistryError(
          'digest-mismatch',
          `${describe(target)}: the registry claims digest ${untrustedText(claimed, 80)} for it`
        )
      }
    })()
    this.servedDigests.set(`${ref.registry}/${ref.repository}@${digest}`, check)
    // A failure may be transient: only what was proved is kept.
    check.catch(() => this.servedDigests.delete(`${ref.registry}/${ref.repository}@${digest}`))
    return check
  }

  private async verifyTagDigest(ref: TagRef, digest: string): Promise<void> {
    try {
      await this.fetchManifest(ref, digest)
    } catch (error) {
      if (error instanceof RegistryError && error.kind === 'not-found') {
        throw new RegistryError(
          'digest-mismatch',
          `${describe(ref)}: ${ref.registry} names ${digest} for tag "${ref.tag}", but has no manifest with that digest`,
          error.status
        )
      }
      throw error
    }
  }

  private async resolveTag(ref: TagRef): Promise<Resolution> {
    const head = await this.send(ref, 'HEAD', `/manifests/${encodeURIComponent(ref.tag)}`, {
      Accept: MANIFEST_ACCEPT
    })
    if (head.status === 200) {
      const mediaType = checkMediaType(ref, head)
      const claimed = head.headers.get('docker-content-digest')?.trim()
      if (claimed && isDigest(claimed))
        return { digest: claimed, mediaType, unproven: 'tag-header' }
      // No usable digest header (a SHOULD in spec 1.1): hash the exact bytes instead.
    } else if (head.status !== 404 && head.status !== 405 && head.status !== 501) {
      throw await this.explain(ref, head)
    }
    const manifest = await this.tagManifest(ref)
    return { digest: manifest.digest, mediaType: manifest.mediaType }
  }

  /**
   * The manifest a tag points to, fetched once per run however many entries need it: a
   * matrix that pins several platforms of one tag reads its index once (on Docker Hub every
   * manifest GET counts as a pull).
   */
  private tagManifest(ref: TagRef): Promise<Manifest> {
    const key = `${ref.registry}/${ref.repository}:${ref.tag}`
    let pending = this.tagManifests.get(key)
    if (!pending) {
      pending = this.fetchManifest(ref, ref.tag)
      this.tagManifests.set(key, pending)
    }
    return pending
  }

  private async resolvePlatform(ref: TagRef, platform: Platform): Promise<Resolution> {
    const manifest = await this.tagManifest(ref)
    if (INDEX_TYPES.has(manifest.mediaType))
      return { ...selectPlatform(ref, manifest, platform), unproven: 'index-entry' }
    const config = await this.fetchConfig(ref, manifest)
    const actual: PlatformDescriptor = {
      os: config.os,
      architecture: config.architecture,
      variant: config.variant
    }
    if (!platformMatches(platform, actual)) {
      throw new RegistryError(
        'platform',
        `${describe(ref)} is a single ${formatPlatform(actual)} image, not a multi-platform index with ${platform.text}`
      )
    }
    return { digest: manifest.digest, mediaType: manifest.mediaType }
  }

  /**
   * The labels and annotations of the image behind `digest`: for an index, those of its
   * `platform` manifest, merged over the index's own annotations. Costs GET requests, so
   * it is only used for digests that moved.
   */
  async imageLabels(
    ref: RepositoryRef,
    digest: Digest,
    platform: Platform
  ): Promise<Record<string, string>> {
    // The index, the platform's manifest and its config: optional, like every detail.
    if (!this.budget.allowOptional(ref.registry, 3))
      throw new RegistryError('rate-limited', `details skipped: ${RATE_LIMIT_SKIP}`)
    let manifest = await this.fetchManifest(ref, digest)
    const labels: Record<string, string> = { ...stringRecord(manifest.json.annotations) }
    if (INDEX_TYPES.has(manifest.mediaType)) {
      const chosen = selectPlatform({ ...ref, tag: digest }, manifest, platform)
      manifest = await this.fetchManifest(ref, chosen.digest)
      Object.assign(labels, stringRecord(manifest.json.annotations))
    }
    const config = await this.fetchConfig(ref, manifest)
    return Object.assign(labels, stringRecord(config.config?.Labels))
  }

  /** GETs a manifest by tag or digest and checks that its bytes hash to the digest the registry claims. */
  fetchManifest(ref: RepositoryRef, reference: string): Promise<Manifest> {
    if (!isDigest(reference)) return this.getManifest(ref, reference)
    const key = `${ref.registry}/${ref.repository}@${reference}`
    let pending = this.manifests.get(key)
    if (!pending) {
      pending = this.getManifest(ref, reference)
      this.manifests.set(key, pending)
      // A failure may be transient: only what was verified is kept.
      pending.catch(() => this.manifests.delete(key))
    }
    return pending
  }

  private async getManifest(ref: RepositoryRef, reference: string): Promise<Manifest> {
    if (reference.includes(':') && !isDigest(reference)) {
      throw new RegistryError(
        'invalid-response',
        `refusing to request malformed digest ${JSON.stringify(reference)}`
      )
    }
    const response = await this.send(ref, 'GET', `/manifests/${encodeURIComponent(reference)}`, {
      Accept: MANIFEST_ACCEPT
    })
    const tagRef = { ...ref, tag: reference }
    if (response.status !== 200) throw await this.explain(tagRef, response)
    return verifiedManifest(tagRef, reference, response)
  }

  /**
   * The OCI 1.1 referrers index of `digest`, or undefined when the registry has no referrers
   * API (404, 400, 405, 501: distribution 2.8 among them), so the caller tries the fallback tag.
   */
  async fetchReferrers(ref: RepositoryRef, digest: Digest): Promise<Manifest | undefined> {
    const response = await this.send(ref, 'GET', `/referrers/${digest}`, {
      Accept: MEDIA_TYPES_INDEX
    })
    if ([400, 404, 405, 501].includes(response.status)) return undefined
    const tagRef = { ...ref, tag: digest }
    if (response.status !== 200) throw await this.explain(tagRef, response)
    return verifiedManifest(tagRef, 'referrers', response)
  }

  /** GETs a blob by digest (following redirects to storage without credentials) and verifies it. */
  async fetchBlob(ref: RepositoryRef, digest: string): Promise<Buffer> {
    if (!isDigest(digest))
      throw new RegistryError(
        'invalid-response',
        `refusing to request malformed digest ${JSON.stringify(digest)}`
      )
    const response = await this.send(ref, 'GET', `/blobs/${digest}`, {})
    if (response.status !== 200) throw await this.explain({ ...ref, tag: digest }, response)
    if (sha256Digest(response.body) !== digest) {
      throw new RegistryError(
        'digest-mismatch',
        `${describe({ ...ref, tag: digest })}: blob bytes do not match their digest`
      )
    }
    return response.body
  }

  /** The image config a manifest names, fetched once per run (resolution, facts and labels share it). */
  fetchConfig(ref: RepositoryRef, manifest: Manifest): Promise<ImageConfig> {
    const digest = manifest.json.config?.digest
    if (typeof digest !== 'string') {
      return Promise.reject(
        new RegistryError(
          'invalid-response',
          `${describe({ ...ref, tag: manifest.digest })}: manifest has no config`
        )
      )
    }
    const key = `${ref.registry}/${ref.repository}@${digest}`
    let pending = this.configs.get(key)
    if (!pending) {
      pending = this.readConfig(ref, digest)
      this.configs.set(key, pending)
      pending.catch(() => this.configs.delete(key))
    }
    return pending
  }

  private async readConfig(ref: RepositoryRef, digest: string): Promise<ImageConfig> {
    const blob = await this.fetchBlob(ref, digest)
    try {
      return JSON.parse(blob.toString('utf8')) as ImageConfig
    } catch {
      throw new RegistryError(
        'invalid-response',
        `${describe({ ...ref, tag: digest })}: image config is not JSON`
      )
    }
  }

  private async send(
    ref: RepositoryRef,
    method: 'GET' | 'HEAD',
    path: string,
    headers: Record<string, string>
  ): Promise<HttpResponse> {
    const session = this.session(ref.registry)
    const url = await session.url(`/v2/${ref.repository}${path}`)
    const maxBodyBytes = path.startsWith('/blobs/') ? BLOB_LIMIT : MANIFEST_LIMIT
    const attempt = async (): Promise<HttpResponse> =>
      this.transport.request({
        method,
        url,
        origin: session.apiHost,
        headers: { ...headers, ...(await session.authorization(ref.repository)) },
        maxBodyBytes
      })
    let response = await attempt()
    if (
      (response.status === 401 || response.status === 403) &&
      (await session.renew(ref.repository, response))
    ) {
      response = await attempt()
    }
    this.budget.observe(ref.registry, response.headers)
    return response
  }

  /** Turns a non-200 answer into an error that says what is wrong and what to try. */
  private explain(ref: TagRef, response: HttpResponse): Promise<RegistryError> {
    return explainAnswer(this.session(ref.registry), ref, response)
  }
}
