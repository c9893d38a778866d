/** The parsed config's shape, shared by the parser's steps and the rewrite. */
import type { Digest, DigestForm } from '../oci/digest.js'
import type { ImageReference } from '../oci/reference.js'
import type { Platform } from '../oci/platform.js'
import type { EntryPolicy } from '../policy/engine.js'

export const TOP_LEVEL_KEYS = new Set(['image', 'containers'])
export const TAG_KEYS = ['tag', 'image_tag'] as const
export const DIGEST_KEYS = ['digest', 'current_sha'] as const
export const NAME_KEYS = ['name', 'target'] as const

export interface ConfigEntry {
  /** Position in the `containers` list, 0-based. */
  index: number
  /** Display name: `name`, `target`, or the reference when neither is set. */
  name: string
  /** The image as written (entry, file default or input default), for messages. */
  image: string
  reference: ImageReference & { tag: string }
  platform?: Platform
  /** The pinned digest, always `sha256:`-prefixed; undefined means "pin it now". */
  digest?: Digest
  digestKey: string
  digestForm: DigestForm
  /** The entry's own fields as plain data, passed through into the matrix. */
  fields: Record<string, unknown>
  /** 1-based line of the entry, for messages. */
  line: number
  /** Its `min_age`, `immutable`, `platforms` and `max_size`; undefined when it sets none. */
  policy?: EntryPolicy
  /** For a discovered reference (src/run/discover.ts): the file `line` is in, not the config. */
  file?: string
}

export interface ParsedConfig {
  file: string
  source: string
  hasBom: boolean
  entries: ConfigEntry[]
  /** Where each entry's digest lives in `source`, or where a missing one is inserted. */
  digestSlots: DigestSlot[]
  /** The top-level `image`, which wins over the `defaultImage` option. */
  fileImage?: string
}

export type DigestSlot =
  | { kind: 'replace'; start: number; end: number; quote: '' | '"' | "'"; prefix: string }
  | { kind: 'insert'; at: number; prefix: string; separator: ': '; suffix: string }

export interface ParseOptions {
  /** Repository used by entries that name none, when the file has no top-level `image`. */
  defaultImage?: string
  defaultPlatform?: string
}
