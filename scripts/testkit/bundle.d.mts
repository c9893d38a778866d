/** Types for bundle.mjs: where the test tooling finds the bundle of the current source. */
export const BUNDLE_ENV: string
export function bundleEntries(dir: string): { action: string; cli: string }
export function testBundleDir(): string
export function buildFreshBundle(options?: { only?: 'cli' }): string
export function freshBundle(options?: { only?: 'cli' }): {
  dir: string
  built: boolean
  cleanup(): void
}
