import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  INSTALL_COMMAND,
  MissingPackagesError,
  ensureSystemPackages,
  missingPackages
} from '../../scripts/system-packages.mjs'

const empty = mkdtempSync(join(tmpdir(), 'no-packages-'))
const full = mkdtempSync(join(tmpdir(), 'packages-'))
for (const command of ['docker-registry', 'htpasswd', 'skopeo']) {
  writeFileSync(join(full, command), '#!/bin/sh\n')
  chmodSync(join(full, command), 0o755)
}

afterAll(() => {
  rmSync(empty, { recursive: true, force: true })
  rmSync(full, { recursive: true, force: true })
})

describe('system packages for the local registry', () => {
  it('names the Debian package behind each missing command', () => {
    expect(missingPackages({ PATH: empty })).toEqual(['docker-registry', 'apache2-utils', 'skopeo'])
    expect(missingPackages({ PATH: `${empty}:${full}` })).toEqual([])
  })

  it('does nothing when every command is there', () => {
    const log: string[] = []
    ensureSystemPackages({ env: { PATH: full }, isRoot: false, log: m => log.push(m) })
    expect(log).toEqual([])
  })

  it('tells a user who is not root the one command to run, and installs nothing', () => {
    const log: string[] = []
    let thrown: unknown
    try {
      ensureSystemPackages({ env: { PATH: empty }, isRoot: false, log: m => log.push(m) })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(MissingPackagesError)
    expect((thrown as Error).message).toContain(
      'sudo apt-get update && sudo apt-get install -y docker-registry apache2-utils skopeo'
    )
    expect((thrown as Error).message).toContain(INSTALL_COMMAND)
    expect(log).toEqual([])
  })
})
