/**
 * The route table: 'METHOD /path' → handler, one table per API area (see api.ts). In a path,
 * `{name}` is one segment, `{+name}` the rest of the path with its slashes (RFC 6570's
 * reserved expansion, for refs, branches and file paths), and a final `{/}` an optional trailing
 * slash. `{owner}` and `{repo}` must name the fake's repository (any case), or nothing matches.
 */
import { lower, type RepositoryState } from './state.js'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Sent as is, as application/vnd.github.raw. */
  raw?: Buffer
}

export interface Context {
  state: RepositoryState
  method: string
  /** True when the request's token has the `workflows` permission. */
  workflows: boolean
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  accept: string
  pathname: string
}

export type Handler = (ctx: Context) => Reply
export type RouteTable = Record<string, Handler>

interface Route {
  method: string
  segments: string[]
  optionalSlash: boolean
  /** Octokit-style, e.g. 'GET /repos/{owner}/{repo}/git/ref/{ref}', for RecordedRequest.route. */
  template: string
  handler: Handler
}

export interface Match {
  template: string
  handler: Handler
  params: Record<string, string>
}

export class Router {
  private readonly routes: Route[]

  constructor(tables: RouteTable[]) {
    this.routes = tables.flatMap(table =>
      Object.entries(table).map(([spec, handler]) => compile(spec, handler))
    )
  }

  /** The first route for the method (HEAD as GET) and the decoded path segments. */
  match(state: RepositoryState, method: string, segments: string[]): Match | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method
    for (const r of this.routes) {
      if (r.method !== wanted) continue
      const params = matchSegments(state, r, segments)
      if (params) return { template: r.template, handler: r.handler, params }
    }
    return undefined
  }
}

function compile(spec: string, handler: Handler): Route {
  const [method, path] = spec.split(' ') as [string, string]
  const optionalSlash = path.endsWith('{/}')
  const segments = (optionalSlash ? path.slice(0, -3) : path).split('/')
  const template = `${method} ${segments.map(s => s.replace('{+', '{')).join('/')}`
  return { method, segments, optionalSlash, template, handler }
}

/** Both start with the '' before the path's leading slash. */
function matchSegments(
  state: RepositoryState,
  route: Route,
  segments: string[]
): Record<string, string> | undefined {
  const pattern = route.segments
  if (route.optionalSlash && segments.length === pattern.length + 1 && segments.at(-1) === '')
    segments = segments.slice(0, -1)
  const params: Record<string, string> = {}
  let rest = false
  for (let i = 1; i < pattern.length && !rest; i++) {
    const want = pattern[i]!
    if (want.startsWith('{+')) {
      // A rest parameter keeps its slashes, encoded or not.
      const value = segments.slice(i).join('/')
      if (value === '') return undefined
      params[want.slice(2, -1)] = value
      rest = true
      continue
    }
    const seg = segments[i]
    if (seg === undefined || seg === '') return undefined
    if (want.startsWith('{')) params[want.slice(1, -1)] = seg
    else if (want !== seg) return undefined
  }
  if (!rest && segments.length !== pattern.length) return undefined
  const names = { owner: state.owner, repo: state.repo }
  for (const [name, value] of Object.entries(names))
    if (params[name] !== undefined && lower(params[name]) !== lower(value)) return undefined
  return params
}
