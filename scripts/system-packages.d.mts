/** Types for system-packages.mjs, which `npm test`, the tests and the demo share. */

/** Command on PATH → the Debian package that provides it. */
export const REQUIRED: Readonly<Record<string, string>>
/** The one command a user who is not root runs to install every package. */
export const INSTALL_COMMAND: string
export function missingPackages(env?: NodeJS.ProcessEnv): string[]
export class MissingPackagesError extends Error {}
export function ensureSystemPackages(options?: {
  log?: (message: string) => void
  env?: NodeJS.ProcessEnv
  isRoot?: boolean
}): void
