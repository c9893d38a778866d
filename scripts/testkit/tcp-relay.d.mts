/** Types for tcp-relay.mjs. */
export interface Relay {
  /** `host:port` */
  host: string
  /** TCP connections accepted so far. */
  connections(): number
  stop(): Promise<void>
}

export function startRelay(target: URL): Promise<Relay>
