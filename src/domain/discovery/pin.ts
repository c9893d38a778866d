/**
 * What discovery does with each reference it found: refresh a pinned one, pin a tag-only one
 * (with `pin`), pin one with neither tag nor digest (with `pin-untagged`, as `latest`), or
 * leave it. A reference through a mirror is resolved at its upstream (`registry-map`) and
 * written back as it was written. The rewrite changes the reference's characters only.
 */
import { type Digest, isDigest } from '../oci/digest.js'
import { type ImageReference, parseImageReference, repositoryName } from '../oci/reference.js'
import type { FoundReference } from './model.js'

export interface PinSettings {
  /** Add a digest to tag-only references. */
  pin: boolean
  /** Also pin references with neither tag nor digest, as their `latest` tag. */
  pinUntagged: boolean
  /** Globs of repositories left alone (`docker.io/library/*`, `ghcr.io/acme/**`, `nginx`). */
  ignore: readonly string[]
  registryMap: readonly RegistryMapping[]
}

/** `mirror=upstream`: both canonical `host[/path]` prefixes. */
export interface RegistryMapping {
  mirror: string
  upstream: string
}

export interface PlannedReference {
  /** The reference as written, parsed (the mirror's form, when it goes through one). */
  written: ImageReference
  /** Where it is resolved: the upstream's repository and the tag. */
  resolve: ImageReference & { tag: string }
  /** The digest it is pinned to now, if any. */
  previous?: Digest
}

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** `Host/Path` as references compare: host lower-case, Docker Hub's aliases as docker.io. */
function canonicalPrefix(text: string): string {
  const [host = '', ...path] = text.trim().replace(/\/+$/, '').split('/')
  const lower = host.toLowerCase()
  return [DOCKER_HUB_HOSTS.has(lower) ? 'docker.io' : lower, ...path].join('/')
}

/** The registry-map input's lines; a bad line throws a message naming it and the form wanted. */
export function parseRegistryMap(lines: readonly string[]): RegistryMapping[] {
  return lines.map((line, i) => {
    const [mirror, upstream, extra] = line.split('=').map(s => s.trim())
    const valid = (side: string | undefined) =>
      !!side && /^[A-Za-z0-9.:[\]-]+(?:\/[a-z0-9._-]+)*$/.test(side)
    if (extra !== undefined || !valid(mirror) || !valid(upstream))
      throw new Error(
        `line ${i + 1} "${line}" is not mirror=upstream (for example mirror.example.com/library=docker.io/library)`
      )
    return { mirror: canonicalPrefix(mirror!), upstream: canonicalPrefix(upstream!) }
  })
}

/** The upstream reference a mirror's repository is resolved at; the reference itself when none maps it. */
export function upstreamOf(
  ref: ImageReference & { tag: string },
  mappings: readonly RegistryMapping[]
): ImageReference & { tag: string } {
  const name = repositoryName(ref)
  const best = mappings
    .filter(m => name === m.mirror || name.startsWith(`${m.mirror}/`))
    .sort((a, b) => b.mirror.length - a.mirror.length)[0]
  if (!best) return ref
  const mapped = parseImageReference(`${best.upstream}${name.slice(best.mirror.length)}:${ref.tag}`)
  return { ...mapped, tag: ref.tag }
}

function globPattern(glob: string): RegExp {
  const body = glob
    .trim()
    .split(/(\*\*|\*)/)
    .map(part =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    )
    .join('')
  return new RegExp(`^${body}$`)
}

/** True when an `ignore` glob names the repository, canonical (`docker.io/library/nginx`) or as written. */
export function isIgnored(
  ref: ImageReference,
  written: string,
  ignore: readonly string[]
): boolean {
  const bare = written.replace(/[@].*$/, '').replace(/:[^:/]*$/, '')
  const names = [repositoryName(ref), bare]
  return ignore.some(glob => {
    const pattern = globPattern(glob)
    return names.some(name => pattern.test(name))
  })
}

/** What to do with one found reference; undefined leaves it as it is. */
export function planReference(
  found: FoundReference,
  settings: PinSettings
): PlannedReference | undefined {
  let written: ImageReference
  try {
    written = parseImageReference(found.text)
  } catch {
    return undefined
  }
  if (isIgnored(written, found.text, settings.ignore)) return undefined
  const previous =
    written.digest !== undefined && isDigest(written.digest) ? written.digest : undefined
  // A digest without a tag has nothing to follow: it is what the author chose to hold.
  if (written.tag === undefined && previous !== undefined) return undefined
  if (previous === undefined && written.tag !== undefined && !settings.pin) return undefined
  if (written.tag === undefined && !settings.pinUntagged) return undefined
  const tagged = { ...written, tag: written.tag ?? 'latest' }
  return {
    written,
    resolve: upstreamOf({ ...tagged, digest: undefined }, settings.registryMap),
    previous
  }
}

/** The reference as written, with `digest` in place of the one it had, or added. */
export function withDigest(text: string, digest: Digest): string {
  const at = text.indexOf('@')
  return `${at === -1 ? text : text.slice(0, at)}@${digest}`
}

/** The text with each span replaced; spans must not overlap. Every other character is kept. */
export function replaceSpans(
  text: string,
  replacements: ReadonlyArray<{ start: number; end: number; text: string }>
): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start)
  const pieces: string[] = []
  let copied = 0
  for (const r of sorted) {
    if (r.start < copied) throw new Error(`overlapping replacements at offset ${r.start}`)
    pieces.push(text.slice(copied, r.start), r.text)
    copied = r.end
  }
  pieces.push(text.slice(copied))
  return pieces.join('')
}
