/**
 * The action reads the run's link from the runner's environment once, and only a checked
 * one reaches the pull request's footer.
 */
import { describe, expect, it } from '@jest/globals'
import { readRunLink } from '../../src/action/context.js'

const RUNNER = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/builds',
  GITHUB_RUN_ID: '1234'
}

describe('readRunLink', () => {
  it('links the run on the runner’s host', () => {
    expect(readRunLink(RUNNER)?.href).toBe('https://github.com/acme/builds/actions/runs/1234')
  })

  it.each([
    ['GITHUB_SERVER_URL', 'https://evil.example/x'],
    ['GITHUB_SERVER_URL', 'javascript:alert(1)//'],
    ['GITHUB_REPOSITORY', 'acme/builds/../../../evil.example'],
    ['GITHUB_RUN_ID', '1234?next=https://evil.example']
  ])('gives no link when %s is %s', (name, value) => {
    expect(readRunLink({ ...RUNNER, [name]: value })).toBeUndefined()
  })

  it('gives no link outside a workflow run', () => {
    expect(readRunLink({})).toBeUndefined()
    expect(readRunLink({ ...RUNNER, GITHUB_RUN_ID: '' })).toBeUndefined()
  })
})
