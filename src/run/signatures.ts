/**
 * The signature stage of a run (issue 16): for each entry whose digest moved, the new and the
 * old digest's signatures are found, verified and compared. With `require` a new digest that
 * is not verified, or whose signer changed, is not proposed: the entry keeps its digest and
 * the update is listed as refused. With `warn` it is proposed with a flag, so auto-merge stays
 * off. Lookups are made for moved digests only, at most `concurrency` at a time, once per
 * digest and run.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ParsedConfig } from '../domain/config.js'
import type { Digest } from '../domain/oci/digest.js'
import { repositoryName } from '../domain/oci/reference.js'
import {
  type HeldUpdate,
  type MoveReview,
  type ProvenanceCheck,
  type SignatureCheck,
  reviewFor
} from '../domain/review.js'
import { type EntrySignaturePolicy, readEntryPolicy } from '../domain/signature/entry-policy.js'
import {
  type DigestSignatures,
  type SignatureVerdict,
  type VerifyMode,
  judgeSignatures
} from '../domain/signature/policy.js'
import { UpdaterError } from '../domain/errors.js'
import { checkWorkspacePath } from '../adapters/fs/workspace-path.js'
import type { RegistryClient, RepositoryRef } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import { KeyError, type TrustedKey, parsePublicKeys } from '../adapters/signature/keys.js'
import { type Trust, type TrustRoot, verifyDigest } from './signature-check.js'

export interface SignatureOptions {
  /** The global mode (`verify-signatures`); an entry's `verify` field wins. */
  mode: VerifyMode
  /** `signature-keys`: PEM keys inline, and/or workspace paths of PEM files, one a line. */
  keys?: string
  /**
   * `sigstore-trusted-root`: workspace path of a trusted-root JSON file; without it, keyless
   * checks use the public-good root shipped with the action.
   */
  trustedRoot?: string
  /** How the edge names its settings, e.g. "the signature-keys input". */
  names: { keys: string; trustedRoot: string }
}

/** What the stage decided for one entry whose digest moved. */
export interface EntrySignatureOutcome {
  index: number
  verdict: SignatureVerdict
  mode: VerifyMode
}

export interface SignatureStage {
  /** Checks the moved entries and returns the results with refused moves reverted. */
  check<R extends StageResult>(
    results: R[],
    client: RegistryClient,
    concurrency: number
  ): Promise<SignatureOutcome<R>>
}

export interface StageResult {
  entry: ParsedConfig['entries'][number]
  status: string
  previous?: Digest
  current?: Digest
}

export interface SignatureOutcome<R> {
  results: R[]
  outcomes: EntrySignatureOutcome[]
  held: HeldUpdate[]
}

/** What withSignatures needs of a run's plan (UpdateResult without `written`). */
interface PlanLike {
  moves: Array<{ entry: { index: number }; key: string; previous?: Digest; current: Digest }>
  updates: Array<{ signature?: SignatureCheck; provenance?: ProvenanceCheck }>
  reviews: MoveReview[]
  held: HeldUpdate[]
}

export class SignatureSettingsError extends UpdaterError {
  override name = 'SignatureSettingsError'
}

/**
 * Reads every entry's signature settings and the keys and trust root they need, before any
 * registry is asked; undefined when no entry verifies anything.
 */
export async function prepareSignatures(
  config: ParsedConfig,
  options: SignatureOptions | undefined,
  workspace: string,
  logger: Logger
): Promise<SignatureStage | undefined> {
  const policies = new Map<number, EntrySignaturePolicy>()
  for (const entry of config.entries) {
    const policy = readEntryPolicy(config.file, entry, options?.mode ?? 'off')
    if (policy.mode !== 'off') policies.set(entry.index, policy)
  }
  if (policies.size === 0) return undefined
  const names = options?.names ?? { keys: 'signature-keys', trustedRoot: 'sigstore-trusted-root' }
  const globalKeys = options?.keys?.trim()
    ? await readKeys(options.keys, names.keys, workspace)
    : []
  const trusts = new Map<number, Trust>()
  for (const [index, policy] of policies) {
    const entry = config.entries[index]!
    const where = `${config.file}:${entry.line}: containers[${index}].signature_key`
    const keys = policy.signatureKey
      ? await readKeys(policy.signatureKey, where, workspace)
      : policy.signedBy
        ? []
        : globalKeys
    if (keys.length === 0 && !policy.signedBy && !policy.provenanceRepository) {
      // A discovered reference has no entry of its own to name a signer in.
      const fix = entry.file
        ? `give keys in ${names.keys}, or name the image in the config with signed_by`
        : `set signature_key or signed_by on the entry, or give keys in ${names.keys}`
      throw new SignatureSettingsError(
        `${entryWhere(config, entry)} must be verified (${policy.mode}) but names no signer: ${fix}`
      )
    }
    trusts.set(index, {
      keys,
      signedBy: policy.signedBy,
      provenance: policy.provenanceRepository !== undefined
    })
  }
  const root: TrustRoot = {
    json: options?.trustedRoot
      ? await readTrustedRoot(options.trustedRoot, names.trustedRoot, workspace)
      : undefined,
    override: names.trustedRoot
  }
  return {
    check: async (results, client, concurrency) => {
      const outcome = await checkMoves(results, client, concurrency, {
        policies,
        trusts,
        root
      })
      for (const { index, verdict, mode } of outcome.outcomes) {
        if (!verdict.alarm) continue
        const entry = config.entries[index]!
        logger.warning(
          `${entryWhere(config, entry)} ${mode === 'require' ? 'is not updated' : 'is updated, but check it'}: signature: ${verdict.alarm}`
        )
      }
      return outcome
    }
  }
}

/** `containers.yml:12: app`; a discovered reference is named by where it was found, and its image. */
function entryWhere(config: ParsedConfig, entry: ParsedConfig['entries'][number]): string {
  return entry.file
    ? `${entry.name}: ${entry.image}`
    : `${config.file}:${entry.line}: ${entry.name}`
}

async function readWorkspaceFile(path: string, label: string, workspace: string): Promise<string> {
  await checkWorkspacePath(workspace, path, `${label} ${path}`)
  try {
    return await readFile(resolve(workspace, path), 'utf8')
  } catch (error) {
    throw new SignatureSettingsError(
      `${label}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error }
    )
  }
}

/** Inline PEM blocks, and every other non-empty line as a workspace path of a PEM file. */
async function readKeys(text: string, label: string, workspace: string): Promise<TrustedKey[]> {
  try {
    const keys: TrustedKey[] = text.includes('-----BEGIN') ? parsePublicKeys(text, label) : []
    const outside = text.replace(/-----BEGIN[\s\S]*?-----END [A-Z ]+-----/g, '')
    for (const line of outside.split('\n').map(l => l.trim())) {
      if (line === '') continue
      const pem = await readWorkspaceFile(line, label, workspace)
      keys.push(...parsePublicKeys(pem, `${label} ${line}`, line))
    }
    return keys
  } catch (error) {
    if (error instanceof KeyError) throw new SignatureSettingsError(error.message)
    throw error
  }
}

async function readTrustedRoot(path: string, label: string, workspace: string): Promise<unknown> {
  const text = await readWorkspaceFile(path, label, workspace)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new SignatureSettingsError(`${label} ${path} is not JSON (a Sigstore trusted root)`)
  }
}

interface Prepared {
  policies: Map<number, EntrySignaturePolicy>
  trusts: Map<number, Trust>
  root: TrustRoot
}

async function checkMoves<R extends StageResult>(
  results: R[],
  client: RegistryClient,
  concurrency: number,
  prepared: Prepared
): Promise<SignatureOutcome<R>> {
  const moved = results.filter(
    r =>
      prepared.policies.has(r.entry.index) &&
      (r.status === 'updated' || r.status === 'pinned') &&
      r.current !== undefined
  )
  const cache = new Map<string, Promise<DigestSignatures>>()
  const lookup = (ref: RepositoryRef, digest: Digest, index: number): Promise<DigestSignatures> => {
    // Per trust as well as digest: two entries may trust different signers of one image.
    const key = `${ref.registry}/${ref.repository}@${digest}#${index}`
    let pending = cache.get(key)
    if (!pending) {
      pending = verifyDigest(client, ref, digest, prepared.trusts.get(index)!, prepared.root)
      cache.set(key, pending)
    }
    return pending
  }
  const outcomes: EntrySignatureOutcome[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < moved.length) {
      const result = moved[next++]!
      const { entry } = result
      const policy = prepared.policies.get(entry.index)!
      const ref = entry.reference
      const [previous, current] = await Promise.all([
        result.previous ? lookup(ref, result.previous, entry.index) : undefined,
        lookup(ref, result.current!, entry.index)
      ])
      const trust = prepared.trusts.get(entry.index)!
      const verdict = judgeSignatures(previous, current, {
        provenanceRepository: policy.provenanceRepository,
        signatureRequired: trust.keys.length > 0 || trust.signedBy !== undefined
      })
      outcomes.push({ index: entry.index, verdict, mode: policy.mode })
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, moved.length)) }, worker)
  )
  return refuse(results, outcomes)
}

/** `require` and an alarm: the entry keeps its digest and the candidate is listed as refused. */
function refuse<R extends StageResult>(
  results: R[],
  outcomes: EntrySignatureOutcome[]
): SignatureOutcome<R> {
  const refused = new Map(
    outcomes.filter(o => o.mode === 'require' && o.verdict.alarm).map(o => [o.index, o])
  )
  const held: HeldUpdate[] = []
  const kept = results.map(r => {
    const outcome = refused.get(r.entry.index)
    if (!outcome || r.current === undefined) return r
    held.push({
      name: r.entry.name,
      image: repositoryName(r.entry.reference),
      tag: r.entry.reference.tag,
      current: r.previous ?? null,
      candidate: r.current,
      reason: `signature: ${outcome.verdict.alarm!}`,
      until: null,
      kind: 'refused'
    })
    return { ...r, status: 'unchanged', current: r.previous }
  })
  return { results: kept, outcomes, held }
}

/** The review of each proposed move, with its signature and a flag for each warning. */
export function signatureReviews(
  outcomes: readonly EntrySignatureOutcome[],
  moves: ReadonlyArray<{
    entry: { index: number }
    key: string
    previous?: Digest
    current: Digest
  }>
): MoveReview[] {
  const byIndex = new Map(outcomes.map(o => [o.index, o]))
  const reviews: MoveReview[] = []
  for (const move of moves) {
    const outcome = byIndex.get(move.entry.index)
    if (!outcome || move.current === move.previous) continue
    reviews.push({
      key: move.key,
      previous: move.previous,
      current: move.current,
      signature: outcome.verdict.signature,
      ...(outcome.verdict.provenance ? { provenance: outcome.verdict.provenance } : {}),
      flags: outcome.verdict.alarm ? [`signature: ${outcome.verdict.alarm}`] : []
    })
  }
  return reviews
}

/** The signature stage's verdicts in the plan: each update's check, its review and the refused. */
export function withSignatures<P extends PlanLike>(
  plan: P,
  signed: SignatureOutcome<StageResult> | undefined
): P {
  if (!signed) return plan
  const byIndex = new Map(signed.outcomes.map(o => [o.index, o.verdict]))
  const moved = plan.moves.filter(m => m.current !== m.previous)
  const updates = plan.updates.map((update, i) => {
    const verdict = byIndex.get(moved[i]!.entry.index)
    if (!verdict) return update
    return {
      ...update,
      signature: verdict.signature,
      ...(verdict.provenance ? { provenance: verdict.provenance } : {})
    }
  })
  return {
    ...plan,
    updates,
    reviews: mergeReviews(plan.reviews, signatureReviews(signed.outcomes, moved)),
    held: [...plan.held, ...signed.held]
  }
}

/**
 * One review per move: when an earlier stage (the image facts) already reviewed a move, its
 * signature, provenance and flags join that review rather than make a second one.
 */
export function mergeReviews(
  reviews: readonly MoveReview[],
  additions: readonly MoveReview[]
): MoveReview[] {
  const merged = reviews.map(r => ({ ...r, flags: [...r.flags] }))
  for (const addition of additions) {
    const existing = reviewFor(merged, addition)
    if (!existing) {
      merged.push(addition)
      continue
    }
    if (addition.signature) existing.signature = addition.signature
    if (addition.provenance) existing.provenance = addition.provenance
    existing.flags.push(...addition.flags)
  }
  return merged
}
