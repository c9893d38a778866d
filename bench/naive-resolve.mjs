#!/usr/bin/env node
/**
 * The benchmark's naive baseline: what a short script written without care for the network
 * does. For each image in turn, one token request for its repository, then one HEAD for its
 * tag; nothing in parallel, nothing reused but the connection (fetch keeps it alive).
 *
 *   node bench/naive-resolve.mjs --realm URL --service NAME --refs FILE
 *
 * Credentials come from NAIVE_USERNAME / NAIVE_PASSWORD. Prints `reference digest` lines.
 */
import fs from 'node:fs'

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

function arg(name) {
  const i = process.argv.indexOf(name)
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing ${name}`)
  return process.argv[i + 1]
}

const realm = arg('--realm')
const service = arg('--service')
const refs = fs.readFileSync(arg('--refs'), 'utf8').split('\n').filter(Boolean)
const user = process.env.NAIVE_USERNAME ?? ''
const basic = `Basic ${Buffer.from(`${user}:${process.env.NAIVE_PASSWORD ?? ''}`).toString('base64')}`

let out = ''
for (const ref of refs) {
  // host/name:tag, where the host may carry a port
  const slash = ref.indexOf('/')
  const colon = ref.lastIndexOf(':')
  const host = ref.slice(0, slash)
  const name = ref.slice(slash + 1, colon)
  const tag = ref.slice(colon + 1)
  const tokenUrl = new URL(realm)
  tokenUrl.searchParams.set('service', service)
  tokenUrl.searchParams.set('scope', `repository:${name}:pull`)
  const tokenRes = await fetch(tokenUrl, { headers: { authorization: basic } })
  if (tokenRes.status !== 200) throw new Error(`token for ${name}: HTTP ${tokenRes.status}`)
  const { token } = /** @type {{token: string}} */ (await tokenRes.json())
  const head = await fetch(`http://${host}/v2/${name}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { authorization: `Bearer ${token}`, accept: ACCEPT }
  })
  if (head.status !== 200) throw new Error(`HEAD ${ref}: HTTP ${head.status}`)
  out += `${ref} ${head.headers.get('docker-content-digest')}\n`
}
process.stdout.write(out)
