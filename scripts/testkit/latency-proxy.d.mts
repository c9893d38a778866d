/** Types for latency-proxy.mjs, which the benchmark and its test share. */

export interface Percentiles {
  count: number
  median: number
  p90: number
  mean: number
}

export interface ProxyStats {
  /** HTTP requests plus non-HTTP round trips (TLS hellos). */
  total: number
  requests: number
  nonHttp: number
  connections: number
  peakInFlight: number
  activeMs: number
  firstArrivalAt: number | undefined
  lastFinishAt: number | undefined
  upstreamMs: Percentiles
  durationMs: Percentiles
  meanInFlight: number
  /** `token`, `ping`, `HEAD manifest`, `GET manifest`, `GET blob`, `non-HTTP`, `other` → count */
  byClass: Record<string, number>
  /** `METHOD /path` (query dropped) → count */
  byPath: Map<string, number>
}

export interface LatencyProxy {
  url: string
  host: string
  port: number
  readonly delayMs: number
  setDelay(ms: number): void
  reset(): void
  stats(): ProxyStats
  stop(): Promise<void>
}

export function classify(method: string, path: string): string
export function startLatencyProxy(options: {
  upstream: string
  routes?: Record<string, string>
  delayMs?: number
  port?: number
}): Promise<LatencyProxy>
