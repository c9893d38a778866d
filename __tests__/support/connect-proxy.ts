/** Kept for the tests' imports; the proxy lives with the others in scripts/testkit/. */
export { type ForwardProxy, startForwardProxy } from '../../scripts/testkit/forward-proxy.mjs'
