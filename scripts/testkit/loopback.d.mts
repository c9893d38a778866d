/** Types for loopback.mjs. */
import type { Server } from 'node:net'
import type { Duplex } from 'node:stream'

export const HOP_BY_HOP: Set<string>
export function endToEndHeaders<T>(headers: Record<string, T>): Record<string, T>

export interface Listening {
  port: number
  /** `host:port` */
  host: string
  /** `http://host:port` */
  url: string
  track(socket: Duplex): void
  stop(): Promise<void>
}

export function listenLoopback(
  server: Server,
  options?: { host?: string; port?: number }
): Promise<Listening>
