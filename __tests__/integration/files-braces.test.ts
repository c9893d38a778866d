/**
 * Brace alternatives in `files` multiply: `{a,b}` forty times is 2^40 patterns. The bundled
 * action must refuse such a pattern at once with a message naming it, not run out of memory.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { annotations, runAction } from '../support/run-action.js'

describe('files with brace alternatives', () => {
  it('keeps a pattern with braces whole: commas inside braces do not split the input', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'files-braces-'))
    try {
      mkdirSync(join(workspace, '.github'))
      writeFileSync(join(workspace, '.github/containers.yml'), 'containers: []\n')
      const run = await runAction({
        workspace,
        inputs: {
          config: '.github/containers.yml',
          files: '{compose,docker-compose}.{yml,yaml}, Dockerfile',
          token: 'ghs_unused000000000000000000000000000000',
          'pull-request': 'false'
        },
        timeoutMs: 30_000
      })
      const unmatched = annotations(run, 'warning').filter(w => w.startsWith('files: pattern'))
      expect(unmatched).toEqual([
        'files: pattern "{compose,docker-compose}.{yml,yaml}" matches no file in the workspace',
        'files: pattern "Dockerfile" matches no file in the workspace'
      ])
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })

  it('refuses a pattern that expands to more than 256 paths, naming it', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'files-braces-'))
    try {
      mkdirSync(join(workspace, '.github'))
      const config = '# nothing pinned yet\ncontainers: []\n'
      writeFileSync(join(workspace, '.github/containers.yml'), config)
      const pattern = `deploy/${'{a,b}'.repeat(40)}.yaml`
      const run = await runAction({
        workspace,
        inputs: {
          config: '.github/containers.yml',
          files: pattern,
          token: 'ghs_unused000000000000000000000000000000',
          'pull-request': 'false'
        },
        timeoutMs: 30_000
      })
      expect(run.exitCode).toBe(1)
      expect(annotations(run, 'error')).toContainEqual(
        expect.stringContaining(
          `files: pattern "${pattern}" expands to more than 256 paths with its {…} alternatives`
        )
      )
      expect(readFileSync(join(workspace, '.github/containers.yml'), 'utf8')).toBe(config)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
