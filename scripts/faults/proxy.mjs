// The fault proxy moved to scripts/testkit/fault-proxy.mjs with the other test proxies; this
// re-export keeps the imports of branches written before the move working until they land.
export { startFaultProxy } from '../testkit/fault-proxy.mjs'
