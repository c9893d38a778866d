/**
 * The body-template input names a file that is published as the pull request body: only a
 * regular file inside the workspace by its real path, outside .git, of at most 64 KiB.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BODY_TEMPLATE_MAX_BYTES, readBodyTemplate } from '../../src/action/pull-request.js'

describe('readBodyTemplate', () => {
  let root: string
  let workspace: string

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'body-template-'))
    workspace = join(root, 'workspace')
    mkdirSync(join(workspace, 'docs'), { recursive: true })
    mkdirSync(join(workspace, '.git'))
    writeFileSync(join(root, 'outside.md'), 'outside')
    writeFileSync(join(workspace, 'docs/body.md'), 'inside {table}')
    writeFileSync(join(workspace, '.git/config'), '[http] extraheader = secret')
    writeFileSync(join(workspace, 'max.md'), 'x'.repeat(BODY_TEMPLATE_MAX_BYTES))
    writeFileSync(join(workspace, 'huge.md'), 'x'.repeat(BODY_TEMPLATE_MAX_BYTES + 1))
    symlinkSync('docs/body.md', join(workspace, 'inner-link.md'))
    symlinkSync(join(root, 'outside.md'), join(workspace, 'outer-link.md'))
    symlinkSync('/proc/self/environ', join(workspace, 'environ.md'))
    symlinkSync('.git/config', join(workspace, 'git-link.md'))
    symlinkSync(root, join(workspace, 'up'))
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it.each([
    ['docs/body.md', 'inside {table}'],
    ['inner-link.md', 'inside {table}'],
    ['Inline {table} text', 'Inline {table} text'],
    ['no-such-file.md', 'no-such-file.md'],
    ['two\nlines', 'two\nlines']
  ])('%j gives %j', async (value, template) => {
    await expect(readBodyTemplate(value, workspace)).resolves.toBe(template)
  })

  it('reads a template of exactly the cap', async () => {
    await expect(readBodyTemplate('max.md', workspace)).resolves.toHaveLength(
      BODY_TEMPLATE_MAX_BYTES
    )
  })

  it.each([
    ['../outside.md', /outside the workspace/],
    ['ABSOLUTE', /outside the workspace/],
    ['outer-link.md', /outside the workspace/],
    ['up/outside.md', /outside the workspace/],
    ['environ.md', /outside the workspace/],
    ['git-link.md', /inside \.git/],
    ['.git/config', /inside \.git/],
    ['docs', /not a regular file/],
    ['huge.md', /larger than 64 KiB/]
  ])('%j is refused', async (value, why) => {
    const name = value === 'ABSOLUTE' ? join(root, 'outside.md') : value
    await expect(readBodyTemplate(name, workspace)).rejects.toThrow(why)
    await expect(readBodyTemplate(name, workspace)).rejects.toThrow(/^input body-template: /)
  })
})
