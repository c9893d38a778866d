/**
 * A run loads only what it needs: the GitHub client (@actions/github, Octokit) is in a chunk
 * of its own that the action imports only to open a pull request, and not in the CLI at all.
 * The bundles are the ones the suite runs (scripts/testkit/bundle.mjs).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ACTION_ENTRY } from '../support/run-action.js'
import { CLI_ENTRY } from '../support/run-cli.js'

/** Code only Octokit's packages carry: its user agent and its request-error class. */
const OCTOKIT = [/octokit-core\.js\//, /@octokit\/request-error/, /function getOctokit\(/]

describe('start-up', () => {
  it("keeps the GitHub client out of the action's main bundle, in a chunk loaded on demand", () => {
    const main = readFileSync(ACTION_ENTRY, 'utf8')
    for (const marker of OCTOKIT) expect(main).not.toMatch(marker)
    const chunks = readdirSync(dirname(ACTION_ENTRY)).filter(f => /^\d+\.index\.js$/.test(f))
    const withClient = chunks.filter(f =>
      OCTOKIT.every(m => m.test(readFileSync(join(dirname(ACTION_ENTRY), f), 'utf8')))
    )
    expect(withClient).toHaveLength(1)
    expect(main).toContain('import("./" + ')
  })

  it('keeps the GitHub client out of the CLI', () => {
    const cli = readFileSync(CLI_ENTRY, 'utf8')
    for (const marker of OCTOKIT) expect(cli).not.toMatch(marker)
    expect(readdirSync(dirname(CLI_ENTRY)).filter(f => f.endsWith('.index.js'))).toEqual([])
  })
})
