import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WorkspacePathError, checkWorkspacePath } from '../../src/adapters/fs/workspace-path.js'

describe('checkWorkspacePath', () => {
  let root: string
  let workspace: string

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'workspace-path-'))
    workspace = join(root, 'ws')
    mkdirSync(join(workspace, 'ci'), { recursive: true })
    mkdirSync(join(root, 'other'))
    writeFileSync(join(workspace, 'ci/containers.yml'), 'x')
    writeFileSync(join(root, 'other/containers.yml'), 'x')
    symlinkSync(join(root, 'other'), join(workspace, 'out'))
    symlinkSync('ci', join(workspace, 'in'))
    symlinkSync(join(root, 'other/containers.yml'), join(workspace, 'ci/link.yml'))
    symlinkSync(workspace, join(root, 'ws-link'))
  })

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const refusal = async (base: string, path: string) => {
    try {
      await checkWorkspacePath(base, path, 'the file')
    } catch (error) {
      if (error instanceof WorkspacePathError) return error.message
      throw error
    }
    return 'accepted'
  }

  it('accepts a real path inside, relative or absolute, and one that does not exist yet', async () => {
    expect(await checkWorkspacePath(workspace, 'ci/containers.yml', 'x')).toBe('ci/containers.yml')
    expect(await checkWorkspacePath(workspace, join(workspace, 'ci/containers.yml'), 'x')).toBe(
      'ci/containers.yml'
    )
    expect(await checkWorkspacePath(workspace, 'ci/new/file.yml', 'x')).toBe('ci/new/file.yml')
  })

  it('accepts a workspace that is itself reached through a link, named either way', async () => {
    const linked = join(root, 'ws-link')
    expect(await checkWorkspacePath(linked, 'ci/containers.yml', 'x')).toBe('ci/containers.yml')
    expect(await checkWorkspacePath(linked, join(workspace, 'ci/containers.yml'), 'x')).toBe(
      'ci/containers.yml'
    )
  })

  it('refuses a path outside, a linked directory (out or in) and a linked file', async () => {
    expect(await refusal(workspace, '../other/containers.yml')).toMatch(
      /^the file is outside the workspace/
    )
    expect(await refusal(workspace, join(root, 'other/containers.yml'))).toMatch(/outside/)
    expect(await refusal(workspace, 'out/containers.yml')).toMatch(
      /^the file is reached through out, a symbolic link/
    )
    expect(await refusal(workspace, 'in/containers.yml')).toMatch(/reached through in,/)
    expect(await refusal(workspace, 'ci/link.yml')).toMatch(/reached through ci\/link\.yml,/)
  })
})
