/**
 * A run loads only what it needs: the GitHub client (@actions/github, Octokit) is in a chunk
 * of its own that the action imports only to open a pull request or ask GitHub about a move,
 * and that the CLI imports only for its questions about a move (never to open anything);
 * the Sigstore verifier is in a chunk loaded only when a signature check meets a bundle.
 * The bundles are the ones the suite runs (scripts/testkit/bundle.mjs).
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ACTION_ENTRY, runAction } from '../support/run-action.js'
import { CLI_ENTRY } from '../support/run-cli.js'

/** Code only Octokit's packages carry: its user agent and its request-error class. */
const OCTOKIT = [/octokit-core\.js\//, /@octokit\/request-error/, /function getOctokit\(/]
/** An error code only @sigstore/verify carries. */
const SIGSTORE = /TLOG_BODY_ERROR/

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

  it('runs mode: matrix without loading any chunk, as the module loader sees it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-up-'))
    try {
      // A loader hook that notes every module file the run loads.
      const log = join(dir, 'loaded.txt')
      const hooks = join(dir, 'hooks.mjs')
      writeFileSync(
        hooks,
        "import { appendFileSync } from 'node:fs'\n" +
          'export async function load(url, context, next) {\n' +
          "  if (url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, url + '\\n')\n" +
          '  return next(url, context)\n' +
          '}\n'
      )
      const register = join(dir, 'register.mjs')
      writeFileSync(
        register,
        `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`
      )
      const workspace = join(dir, 'ws')
      mkdirSync(join(workspace, '.github'), { recursive: true })
      writeFileSync(
        join(workspace, '.github/containers.yml'),
        `containers:\n  - name: app\n    image: registry.example/app\n    tag: "1"\n    digest: sha256:${'a'.repeat(64)}\n`
      )
      const run = await runAction({
        workspace,
        inputs: { mode: 'matrix', token: 'ghs_unused' },
        env: { NODE_OPTIONS: `--import=${pathToFileURL(register).href}`, LOADED_LOG: log }
      })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.matrix).toContain('registry.example/app')
      const loaded = readFileSync(log, 'utf8').trim().split('\n')
      expect(loaded).toContain(pathToFileURL(ACTION_ENTRY).href)
      expect(loaded.filter(url => /\/\d+\.index\.js$/.test(url))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("keeps the GitHub client out of the CLI's entry, in a chunk loaded on its first question", () => {
    const cli = readFileSync(CLI_ENTRY, 'utf8')
    for (const marker of OCTOKIT) expect(cli).not.toMatch(marker)
    const chunks = readdirSync(dirname(CLI_ENTRY)).filter(f => /^\d+\.index\.js$/.test(f))
    const withClient = chunks.filter(f =>
      OCTOKIT.every(m => m.test(readFileSync(join(dirname(CLI_ENTRY), f), 'utf8')))
    )
    expect(withClient).toHaveLength(1)
  })

  it('keeps the Sigstore verifier out of both main bundles, in a chunk loaded on demand', () => {
    for (const entry of [ACTION_ENTRY, CLI_ENTRY]) {
      expect(readFileSync(entry, 'utf8')).not.toMatch(SIGSTORE)
      const chunks = readdirSync(dirname(entry)).filter(f => /^\d+\.index\.js$/.test(f))
      const withVerifier = chunks.filter(f =>
        SIGSTORE.test(readFileSync(join(dirname(entry), f), 'utf8'))
      )
      expect(withVerifier).toHaveLength(1)
    }
  })
})
