/**
 * The README's quick start is the two commands a newcomer runs on a fresh machine, and
 * .ci/run must run exactly the second one: this keeps the three from drifting apart.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/run-action.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

function quickStartCommands(): string[] {
  const readme = read('README.md')
  const section = readme.slice(readme.indexOf('## Quick start (this repository)'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
  return block
    .split('\n')
    .map(line => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
}

describe('the quick start', () => {
  it('is exactly the demo command and the test command', () => {
    expect(quickStartCommands()).toEqual(['npm ci && npm run demo', 'npm ci && npm run all'])
  })

  it('is what .ci/run runs, and each npm script it names exists', () => {
    const [, testCommand] = quickStartCommands()
    const ciLines = read('.ci/run')
      .split('\n')
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('#'))
    expect(ciLines).toContain(testCommand)
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts
    expect(scripts.demo).toBe('node scripts/demo.mjs')
    expect(scripts.all).toContain('npm test')
    // The test command installs the registry's Debian packages itself, as the demo does.
    expect(scripts.test).toMatch(/^node scripts\/system-packages\.mjs && /)
    expect(read('scripts/demo.mjs')).toContain('ensureSystemPackages()')
  })

  it('runs the suites that run the bundle on Node 24 too, the runtime action.yml names', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts
    expect(read('action.yml')).toMatch(/^ {2}using: node24$/m)
    expect(scripts.test).toMatch(/ && node scripts\/testkit\/node24\.mjs$/)
    expect(read('scripts/testkit/node24.mjs')).toContain("'--selectProjects', 'bundle'")
    expect(read('jest.config.js')).toMatch(
      /displayName: 'bundle',\s+roots: \['<rootDir>\/__tests__\/integration', '<rootDir>\/__tests__\/reliability'\]/
    )
  })
})
