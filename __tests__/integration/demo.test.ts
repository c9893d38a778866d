/**
 * `npm run demo` is the README's first command: it must keep working end to end and leave
 * nothing running or on disk behind it.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runCommand } from '../support/run-cli.js'
import { ROOT } from '../support/run-action.js'

describe('npm run demo', () => {
  it('updates the example config against the local registry, shows it all, and cleans up', async () => {
    const run = await runCommand(process.execPath, [join(ROOT, 'scripts/demo.mjs')], {
      cwd: ROOT,
      env: { NO_COLOR: '1' }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const out = run.stdout
    // The table, from the bundled command line.
    expect(out).toMatch(/^NAME +REFERENCE +PREVIOUS → CURRENT +STATUS$/m)
    expect(out).toMatch(/^armv7-unknown-linux-musleabi +\S+ +[0-9a-f]{12} +unchanged$/m)
    expect(
      out.match(/^\S+-unknown-linux-musl +\S+ +[0-9a-f]{12} → [0-9a-f]{12} +updated$/gm)
    ).toHaveLength(3)
    expect(out).toContain('Wrote 3 digests to .github/rust-cross-containers.yml.')
    // The diff of the config on disk: three digest lines, nothing else.
    expect(out.match(/^- {4}current_sha: [0-9a-f]{64}$/gm)).toHaveLength(3)
    expect(out.match(/^\+ {4}current_sha: [0-9a-f]{64}$/gm)).toHaveLength(3)
    // The matrix and the pull request body.
    expect(
      out.match(
        /"image_ref": "127\.0\.0\.1:\d+\/rust-cross\/rust-musl-cross:[a-z0-9_-]+@sha256:[0-9a-f]{64}"/g
      )
    ).toHaveLength(4)
    expect(out).toContain('## Container Hash Updates')
    expect(out).toMatch(
      /https:\/\/github\.com\/rust-cross\/rust-musl-cross\/compare\/[0-9a-f]{40}\.\.\.[0-9a-f]{40}/
    )

    const scratch = /scratch folder (\S+),$/m.exec(out)?.[1]
    expect(scratch).toBeDefined()
    expect(existsSync(scratch!)).toBe(false)
    const registryUrl = /on (http:\/\/127\.0\.0\.1:\d+), behind token auth/.exec(out)?.[1]
    expect(registryUrl).toBeDefined()
    await expect(fetch(`${registryUrl}/v2/`)).rejects.toThrow()
  })
})
