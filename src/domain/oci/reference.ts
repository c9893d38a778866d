/**
 * Image reference parsing with Docker's normalisation rules (distribution/reference):
 * `nginx` is `docker.io/library/nginx`, the first path segment is a registry host only
 * when it contains `.` or `:`, is `localhost`, or has upper-case letters.
 */
import { UpdaterError } from '../errors.js'

export const DOCKER_HUB = 'docker.io'
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])
/** Where Docker Hub's registry API actually lives. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io'

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/

export interface ImageReference {
  /** Canonical registry name (`docker.io`, `ghcr.io`, `localhost:5000`). */
  registry: string
  /** Repository path inside the registry (`library/nginx`, `rust-cross/rust-musl-cross`). */
  repository: string
  tag?: string
  digest?: string
}

export class ReferenceError extends UpdaterError {
  override name = 'ReferenceError'
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag)
}

function isValidDomain(domain: string): boolean {
  const colon = domain.lastIndexOf(':')
  let host = domain
  if (colon !== -1 && !domain.endsWith(']')) {
    const port = domain.slice(colon + 1)
    if (!/^\d{1,5}$/.test(port)) return false
    host = domain.slice(0, colon)
  }
  if (IPV6_HOST.test(host)) return true
  return host.split('.').every(part => DOMAIN_COMPONENT.test(part))
}

export function parseImageReference(input: string): ImageReference {
  const text = input.trim()
  if (text === '') throw new ReferenceError('image reference is empty')
  if (/\s/.test(text)) throw new ReferenceError(`image reference "${input}" contains white space`)

  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      throw new ReferenceError(`image reference "${input}" has a malformed digest`)
    }
  }

  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!isValidTag(tag))
      throw new ReferenceError(`image reference "${input}" has an invalid tag "${tag}"`)
  }

  let registry = DOCKER_HUB
  let path = rest
  const firstSlash = rest.indexOf('/')
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash)
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      registry = first
      path = rest.slice(firstSlash + 1)
      if (!isValidDomain(registry)) {
        throw new ReferenceError(
          `image reference "${input}" has an invalid registry host "${registry}"`
        )
      }
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) {
    registry = DOCKER_HUB
    if (!path.includes('/')) path = `library/${path}`
  }

  if (path === '' || !path.split('/').every(c => PATH_COMPONENT.test(c))) {
    throw new ReferenceError(
      `image reference "${input}" has an invalid repository "${path}" ` +
        '(lower-case letters, digits and . _ - separators only)'
    )
  }
  if (registry.length + 1 + path.length > 255) {
    throw new ReferenceError(`image reference "${input}" is longer than 255 characters`)
  }
  return { registry, repository: path, tag, digest }
}

/** The host that serves the registry API for a canonical registry name. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry
}

/** `registry/repository`, the form used in logs, matrices and keys. */
export function repositoryName(ref: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`
}

/**
 * The one identity key of an image as a run resolves it: the canonical repository, its tag
 * (`:tag`) or digest (`@sha256:…`), and the platform. Config entries with equal keys resolve
 * to the same digest, so this one key matches an entry across copies of the config, keys the
 * registry client's answers and the upstream labels, and (with the name) finds duplicates.
 */
export function imageKey(
  ref: Pick<ImageReference, 'registry' | 'repository' | 'tag' | 'digest'>,
  platform?: { text: string }
): string {
  return `${formatImageReference(ref)}|${platform?.text ?? ''}`
}

export function formatImageReference(ref: ImageReference): string {
  let text = repositoryName(ref)
  if (ref.tag) text += `:${ref.tag}`
  if (ref.digest) text += `@${ref.digest}`
  return text
}
