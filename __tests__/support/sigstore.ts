/**
 * A private Sigstore for the tests, offline: @sigstore/mock's Fulcio CA (with a CT log) and
 * Rekor log, and the trusted-root JSON that names them, which the runs get through
 * `sigstore-trusted-root`. `attest` makes what `cosign attest --new-bundle-format` and
 * `actions/attest-build-provenance` push: a Sigstore bundle (v0.3) of a DSSE envelope around
 * an in-toto statement, signed by a short-lived certificate for a workflow identity and
 * logged in Rekor with an inclusion proof. `signLegacy` makes what cosign signed before
 * bundles: a signature over the simple-signing payload, the certificate and chain as PEM, and
 * a hashedrekord entry whose Rekor bundle (`{SignedEntryTimestamp, Payload}`) rides along.
 */
import { type KeyObject, createHash, generateKeyPairSync, sign } from 'node:crypto'
import { initializeCA, initializeTLog } from '@sigstore/mock'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const SLSA_V1 = 'https://slsa.dev/provenance/v1'
const IN_TOTO = 'application/vnd.in-toto+json'
const ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'
const ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'
const REKOR_URL = 'https://rekor.sigstore.mock'

const ecKeys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' })
const der = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' })
const b64 = (bytes: Buffer): string => bytes.toString('base64')

export interface AttestOptions {
  identity: string
  issuer?: string
  predicateType?: string
  predicate?: Record<string, unknown>
  /** Issue the certificate this long before the log entry: more than 10 minutes is expired. */
  certificateAgeMs?: number
  /** Change the payload after signing. */
  tamper?: boolean
}

export interface LegacySignOptions {
  identity: string
  issuer?: string
  /** Change the payload after signing. */
  tamper?: boolean
  /** Sign the entry timestamp with a key the trusted root does not name. */
  forgeSet?: boolean
}

/** A `.sig` layer: its payload and the annotations cosign puts beside it. */
export interface LegacySignature {
  payload: Buffer
  signature: string
  certificate: string
  chain: string
  bundle: string
}

export interface PrivateSigstore {
  trustedRoot: unknown
  attest(digest: string, options: AttestOptions): Promise<unknown>
  signLegacy(payload: Buffer, options: LegacySignOptions): Promise<LegacySignature>
}

export async function privateSigstore(): Promise<PrivateSigstore> {
  const caKeys = ecKeys()
  const ctKeys = ecKeys()
  const tlogKeys = ecKeys()
  // The mock's own CT log signs nothing with the pkijs this tree resolves (a 49-byte SCT),
  // so the SCT is made here, as RFC 6962 3.2 says, with the CT log's key.
  const ctLog = ctLogFor(ctKeys)
  const ca = await initializeCA(caKeys, ctLog)
  const tlog = await initializeTLog(REKOR_URL, tlogKeys)
  const validFor = { start: new Date(Date.now() - 24 * 3600_000).toISOString() }
  const logKey = (keys: ReturnType<typeof ecKeys>, baseUrl: string) => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: b64(der(keys.publicKey)),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor
    },
    logId: { keyId: b64(createHash('sha256').update(der(keys.publicKey)).digest()) }
  })
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logKey(tlogKeys, REKOR_URL)],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: 'https://fulcio.sigstore.mock',
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor
      }
    ],
    ctlogs: [logKey(ctKeys, 'https://ctfe.sigstore.mock')],
    timestampAuthorities: []
  }

  /** A Fulcio certificate for `signer`'s public key, naming the identity and issuer. */
  const certify = (signer: ReturnType<typeof ecKeys>, identity: string, issuer = GITHUB_ISSUER) =>
    ca.issueCertificate({
      publicKey: der(signer.publicKey),
      subjectAltName: identity,
      extensions: [
        { oid: ISSUER_V1, value: issuer, legacy: true },
        { oid: ISSUER_V2, value: issuer }
      ]
    })

  async function attest(digest: string, options: AttestOptions): Promise<unknown> {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'image', digest: { sha256: digest.replace(/^sha256:/, '') } }],
      predicateType: options.predicateType ?? 'https://sigstore.dev/cosign/sign/v1',
      predicate: options.predicate ?? {}
    }
    const signed = Buffer.from(JSON.stringify(statement))
    const signer = ecKeys()
    const certificate = await issueAt(options.certificateAgeMs ?? 0, () =>
      certify(signer, options.identity, options.issuer)
    )
    const pae = Buffer.from(
      `DSSEv1 ${IN_TOTO.length} ${IN_TOTO} ${signed.length} ${signed.toString('latin1')}`,
      'latin1'
    )
    const signature = sign('sha256', pae, signer.privateKey)
    const payload = options.tamper
      ? Buffer.from(JSON.stringify({ ...statement, predicate: { tampered: true } }))
      : signed
    const envelope = {
      payload: b64(payload),
      payloadType: IN_TOTO,
      signatures: [{ sig: b64(signature), keyid: '' }]
    }
    const entry = await tlog.log({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: {
          algorithm: 'sha256',
          value: createHash('sha256').update(JSON.stringify(envelope)).digest('hex')
        },
        payloadHash: {
          algorithm: 'sha256',
          value: createHash('sha256').update(signed).digest('hex')
        },
        signatures: [{ signature: b64(signature), verifier: b64(Buffer.from(pem(certificate))) }]
      }
    })
    const logged = Object.values(entry as Record<string, LogEntry>)[0]!
    const proof = logged.verification.inclusionProof
    return {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: { rawBytes: b64(certificate) },
        tlogEntries: [
          {
            logIndex: String(logged.logIndex),
            logId: { keyId: b64(Buffer.from(logged.logID, 'hex')) },
            kindVersion: { kind: 'dsse', version: '0.0.1' },
            integratedTime: String(logged.integratedTime),
            inclusionPromise: { signedEntryTimestamp: logged.verification.signedEntryTimestamp },
            inclusionProof: {
              logIndex: String(proof.logIndex),
              rootHash: b64(Buffer.from(proof.rootHash, 'hex')),
              treeSize: String(proof.treeSize),
              hashes: proof.hashes.map(h => b64(Buffer.from(h, 'hex'))),
              checkpoint: { envelope: proof.checkpoint }
            },
            canonicalizedBody: logged.body
          }
        ]
      },
      dsseEnvelope: envelope
    }
  }
  async function signLegacy(payload: Buffer, options: LegacySignOptions): Promise<LegacySignature> {
    const signer = ecKeys()
    const certificate = await certify(signer, options.identity, options.issuer)
    const signature = b64(sign('sha256', payload, signer.privateKey))
    const entry = await tlog.log({
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: {
          hash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') }
        },
        signature: {
          content: signature,
          publicKey: { content: b64(Buffer.from(pem(certificate))) }
        }
      }
    })
    const logged = Object.values(entry as Record<string, LogEntry>)[0]!
    const { body, integratedTime, logID, logIndex } = logged
    // Rekor signs the canonical JSON of these four; keys in this order are canonical.
    const set = { body, integratedTime, logID, logIndex }
    const forged = () => b64(sign('sha256', Buffer.from(JSON.stringify(set)), ecKeys().privateKey))
    return {
      payload: options.tamper
        ? Buffer.from(payload.toString('utf8').replace('}', ',"tampered":true}'))
        : payload,
      signature,
      certificate: pem(certificate),
      chain: pem(ca.rootCertificate),
      bundle: JSON.stringify({
        SignedEntryTimestamp: options.forgeSet
          ? forged()
          : logged.verification.signedEntryTimestamp,
        Payload: set
      })
    }
  }
  return { trustedRoot, attest, signLegacy }
}

const pem = (certificate: Buffer): string =>
  `-----BEGIN CERTIFICATE-----\n${b64(certificate)}\n-----END CERTIFICATE-----\n`

/** A certificate transparency log that issues v1 SCTs for precertificates. */
function ctLogFor(keys: ReturnType<typeof ecKeys>) {
  const logID = createHash('sha256').update(der(keys.publicKey)).digest()
  return {
    publicKey: der(keys.publicKey),
    logID,
    log: async (certificate: ArrayBuffer, issuerID: ArrayBuffer): Promise<ArrayBuffer> => {
      const tbs = firstElement(firstElement(Buffer.from(certificate), true), false)
      const timestamp = Buffer.alloc(8)
      timestamp.writeBigUInt64BE(BigInt(Date.now()))
      const tbsLength = Buffer.alloc(3)
      tbsLength.writeUIntBE(tbs.length, 0, 3)
      const signed = Buffer.concat([
        Buffer.from([0, 0]),
        timestamp,
        Buffer.from([0, 1]),
        Buffer.from(issuerID),
        tbsLength,
        tbs,
        Buffer.from([0, 0])
      ])
      const signature = sign('sha256', signed, keys.privateKey)
      const signatureLength = Buffer.alloc(2)
      signatureLength.writeUInt16BE(signature.length)
      const sct = Buffer.concat([
        Buffer.from([0]),
        logID,
        timestamp,
        Buffer.from([0, 0, 4, 3]),
        signatureLength,
        signature
      ])
      const length = Buffer.alloc(2)
      length.writeUInt16BE(sct.length)
      // The CA frames the list; each SCT in it carries its own two-byte length.
      const framed = Buffer.concat([length, sct])
      return framed.buffer.slice(framed.byteOffset, framed.byteOffset + framed.length)
    }
  }
}

/** The DER element `der` starts with: its contents (inner) or the whole element. */
function firstElement(der: Buffer, inner: boolean): Buffer {
  let offset = 1
  let length = der[offset++]!
  if (length & 0x80) {
    const bytes = length & 0x7f
    length = der.readUIntBE(offset, bytes)
    offset += bytes
  }
  return inner ? der.subarray(offset, offset + length) : der.subarray(0, offset + length)
}

/** Rekor's answer, as the mock log gives it. */
interface LogEntry {
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification: {
    signedEntryTimestamp: string
    inclusionProof: {
      logIndex: number
      treeSize: number
      rootHash: string
      hashes: string[]
      checkpoint: string
    }
  }
}

/** Runs `issue` with Date.now moved back by `ageMs`, so the certificate was valid only then. */
async function issueAt<T>(ageMs: number, issue: () => Promise<T>): Promise<T> {
  if (ageMs === 0) return issue()
  const RealDate = Date
  const past = RealDate.now() - ageMs
  class PastDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(past)
      else super(...(args as [string]))
    }
  }
  globalThis.Date = PastDate as DateConstructor
  try {
    return await issue()
  } finally {
    globalThis.Date = RealDate
  }
}

/** A SLSA v1 provenance predicate as GitHub's attest-build-provenance writes it. */
export function githubProvenance(repository: string, workflow: string): Record<string, unknown> {
  return {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: {
          ref: 'refs/heads/main',
          repository: `https://github.com/${repository}`,
          path: workflow
        }
      }
    },
    runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } }
  }
}
