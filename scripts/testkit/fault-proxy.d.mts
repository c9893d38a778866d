/** Types for proxy.mjs, the fault-injecting loopback proxy of the reliability suite. */

/** A header value, or a function computing it when the answer is sent (an HTTP date). */
export type HeaderValue = string | (() => string)

export type Fault =
  /** Answer this instead of asking upstream. */
  | { kind: 'status'; status: number; headers?: Record<string, HeaderValue>; body?: string }
  /** Answer with a redirect; `location` may be computed from the request path. */
  | { kind: 'redirect'; status?: number; location: string | ((path: string) => string) }
  /** Reset the connection (TCP RST) before any answer. */
  | { kind: 'reset' }
  /** Never answer. */
  | { kind: 'stall' }
  /** A 200 of `bytes` bytes, with or without a Content-Length announcing them. */
  | { kind: 'oversize'; bytes: number; declareLength: boolean; contentType?: string }
  /**
   * Ask upstream, then change the status, headers or body of its answer. Counted as a fault
   * only when the answer changed (a header to map may be absent).
   */
  | {
      kind: 'rewrite'
      status?: number
      setHeaders?: Record<string, HeaderValue>
      removeHeaders?: string[]
      /** Headers computed from the upstream value, when upstream sent one. */
      mapHeaders?: Record<string, (value: string) => string>
      body?: string | ((original: Buffer) => string | Buffer)
    }
  /** Ask upstream, send the head and the first `fraction` of the body, then reset. */
  | { kind: 'reset-mid-body'; fraction?: number }
  /** Same, then close cleanly: fewer bytes than Content-Length promised. */
  | { kind: 'truncate'; fraction?: number }
  /** Same, then send nothing more. */
  | { kind: 'stall-mid-body'; fraction?: number }

export interface FaultRule {
  /** Label in the request log; defaults to the fault's kind. */
  name?: string
  method?: string
  /** A pattern tested against the path and query, or a substring of them. */
  path?: RegExp | string
  /** Matching requests to let through before the fault starts (default 0). */
  skip?: number
  /** Matching requests the fault applies to (default: all of them). */
  times?: number
  /** The fault, or a sequence of them taken in turn by successive faulted requests. */
  fault: Fault | Fault[]
}

export interface FaultProxyOptions {
  /** Origin to forward to, e.g. the harness registry's `url`. */
  upstream: string
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string
  /** The first rule whose method and path match decides the request. */
  rules?: FaultRule[]
  /**
   * Replace the upstream origin by the proxy's own in `WWW-Authenticate` and `Location`,
   * so token requests and redirects come through the proxy too (default true).
   */
  rewriteOrigin?: boolean
  /** Headers added to every forwarded request, such as the storage's own credentials. */
  upstreamHeaders?: Record<string, string>
}

export interface ProxiedRequest {
  method: string
  /** Path and query. */
  path: string
  /** The Authorization header the client sent, or null. */
  authorization: string | null
  /** The rule that injected a fault into this request, or null. */
  rule: string | null
  fault: Fault['kind'] | null
  /** Status sent, or null when the proxy reset, stalled or cut the answer short. */
  status: number | null
}

export interface FaultProxy {
  /** `http://host:port` */
  url: string
  /** `host:port`, the registry name to use in image references. */
  host: string
  requests(): ProxiedRequest[]
  faultsInjected(): number
  setRules(rules: FaultRule[]): void
  /** Forgets the request log and the fault count, and restarts every rule's counters. */
  clear(): void
  stop(): Promise<void>
}

export function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy>
