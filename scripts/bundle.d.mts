/** Types for bundle.mjs. */
export const STAMP_FILE: string
export function sourceDigest(): string
export function bundle(outDir: string, options?: { only?: 'cli' }): void
export function libraryDeclarations(): string
