#!/usr/bin/env node
/**
 * The Sigstore public-good trusted root the action ships (issue 16), taken from the TUF seeds
 * of a packed @sigstore/tuf: `seeds.json` -> `https://tuf-repo-cdn.sigstore.dev` -> targets ->
 * `trusted_root.json` (base64). The file is stored byte for byte, so its sha256 is the one the
 * sigstore/root-signing targets metadata lists.
 *
 *   node scripts/trusted-root.mjs                 # npm pack @sigstore/tuf@latest, refresh the files
 *   node scripts/trusted-root.mjs 5.0.1           # that version
 *   node scripts/trusted-root.mjs ./sigstore-tuf-5.0.1.tgz
 *   node scripts/trusted-root.mjs --check [same]  # exit 1 when the shipped root is not that one
 *
 * Only a maintainer runs this (npm pack reaches the registry); no test does.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const TUF_REPOSITORY = 'https://tuf-repo-cdn.sigstore.dev'
const TARGET = 'trusted_root.json'
const ROOT_FILE = 'src/adapters/signature/public-good-trusted-root.json'
const NOTE_FILE = 'src/adapters/signature/public-good-trusted-root.source.json'

export const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')

/** The trusted root in a packed @sigstore/tuf, with the package's name and version. */
export function extractTrustedRoot(tarball) {
  const read = path => execFileSync('tar', ['-xzOf', tarball, path], { maxBuffer: 64 << 20 })
  const pkg = JSON.parse(read('package/package.json').toString('utf8'))
  const seeds = JSON.parse(read('package/seeds.json').toString('utf8'))
  const encoded = seeds[TUF_REPOSITORY]?.targets?.[TARGET]
  if (typeof encoded !== 'string')
    throw new Error(`${tarball}: seeds.json has no ${TUF_REPOSITORY} target ${TARGET}`)
  return { name: pkg.name, version: pkg.version, bytes: Buffer.from(encoded, 'base64') }
}

/** Fails unless the bytes are a trusted root our @sigstore/verify can use. */
export async function checkUsable(bytes) {
  const { TrustedRoot } = await import('@sigstore/protobuf-specs')
  const { toTrustMaterial } = await import('@sigstore/verify')
  const material = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(bytes.toString('utf8'))))
  if (material.certificateAuthorities.length === 0 || material.tlogs.length === 0)
    throw new Error('the trusted root names no Fulcio CA or no Rekor log')
}

function pack(spec, dir) {
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    encoding: 'utf8'
  })
  return join(dir, JSON.parse(out)[0].filename)
}

function publishedDate(name, version) {
  const times = JSON.parse(
    execFileSync('npm', ['view', `${name}@${version}`, 'time', '--json'], { encoding: 'utf8' })
  )
  return String(times[version] ?? '').slice(0, 10) || null
}

async function main(argv) {
  const check = argv.includes('--check')
  const arg = argv.find(a => a !== '--check') ?? 'latest'
  const dir = mkdtempSync(join(tmpdir(), 'trusted-root-'))
  try {
    const tarball = arg.endsWith('.tgz') ? resolve(arg) : pack(`@sigstore/tuf@${arg}`, dir)
    const root = extractTrustedRoot(tarball)
    await checkUsable(root.bytes)
    const digest = sha256(root.bytes)
    if (check) {
      const shipped = sha256(readFileSync(ROOT_FILE))
      if (shipped === digest) {
        console.log(`${ROOT_FILE} is the trusted root of ${root.name}@${root.version}`)
        return 0
      }
      console.error(
        `${ROOT_FILE} (sha256 ${shipped}) is not the trusted root of ${root.name}@${root.version} (sha256 ${digest}): run node scripts/trusted-root.mjs ${arg}`
      )
      return 1
    }
    writeFileSync(ROOT_FILE, root.bytes)
    const note = {
      package: root.name,
      version: root.version,
      published: publishedDate(root.name, root.version),
      repository: TUF_REPOSITORY,
      target: TARGET,
      sha256: digest,
      extractedBy: 'scripts/trusted-root.mjs'
    }
    writeFileSync(NOTE_FILE, `${JSON.stringify(note, null, 2)}\n`)
    console.log(`${ROOT_FILE}: ${root.name}@${root.version}, sha256 ${digest}`)
    return 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    error => {
      console.error(`trusted-root: ${error.message}`)
      process.exit(2)
    }
  )
}
