// See proxy.mjs: a re-export of scripts/testkit/fault-proxy.mjs.
export * from '../testkit/fault-proxy.mjs'
