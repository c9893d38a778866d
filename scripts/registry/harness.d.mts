/** Types for harness.mjs, which tests (TypeScript), the demo and the benchmark share. */

export type AuthMode = 'none' | 'token' | 'basic'

export interface StartOptions {
  auth?: AuthMode
  /** User name → password, for token and basic auth. Default `{ alice: 'alice-s3cret-pass' }`. */
  users?: Record<string, string>
  /** Token auth: grant pull to anonymous token requests (default true). */
  anonymousPull?: boolean
  /** Token auth: serve the realm on the registry's own host:port, or on a port of its own. */
  realm?: 'same-host' | 'other-host'
  /** Token auth: answer 400 to token requests with more scopes than this. */
  maxScopesPerTokenRequest?: number
}

export interface PushImageOptions {
  /** `os/arch[/variant]`, default linux/amd64. */
  platform?: string
  mediaType?: 'oci' | 'docker'
  /** Changes the layer, hence the digest; random when not given. */
  seed?: string
  labels?: Record<string, string>
  /** The image config's `created` (RFC 3339); none when not given. */
  created?: string
  /** Manifest annotations (e.g. `org.opencontainers.image.base.name`). */
  annotations?: Record<string, string>
  /** A second layer of this many incompressible bytes, derived from the seed. */
  extraLayerBytes?: number
}

export interface PushIndexOptions {
  platforms?: string[]
  mediaType?: 'oci' | 'docker'
  seed?: string
  labels?: Record<string, string>
  /** BuildKit-style unknown/unknown attestation manifests (OCI only; default true). */
  attestations?: boolean
  /** Every platform image's config `created`. */
  created?: string
  /** The index's own annotations. */
  annotations?: Record<string, string>
  /** A second layer of this many bytes in every platform image. */
  extraLayerBytes?: number
}

export interface PushedImage {
  digest: string
  mediaType: string
  configDigest: string
  bytes: Buffer
}

export interface PushedIndex {
  digest: string
  mediaType: string
  manifests: Array<{ platform: string; digest: string }>
  attestations: Array<{ digest: string; subject: string }>
  bytes: Buffer
}

export interface TokenRequest {
  scopes: string[]
  user: string | null
  status: number
}

export interface RegistryHandle {
  /** `http://127.0.0.1:<port>`: the registry, or the token server in front of it (same-host realm). */
  url: string
  /** `127.0.0.1:<port>`, the registry name to use in image references. */
  host: string
  auth: AuthMode
  users: Record<string, string>
  /** Token auth: the token server's own origin (`GET /token`), which the registry names as realm. */
  tokenUrl: string | null
  /** The registry itself, without the token server in front (what `url` is unless the realm is same-host). */
  registryUrl: string
  /** Every process started for this registry, to check that none outlives stop(). */
  pids: number[]
  dir: string
  tokenRequests(): Promise<TokenRequest[]>
  resetTokenRequests(): Promise<void>
  pushImage(repo: string, tag: string, options?: PushImageOptions): Promise<PushedImage>
  pushIndex(repo: string, tag: string, options?: PushIndexOptions): Promise<PushedIndex>
  headDigest(repo: string, tag: string): Promise<string | null>
  deleteTag(repo: string, tag: string): Promise<string>
  /** Deletes a manifest by digest (a platform manifest of an index, say), as a retention policy would. */
  deleteManifest(repo: string, digest: string): Promise<void>
  stop(): Promise<void>
  /** Uploads raw bytes as a blob; returns its digest. */
  pushBlob(repo: string, bytes: Buffer): Promise<string>
  /** PUTs a manifest (any JSON) under `reference`, or by its digest when null. */
  putManifest(
    repo: string,
    reference: string | null,
    mediaType: string,
    json: unknown
  ): Promise<{ digest: string; size: number }>
}

export const MEDIA_TYPES: Readonly<Record<string, string>>
export const MANIFEST_ACCEPT: string
export function startRegistry(options?: StartOptions): Promise<RegistryHandle>
