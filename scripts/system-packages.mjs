#!/usr/bin/env node
/**
 * The Debian packages that the integration tests and the demo need: the real registry
 * (`docker-registry`, CNCF distribution), `htpasswd` (`apache2-utils`) and `skopeo`. When one
 * is missing, root installs them with apt-get (a fresh machine of the project's kind is root
 * on Debian); anyone else is told the one command to run. Shared by `npm test`,
 * `npm run test:integration` and `npm run demo`, so the README's two commands work as they are.
 *
 *   node scripts/system-packages.mjs     # exits 1 with the command to run when it cannot install
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Command on PATH → the Debian package that provides it. */
export const REQUIRED = Object.freeze({
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils',
  skopeo: 'skopeo'
})

export const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${[...new Set(Object.values(REQUIRED))].join(' ')}`

function onPath(command, env = process.env) {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some(dir => {
      try {
        fs.accessSync(path.join(dir, command), fs.constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

/** Debian packages whose command is missing, in a stable order. */
export function missingPackages(env = process.env) {
  return [
    ...new Set(
      Object.entries(REQUIRED)
        .filter(([command]) => !onPath(command, env))
        .map(([, pkg]) => pkg)
    )
  ]
}

export class MissingPackagesError extends Error {}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  })
  if (result.error) throw result.error
  if (result.status !== 0) {
    throw new MissingPackagesError(`${command} ${args.join(' ')} exited with ${result.status}`)
  }
}

/**
 * Installs what is missing when running as root with apt-get; otherwise throws a
 * MissingPackagesError whose message is the command to run.
 * @param {{log?: (message: string) => void, env?: NodeJS.ProcessEnv, isRoot?: boolean}} [options]
 */
export function ensureSystemPackages(options = {}) {
  const log = options.log ?? (message => process.stderr.write(`${message}\n`))
  const env = options.env ?? process.env
  const missing = missingPackages(env)
  if (missing.length === 0) return
  const isRoot = options.isRoot ?? (typeof process.getuid === 'function' && process.getuid() === 0)
  if (!isRoot || !onPath('apt-get', env)) {
    throw new MissingPackagesError(
      `missing Debian package(s) ${missing.join(', ')}, needed for the local registry. Install them with:\n  ${INSTALL_COMMAND}`
    )
  }
  log(`Installing ${missing.join(' ')} with apt-get (needed for the local registry)…`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', ...missing])
  const still = missingPackages(env)
  if (still.length > 0) {
    throw new MissingPackagesError(`apt-get finished, but ${still.join(', ')} is still missing`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureSystemPackages()
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
