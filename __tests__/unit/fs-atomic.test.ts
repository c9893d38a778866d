import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/adapters/fs/atomic-write.js'

/** The id of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'atomic-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('replaces the file, keeps its mode and leaves no temporary file', async () => {
    const path = join(dir, 'containers.yml')
    writeFileSync(path, 'old', { mode: 0o640 })
    await writeFileAtomic(path, 'new')
    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(statSync(path).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['containers.yml'])
  })

  it('removes what a killed writer left behind, and nothing a live one or anyone else owns', async () => {
    const path = join(dir, 'containers.yml')
    writeFileSync(path, 'old')
    const stale = `.containers.yml.${deadPid()}.0123abcd.tmp`
    const live = `.containers.yml.${process.pid}.89abcdef.tmp`
    const others = ['.other.yml.1.0123abcd.tmp', '.containers.yml.backup', 'notes.tmp']
    for (const name of [stale, live, ...others]) writeFileSync(join(dir, name), 'partial')
    await writeFileAtomic(path, 'new')
    expect(readdirSync(dir).sort()).toEqual([live, ...others, 'containers.yml'].sort())
  })
})
