/**
 * What a signature says it signs, read from its payload: cosign's simple-signing JSON and
 * the in-toto statements inside DSSE envelopes (Sigstore bundles, build provenance). Pure;
 * every value is untrusted until the signature over these bytes was verified.
 */
import { type Digest, isDigest } from '../oci/digest.js'

/** cosign's `critical` section: the only part a verifier may rely on. */
export interface SimpleSigning {
  dockerManifestDigest: Digest
  dockerReference?: string
}

/** The simple-signing payload's signed digest, or a one-line reason it is not one. */
export function parseSimpleSigning(bytes: Uint8Array): SimpleSigning | string {
  const json = parseJson(bytes)
  const critical = record(record(json)?.critical)
  if (!critical) return 'the payload is not a cosign simple-signing document'
  if (critical.type !== 'cosign container image signature')
    return 'the payload is not a cosign container image signature'
  const digest = record(critical.image)?.['docker-manifest-digest']
  if (typeof digest !== 'string' || !isDigest(digest))
    return 'the payload names no docker-manifest-digest'
  const reference = record(critical.identity)?.['docker-reference']
  return {
    dockerManifestDigest: digest,
    dockerReference: typeof reference === 'string' ? reference : undefined
  }
}

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1'
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

export interface InTotoStatement {
  predicateType: string
  /** `sha256:<hex>` of each subject. */
  subjects: Digest[]
  predicate: Record<string, unknown>
}

export function parseStatement(bytes: Uint8Array): InTotoStatement | string {
  const json = record(parseJson(bytes))
  if (!json || typeof json._type !== 'string' || !json._type.startsWith('https://in-toto.io/'))
    return 'the payload is not an in-toto statement'
  const subjects: Digest[] = []
  for (const subject of Array.isArray(json.subject) ? json.subject : []) {
    const hex = record(record(subject)?.digest)?.sha256
    const digest = `sha256:${String(hex)}`
    if (typeof hex === 'string' && isDigest(digest)) subjects.push(digest)
  }
  return {
    predicateType: typeof json.predicateType === 'string' ? json.predicateType : '',
    subjects,
    predicate: record(json.predicate) ?? {}
  }
}

/**
 * The source repository (`owner/repo`) and workflow file of a SLSA v1 provenance made by a
 * GitHub workflow (actions/attest-build-provenance): `externalParameters.workflow`.
 */
export function provenanceSource(
  statement: InTotoStatement
): { repository: string; url: string; workflow?: string } | undefined {
  if (statement.predicateType !== SLSA_PROVENANCE_V1) return undefined
  const definition = record(statement.predicate.buildDefinition)
  const workflow = record(record(definition?.externalParameters)?.workflow)
  const url = workflow?.repository
  if (typeof url !== 'string') return undefined
  const match = /^https:\/\/[^/]+\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url)
  if (!match) return undefined
  return {
    repository: match[1]!,
    url: url.replace(/(?:\.git)?\/?$/, ''),
    workflow: typeof workflow?.path === 'string' ? workflow.path : undefined
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown
  } catch {
    return undefined
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
