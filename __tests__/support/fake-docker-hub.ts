/**
 * A fake of Docker Hub's tags API (`GET /v2/namespaces/<ns>/repositories/<repo>/tags/<tag>`)
 * on 127.0.0.1, answering what the test sets and recording every request with the headers
 * it carried, so a test can prove which questions were asked and that no credential came.
 */
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HubImage {
  architecture: string
  os: string
  variant?: string | null
  digest: string
  size: number
  last_pushed?: string
  status?: string
}

export interface HubTag {
  name: string
  digest?: string
  last_pushed?: string
  full_size?: number
  images: HubImage[]
}

export interface HubRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
}

export interface FakeDockerHub {
  /** `http://127.0.0.1:<port>`, the value for IMAGE_DIGEST_UPDATER_TEST_DOCKER_HUB_API. */
  url: string
  requests: HubRequest[]
  /** `repository` as the registry names it (`library/nginx`). */
  setTag(repository: string, tag: HubTag): void
  stop(): Promise<void>
}

export async function startFakeDockerHub(): Promise<FakeDockerHub> {
  const tags = new Map<string, HubTag>()
  const requests: HubRequest[] = []
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers } })
    const match = /^\/v2\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags\/([^/?]+)$/.exec(path)
    const tag =
      match && req.method === 'GET'
        ? tags.get(
            `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}:${decodeURIComponent(match[3]!)}`
          )
        : undefined
    if (!tag) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"message":"object not found","errinfo":{}}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(tag))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setTag: (repository, tag) => tags.set(`${repository}:${tag.name}`, tag),
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
