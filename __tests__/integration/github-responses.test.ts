/**
 * How @actions/github's client reads an answer's body depends on its Content-Type, parsed by
 * the `content-type` package that package.json pins (overrides) to a release declaring
 * Node 20 support. These answers from a loopback server go through that parser unbundled, on
 * the Node running the suite; the fake-GitHub tests take the same path through the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const ANSWERS: Record<string, { type: string; body: string }> = {
  '/json': { type: 'application/json; charset=utf-8', body: '{"number":7}' },
  '/scim': { type: 'Application/SCIM+JSON ; charset="UTF-8"', body: '{"ok":true}' },
  '/text': { type: 'text/plain', body: 'plain words' },
  '/raw': { type: 'application/vnd.github.raw; charset="UTF-8"', body: 'file text' },
  '/binary': { type: 'application/octet-stream; charset=utf-8', body: 'raw' }
}

let server: Server
let baseUrl: string

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = ANSWERS[req.url ?? '']
    if (!answer) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': answer.type }).end(answer.body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

describe('GitHub API answers by content type', () => {
  const get = (path: string) => getOctokit('t', { baseUrl }).request(`GET ${path}`)

  it('parses JSON, whatever the case, spacing and quoting of the header', async () => {
    expect((await get('/json')).data).toEqual({ number: 7 })
    expect((await get('/scim')).data).toEqual({ ok: true })
  })

  it('reads text and UTF-8 as strings and octet-stream as bytes despite a charset', async () => {
    expect((await get('/text')).data).toBe('plain words')
    expect((await get('/raw')).data).toBe('file text')
    const binary = (await get('/binary')).data as ArrayBuffer
    expect(binary).toBeInstanceOf(ArrayBuffer)
    expect(Buffer.from(binary).toString()).toBe('raw')
  })
})
