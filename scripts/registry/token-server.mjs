#!/usr/bin/env node
/**
 * A Docker-style token service for the test registry (see harness.mjs).
 *
 *   node scripts/registry/token-server.mjs --config <file.json>
 *
 * Config: { host, port, keyFile, certFile, issuer, service, users: {name: password},
 *           anonymousPull, maxScopesPerTokenRequest, upstream }
 *
 * `GET /token` issues RS256 JWTs that distribution 2.8 accepts (`x5c` header, `aud` a string).
 * With `upstream` set, every other request is reverse-proxied there unchanged (Host included),
 * which puts the realm on the registry's own host:port. `GET /__requests` and `POST /__reset`
 * expose the log of token requests. Prints `listening <port>` on stdout once ready.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import { HOP_BY_HOP, endToEndHeaders } from '../testkit/loopback.mjs'

const GRANTABLE = new Set(['pull', 'push', 'delete'])
const TOKEN_LIFETIME_S = 300
/** Requests carrying this header come from the harness's own helpers and are not logged. */
const INTERNAL_HEADER = 'x-registry-harness'

function parseArgs(argv) {
  const i = argv.indexOf('--config')
  if (i < 0 || !argv[i + 1]) {
    process.stderr.write('usage: token-server.mjs --config <file.json>\n')
    process.exit(2)
  }
  return JSON.parse(fs.readFileSync(argv[i + 1], 'utf8'))
}

const config = parseArgs(process.argv.slice(2))
const privateKey = crypto.createPrivateKey(fs.readFileSync(config.keyFile))
const certDer = new crypto.X509Certificate(fs.readFileSync(config.certFile)).raw
const upstream = config.upstream ? new URL(config.upstream) : null

/** @type {Array<{scopes: string[], user: string|null, status: number}>} */
let requestLog = []

const b64url = buf => Buffer.from(buf).toString('base64url')

function signJwt(claims) {
  const header = { alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] }
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
  const signature = crypto.sign('RSA-SHA256', Buffer.from(signingInput), privateKey)
  return `${signingInput}.${b64url(signature)}`
}

/** `repository:name:a,b`: the name sits between the first and the last colon. */
function parseScope(text) {
  const first = text.indexOf(':')
  const last = text.lastIndexOf(':')
  if (first <= 0 || last <= first + 1) return null
  return {
    type: text.slice(0, first),
    name: text.slice(first + 1, last),
    actions: text
      .slice(last + 1)
      .split(',')
      .filter(a => a)
  }
}

/** @returns {{user: string|null, ok: boolean}} */
function authenticate(header) {
  if (!header) return { user: null, ok: true }
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (!match) return { user: null, ok: false }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { user: null, ok: false }
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  const known = Object.prototype.hasOwnProperty.call(config.users, user)
  return { user, ok: known && config.users[user] === password }
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

function errorBody(code, message) {
  return { errors: [{ code, message }] }
}

function handleToken(req, res, url) {
  // Several scopes may also arrive space-separated in one parameter (OAuth2 style).
  const scopes = url.searchParams.getAll('scope').flatMap(s => s.split(' ').filter(x => x))
  const internal = req.headers[INTERNAL_HEADER] !== undefined
  const { user, ok } = authenticate(req.headers.authorization)
  const reply = (status, body, headers) => {
    if (!internal) requestLog.push({ scopes, user, status })
    sendJson(res, status, body, headers)
  }

  // Strict on purpose: a client that drops or rewrites the challenge's service is buggy,
  // even though some real token services would let it pass.
  const service = url.searchParams.get('service')
  if (service !== config.service) {
    return reply(400, errorBody('INVALID_REQUEST', `unknown service ${JSON.stringify(service)}`))
  }
  const max = config.maxScopesPerTokenRequest
  if (typeof max === 'number' && scopes.length > max) {
    return reply(
      400,
      errorBody('INVALID_REQUEST', `at most ${max} scopes per request, got ${scopes.length}`)
    )
  }
  const parsed = scopes.map(parseScope)
  if (parsed.some(s => s === null)) {
    return reply(400, errorBody('INVALID_REQUEST', 'malformed scope'))
  }
  if (!ok) {
    return reply(401, errorBody('UNAUTHORIZED', 'invalid username or password'), {
      'www-authenticate': 'Basic realm="token"'
    })
  }

  const allowed = user ? a => GRANTABLE.has(a) : a => a === 'pull' && config.anonymousPull !== false
  const access = parsed
    .map(s => ({ type: s.type, name: s.name, actions: s.actions.filter(allowed) }))
    .filter(s => s.actions.length > 0)

  const now = Math.floor(Date.now() / 1000)
  const token = signJwt({
    iss: config.issuer,
    sub: user ?? '',
    // distribution 2.8 rejects an array here.
    aud: config.service,
    exp: now + TOKEN_LIFETIME_S,
    nbf: now - 10,
    iat: now,
    jti: crypto.randomBytes(16).toString('hex'),
    access
  })
  return reply(200, {
    token,
    access_token: token,
    expires_in: TOKEN_LIFETIME_S,
    issued_at: new Date(now * 1000).toISOString()
  })
}

function filterHeaders(rawHeaders) {
  const out = []
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[i].toLowerCase())) out.push(rawHeaders[i], rawHeaders[i + 1])
  }
  return out
}

function proxy(req, res) {
  const headers = endToEndHeaders(req.headers)
  const upstreamReq = http.request({
    host: upstream.hostname,
    port: upstream.port,
    method: req.method,
    path: req.url,
    // Host stays the front door's, so the registry's absolute Location URLs point back here.
    headers
  })
  upstreamReq.on('response', upstreamRes => {
    res.writeHead(upstreamRes.statusCode ?? 502, filterHeaders(upstreamRes.rawHeaders))
    upstreamRes.pipe(res)
    upstreamRes.on('error', () => res.destroy())
  })
  upstreamReq.on('error', err => {
    if (res.headersSent) return res.destroy()
    sendJson(res, 502, errorBody('BAD_GATEWAY', `registry unreachable: ${err.message}`))
  })
  req.pipe(upstreamReq)
  req.on('error', () => upstreamReq.destroy())
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://token-server.invalid')
  if (url.pathname === '/token') {
    if (req.method !== 'GET') return sendJson(res, 405, errorBody('UNSUPPORTED', 'use GET'))
    return handleToken(req, res, url)
  }
  if (url.pathname === '/__requests' && req.method === 'GET') return sendJson(res, 200, requestLog)
  if (url.pathname === '/__reset' && req.method === 'POST') {
    requestLog = []
    return sendJson(res, 200, {})
  }
  if (upstream) return proxy(req, res)
  sendJson(res, 404, errorBody('NOT_FOUND', 'not found'))
})

server.on('error', err => {
  process.stderr.write(`token-server: ${err.message}\n`)
  process.exit(1)
})
server.listen(config.port ?? 0, config.host ?? '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`)
})
