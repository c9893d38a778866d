/** Types for forward-proxy.mjs. */
export interface ForwardProxy {
  url: string
  /** `host:port` of every CONNECT tunnel and proxied request, in order. */
  targets: string[]
  stop(): Promise<void>
}

export function startForwardProxy(targetPort: number): Promise<ForwardProxy>
