/**
 * The digest-based target-state pattern, as a service would write it: resolve each image
 * once when the desired state is stored, store the pinned form, and keep the tag when it
 * cannot be resolved (so the state is still valid, just not pinned). Only the package's
 * public entry is imported, by its name.
 */
import {
  type ImageDigest,
  type ResolveOptions,
  resolveImageDigest,
  resolveImageDigests
} from 'image-digest-updater'

export interface StoredImage {
  image: string
  pinned: boolean
  why?: string
}

export async function storeDesiredState(
  references: readonly string[],
  registryAuth: string
): Promise<{ answers: ImageDigest[]; stored: StoredImage[] }> {
  const options: ResolveOptions = {
    credentials: { registryAuth, dockerConfig: false },
    concurrency: 4,
    timeout: 10_000,
    maxAttempts: 2,
    logger: { warn: () => undefined }
  }
  const answers = await resolveImageDigests(references, options)
  const stored = answers.map(answer =>
    answer.pinned !== null
      ? { image: answer.pinned, pinned: true }
      : { image: answer.reference, pinned: false, why: answer.error ?? 'unknown' }
  )
  return { answers, stored }
}

/** One image, as a caller with a single reference writes it. */
export async function pinOne(reference: string, registryAuth: string): Promise<string> {
  const answer: ImageDigest = await resolveImageDigest(reference, {
    credentials: { registryAuth }
  })
  const digest: `sha256:${string}` | null = answer.digest
  return digest === null ? reference : `${reference.split('@')[0]}@${digest}`
}

/** Never called: the declarations are real types, not `any`, so these misuses must not compile. */
export function misuses(answer: ImageDigest): unknown[] {
  return [
    // @ts-expect-error credentials are 'none' or an object
    resolveImageDigest('nginx', { credentials: 'anonymous' }),
    // @ts-expect-error references are a list
    resolveImageDigests('nginx'),
    // @ts-expect-error an answer has no `tag`
    answer.tag
  ]
}
