/**
 * Events that announce a freshly pushed image (`repository_dispatch` from the publisher,
 * `registry_package` from GHCR). An announcement is a hint to run now, never a source of
 * truth: every field is untrusted, and the registry's answer always wins.
 */
import { isDigest } from './oci/digest.js'
import {
  type ImageReference,
  ReferenceError,
  isValidTag,
  parseImageReference,
  repositoryName
} from './oci/reference.js'

export interface ImageAnnouncement {
  event: 'repository_dispatch' | 'registry_package'
  /** Canonical `registry/repository`. */
  image: string
  reference: ImageReference
  tag?: string
  digest?: string
}

export type EventHint =
  | { kind: 'none' }
  | { kind: 'announcement'; announcement: ImageAnnouncement }
  /** The event cannot name an image (an untagged manifest of a multi-arch push): nothing to do. */
  | { kind: 'skip'; reason: string }
  /** The payload was malformed: warn, then run as a normal full update. */
  | { kind: 'ignored'; warning: string }

const MAX_FIELD = 512

function field(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new Error(`${name} is not a string`)
  if (value.length > MAX_FIELD) throw new Error(`${name} is longer than ${MAX_FIELD} characters`)
  return value.trim() === '' ? undefined : value.trim()
}

function object(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function announcement(
  event: ImageAnnouncement['event'],
  imageText: string,
  tag: string | undefined,
  digest: string | undefined
): ImageAnnouncement {
  const reference = referenceIn(imageText, 'image')
  const effectiveTag = tag ?? reference.tag
  if (effectiveTag !== undefined && !isValidTag(effectiveTag))
    throw new Error('tag is not a valid tag')
  if (digest !== undefined && !isDigest(digest))
    throw new Error('digest is not sha256: followed by 64 lower-case hex digits')
  return {
    event,
    image: repositoryName(reference),
    reference,
    tag: effectiveTag,
    digest: digest ?? reference.digest
  }
}

/**
 * `package_url` names the registry the package lives on (`ghcr.io/owner/name:tag`, or the
 * `containers.` host of a GitHub Enterprise Server); older payloads only have the namespace
 * and name, which on github.com mean GHCR.
 */
function packageImage(
  pkg: Record<string, unknown>,
  version: Record<string, unknown> | undefined
): string {
  const url = field(version?.package_url, 'package_version.package_url')
  if (url) {
    // GHCR names are lower case; the tag and digest here are read from their own fields.
    return repositoryName(referenceIn(url.toLowerCase(), 'package_version.package_url'))
  }
  const namespace = field(pkg.namespace, 'registry_package.namespace')
  const name = field(pkg.name, 'registry_package.name')
  if (!namespace || !name) throw new Error('registry_package.namespace or name is missing')
  return `ghcr.io/${namespace.toLowerCase()}/${name.toLowerCase()}`
}

function referenceIn(text: string, name: string): ImageReference {
  try {
    return parseImageReference(text)
  } catch (error) {
    if (error instanceof ReferenceError)
      throw new Error(`${name} is not a valid image reference`, { cause: error })
    throw error
  }
}

/** Reads the hint from the event that started the workflow; never throws on payload content. */
export function readEventHint(eventName: string | undefined, payload: unknown): EventHint {
  if (eventName !== 'repository_dispatch' && eventName !== 'registry_package')
    return { kind: 'none' }
  try {
    const root = object(payload)
    if (!root) throw new Error('the event payload is not an object')
    if (eventName === 'repository_dispatch') {
      const client = object(root.client_payload)
      const image = field(client?.image, 'client_payload.image')
      if (!client || !image) throw new Error('client_payload.image is missing')
      return {
        kind: 'announcement',
        announcement: announcement(
          eventName,
          image,
          field(client.tag, 'client_payload.tag'),
          field(client.digest, 'client_payload.digest')
        )
      }
    }
    const action = field(root.action, 'action')
    if (action !== 'published' && action !== 'updated')
      return { kind: 'skip', reason: `the package was ${action ?? 'changed'}, not published` }
    const pkg = object(root.registry_package)
    if (!pkg) throw new Error('registry_package is missing')
    const type = field(pkg.package_type, 'registry_package.package_type')?.toLowerCase()
    if (type !== 'container')
      return {
        kind: 'skip',
        reason: `the published package is a ${type ?? 'unknown'} package, not a container image`
      }
    const version = object(pkg.package_version)
    const metadata = object(version?.container_metadata)
    const tag = field(object(metadata?.tag)?.name, 'container_metadata.tag.name')
    if (!tag)
      return {
        kind: 'skip',
        reason: 'the event is for an untagged manifest (one per platform of a multi-arch push)'
      }
    const digest =
      field(object(metadata?.tag)?.digest, 'container_metadata.tag.digest') ??
      field(version?.version, 'package_version.version')
    return {
      kind: 'announcement',
      announcement: announcement(
        eventName,
        packageImage(pkg, version),
        tag,
        digest?.startsWith('sha256:') ? digest : undefined
      )
    }
  } catch (error) {
    return {
      kind: 'ignored',
      warning: `ignoring the ${eventName} payload: ${error instanceof Error ? error.message : String(error)}; running a normal update`
    }
  }
}

/** The announced reference as plain text; the renderers escape it. */
export function announcedReference(a: ImageAnnouncement): string {
  return `${a.image}${a.tag ? `:${a.tag}` : ''}`
}
