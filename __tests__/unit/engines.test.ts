/**
 * `npm ci` on the oldest Node the project supports must not warn that an installed package
 * does not support it: such a warning is either a real incompatibility or noise that hides
 * the next real one. npm's own check runs here, offline, on a copy of the manifest and lock.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../support/run-action.js'

const scratch = mkdtempSync(join(tmpdir(), 'engines-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('engines of the installed packages', () => {
  it(`npm ci on Node ${process.versions.node} prints no EBADENGINE warning`, () => {
    for (const file of ['package.json', 'package-lock.json'])
      copyFileSync(join(ROOT, file), join(scratch, file))
    const run = spawnSync(
      'npm',
      ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: scratch, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' } }
    )
    expect(run.status).toBe(0)
    const warnings = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter(line => line.includes('EBADENGINE'))
    expect(warnings).toEqual([])
  })
})
