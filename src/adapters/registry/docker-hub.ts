/**
 * Docker Hub's tags API (`hub.docker.com/v2/namespaces/…/tags/<tag>`): a tag's platforms,
 * their sizes and push times, without a manifest GET. On Docker Hub every manifest GET counts
 * as a pull against a small hourly limit, and this API is not counted, so a moved Docker Hub
 * image costs no more pulls for its details. It is a different host from the registry: no
 * registry credential is ever sent to it.
 */
import type { Digest } from '../../domain/oci/digest.js'
import { isDigest } from '../../domain/oci/digest.js'
import type { ImageFacts, PlatformImage } from '../../domain/oci/image-facts.js'
import { formatPlatform, type Platform, platformMatches } from '../../domain/oci/platform.js'
import { type HttpTransport, RegistryError } from './http.js'
import { isLoopbackHost } from './hosts.js'
import { createdAt, isPlatformText } from './facts.js'
import type { TagRef } from './manifest.js'

export const DOCKER_HUB_API = 'https://hub.docker.com'
/**
 * Test-only: points the tags API at a loopback fake. Anything but a loopback URL is ignored,
 * so the variable cannot send a run's questions anywhere else.
 */
export const TEST_DOCKER_HUB_API_ENV = 'IMAGE_DIGEST_UPDATER_TEST_DOCKER_HUB_API'

const ANSWER_LIMIT = 1024 * 1024

export function dockerHubApiFromEnv(env: Record<string, string | undefined>): string | undefined {
  const value = env[TEST_DOCKER_HUB_API_ENV]
  if (!value) return undefined
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) && isLoopbackHost(url.host) ? url.origin : undefined
  } catch {
    return undefined
  }
}

interface HubImage {
  architecture?: unknown
  os?: unknown
  variant?: unknown
  digest?: unknown
  size?: unknown
  last_pushed?: unknown
}

interface HubTag {
  digest?: unknown
  last_pushed?: unknown
  images?: unknown
}

/**
 * The facts of the digest `ref`'s tag points to on Docker Hub: an index's platforms (or, for
 * a platform digest, that one image), each image's size as the Hub states it, and the push
 * time. The Hub knows no layers, base or labels: `layers` stay empty and `labelsRead` false.
 * Undefined when the Hub's answer is about another digest (the tag moved again).
 */
export async function readDockerHubFacts(
  transport: HttpTransport,
  api: string,
  ref: TagRef,
  digest: Digest,
  platform: Platform | undefined
): Promise<ImageFacts | undefined> {
  const [namespace, ...rest] = ref.repository.split('/')
  const path = `/v2/namespaces/${encodeURIComponent(namespace!)}/repositories/${encodeURIComponent(rest.join('/'))}/tags/${encodeURIComponent(ref.tag)}`
  const response = await transport.request({
    method: 'GET',
    url: `${api}${path}`,
    origin: new URL(api).host,
    headers: { Accept: 'application/json' },
    maxBodyBytes: ANSWER_LIMIT
  })
  const where = `Docker Hub's tags API for ${ref.repository}:${ref.tag}`
  if (response.status !== 200)
    throw new RegistryError('invalid-response', `${where} answered ${response.status}`)
  let tag: HubTag
  try {
    tag = JSON.parse(response.body.toString('utf8')) as HubTag
  } catch {
    throw new RegistryError('invalid-response', `${where} did not answer JSON`)
  }
  const images = (Array.isArray(tag.images) ? (tag.images as HubImage[]) : [])
    .map(hubImage)
    .filter((i): i is PlatformImage & { pushed: unknown } => i !== undefined)
  const created = createdAt(tag.last_pushed, 'docker-hub')
  if (tag.digest === digest && images.length > 0) {
    return {
      digest,
      created,
      platforms: images.map(({ pushed: _pushed, ...image }) => image),
      isIndex: images.length > 1 || images[0]!.digest !== digest,
      labels: {},
      labelsRead: false
    }
  }
  const image = images.find(
    i => i.digest === digest && (!platform || platformMatches(platform, parse(i.platform)))
  )
  if (!image) return undefined
  const { pushed, ...only } = image
  return {
    digest,
    created: createdAt(pushed, 'docker-hub') ?? created,
    platforms: [only],
    isIndex: false,
    labels: {},
    labelsRead: false
  }
}

function hubImage(image: HubImage): (PlatformImage & { pushed: unknown }) | undefined {
  const os = typeof image.os === 'string' ? image.os : undefined
  const architecture = typeof image.architecture === 'string' ? image.architecture : undefined
  const variant = typeof image.variant === 'string' && image.variant ? image.variant : undefined
  if (!os || os === 'unknown' || !architecture || architecture === 'unknown') return undefined
  if (typeof image.digest !== 'string' || !isDigest(image.digest)) return undefined
  if (typeof image.size !== 'number' || !Number.isSafeInteger(image.size) || image.size < 0)
    return undefined
  const platform = formatPlatform({ os, architecture, variant })
  if (!isPlatformText(platform)) return undefined
  return {
    platform,
    digest: image.digest,
    size: image.size,
    layers: [],
    pushed: image.last_pushed
  }
}

function parse(text: string): { os: string; architecture?: string; variant?: string } {
  const [os, architecture, variant] = text.split('/')
  return { os: os!, architecture, variant }
}
