import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  FilesPatternError,
  compilePatterns,
  expandBraces,
  expandWorkspaceFiles,
  matchPaths,
  splitPatternList
} from '../../src/adapters/fs/workspace-files.js'

describe('expandBraces', () => {
  it('expands alternatives, nested and repeated, and leaves lone braces alone', () => {
    expect(expandBraces('{compose,docker-compose}.{yml,yaml}')).toEqual([
      'compose.yml',
      'compose.yaml',
      'docker-compose.yml',
      'docker-compose.yaml'
    ])
    expect(expandBraces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef'])
    expect(expandBraces('x{y}z')).toEqual(['x{y}z'])
    expect(expandBraces('x{y,z')).toEqual(['x{y,z'])
  })

  it('expands up to 256 paths, and refuses more before building them', () => {
    expect(expandBraces('{a,b}'.repeat(8))).toHaveLength(256)
    // 2^40 paths: refused after at most 257 are built, not after a trillion.
    expect(() => compilePatterns(['{a,b}'.repeat(40)])).toThrow(
      new FilesPatternError(
        `files: pattern "${'{a,b}'.repeat(40)}" expands to more than 256 paths with its {…} alternatives; split it into several patterns or use * and ** instead`
      )
    )
  })
})

describe('splitPatternList', () => {
  it('splits on newlines and on commas outside braces', () => {
    expect(splitPatternList('{compose,docker-compose}.yml, Dockerfile\n deploy/*.yaml')).toEqual([
      '{compose,docker-compose}.yml',
      'Dockerfile',
      'deploy/*.yaml'
    ])
    // An unbalanced brace ends with its line.
    expect(splitPatternList('a{b,c\nd,e')).toEqual(['a{b,c', 'd', 'e'])
  })
})

describe('compilePatterns', () => {
  it('refuses patterns that climb out of the workspace or are absolute', () => {
    expect(() => compilePatterns(['../other/Dockerfile'])).toThrow(
      new FilesPatternError(
        'files: pattern "../other/Dockerfile" leaves the workspace with ".."; only files inside the workspace can be updated'
      )
    )
    expect(() => compilePatterns(['deploy/../../x'])).toThrow(/leaves the workspace/)
    expect(() => compilePatterns(['{deploy,..}/*.yaml'])).toThrow(
      /pattern "\{deploy,\.\.\}\/\*\.yaml" \(as "\.\.\/\*\.yaml"\) leaves the workspace/
    )
    expect(() => compilePatterns(['/etc/passwd'])).toThrow(
      'files: pattern "/etc/passwd" is absolute; write it relative to the workspace'
    )
    expect(() => compilePatterns(['C:/x'])).toThrow(/is absolute/)
  })

  it('matches * and ? within a segment and ** across any number of them', () => {
    const [pattern] = compilePatterns(['deploy/**/*.y?ml'])
    const matches = (path: string) => pattern!.regex.test(path)
    expect(matches('deploy/app.yaml')).toBe(true)
    expect(matches('deploy/a/b/c.yaml')).toBe(true)
    expect(matches('deploy/.hidden.yaml')).toBe(true)
    expect(matches('deploy/app.yml')).toBe(false)
    expect(matches('other/deploy/app.yaml')).toBe(false)
    const [star] = compilePatterns(['*.yml'])
    expect(star!.regex.test('a.yml')).toBe(true)
    expect(star!.regex.test('dir/a.yml')).toBe(false)
    expect(compilePatterns(['./Dockerfile'])[0]!.text).toBe('Dockerfile')
  })
})

describe('expandWorkspaceFiles', () => {
  let root: string
  let outside: string

  const write = (path: string, content = 'x\n') => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'workspace-files-'))
    outside = mkdtempSync(join(tmpdir(), 'outside-'))
    writeFileSync(join(outside, 'secret.yml'), 'image: nginx\n')
    mkdirSync(join(outside, 'dir'))
    writeFileSync(join(outside, 'dir', 'leak.yml'), 'image: nginx\n')
    write('Dockerfile')
    write('build/Dockerfile.release')
    write('compose.yaml')
    write('deploy/k8s/app.yaml')
    write('deploy/k8s/nested/worker.yaml')
    write('.github/workflows/ci.yml')
    write('.github/containers.yml')
    write('.git/config.yml')
    symlinkSync(join(outside, 'secret.yml'), join(root, 'deploy/k8s/linked.yaml'))
    symlinkSync(join(outside, 'dir'), join(root, 'deploy/k8s/linked-dir'))
    symlinkSync(join(outside, 'dir'), join(root, 'linked'))
  })

  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })

  it('finds every matching regular file once, sorted, without the config and never in .git', async () => {
    const found = await expandWorkspaceFiles(
      root,
      ['**/Dockerfile*', '{compose,docker-compose}.{yml,yaml}', 'deploy/**/*.yaml', '**/*.yml'],
      [join(root, '.github/containers.yml')]
    )
    expect(found.files.map(f => f.path)).toEqual([
      '.github/workflows/ci.yml',
      'Dockerfile',
      'build/Dockerfile.release',
      'compose.yaml',
      'deploy/k8s/app.yaml',
      'deploy/k8s/nested/worker.yaml'
    ])
    expect(found.files[1]!.absolutePath).toBe(join(root, 'Dockerfile'))
    expect(found.unmatched).toEqual([])
  })

  it('never follows a symbolic link, and says which it skipped', async () => {
    const found = await expandWorkspaceFiles(root, [
      'deploy/k8s/*.yaml',
      'linked/leak.yml',
      '**/leak.yml'
    ])
    expect(found.files.map(f => f.path)).toEqual(['deploy/k8s/app.yaml'])
    expect(found.skipped).toEqual([
      { path: 'deploy/k8s/linked.yaml', reason: expect.stringMatching(/symbolic link/) },
      { path: 'linked', reason: expect.stringMatching(/never followed/) }
    ])
    expect(found.unmatched).toEqual(['**/leak.yml'])
  })

  it('reports patterns that match nothing, counting one that matched only the config as matched', async () => {
    const found = await expandWorkspaceFiles(
      root,
      ['charts/**/*.yaml', 'Dockerfile.missing', '.github/*.yml'],
      [join(root, '.github/containers.yml')]
    )
    expect(found.files).toEqual([])
    expect(found.unmatched).toEqual(['charts/**/*.yaml', 'Dockerfile.missing'])
  })

  it('matches a listing (a branch tree) exactly as it walks the workspace', async () => {
    // The pull request reads the globs' files from the base tree: the same patterns must name
    // the same regular files there as in a checkout of it.
    const patterns = ['**/Dockerfile*', '{compose,docker-compose}.{yml,yaml}', 'deploy/**/*.yaml']
    const walked = await expandWorkspaceFiles(root, [...patterns, '**/*.yml'])
    const listing = [
      '.git/config.yml',
      '.github/containers.yml',
      '.github/workflows/ci.yml',
      'Dockerfile',
      'build/Dockerfile.release',
      'compose.yaml',
      'deploy/k8s/app.yaml',
      'deploy/k8s/nested/worker.yaml',
      'README.md'
    ]
    expect(matchPaths([...patterns, '**/*.yml'], listing)).toEqual(walked.files.map(f => f.path))
  })
})
