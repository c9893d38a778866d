import { describe, expect, it } from '@jest/globals'
import {
  type BranchCommit,
  COMMIT_TRAILER,
  identityOf,
  sameIdentity
} from '../../src/adapters/github/pull-requests.js'

const BOT = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}
const WEB = { name: 'GitHub', email: 'noreply@github.com' }

function commit(
  message: string,
  author: { name: string; email: string },
  committer: { name: string; email: string },
  verified: boolean
): BranchCommit {
  return { sha: 'a'.repeat(40), commit: { message, author, committer, verification: { verified } } }
}

const marked = `chore: Update container image digests\n\n${COMMIT_TRAILER}\n`

describe('sameIdentity', () => {
  const own = identityOf('b'.repeat(40), {
    author: BOT,
    committer: WEB,
    verification: { verified: true }
  })

  it('accepts a commit with the trailer, the same author and committer, and a signature', () => {
    expect(sameIdentity(commit(marked, BOT, WEB, true), own)).toBe(true)
    // Addresses are compared without case, as GitHub matches them.
    const shouting = { ...BOT, email: BOT.email.toUpperCase() }
    expect(sameIdentity(commit(marked, shouting, WEB, true), own)).toBe(true)
  })

  it('refuses the trailer alone, a copied identity without the signature, and a missing trailer', () => {
    const mona = { name: 'Mona', email: 'mona@example.com' }
    expect(sameIdentity(commit(marked, mona, WEB, true), own)).toBe(false)
    expect(sameIdentity(commit(marked, BOT, mona, true), own)).toBe(false)
    expect(sameIdentity(commit(marked, BOT, WEB, false), own)).toBe(false)
    expect(sameIdentity(commit('chore: no trailer\n', BOT, WEB, true), own)).toBe(false)
  })

  it('does not ask for a signature where GitHub signs none (GHES without commit signing)', () => {
    const unsigned = identityOf('c'.repeat(40), { author: BOT, committer: BOT })
    expect(sameIdentity(commit(marked, BOT, BOT, false), unsigned)).toBe(true)
    expect(sameIdentity(commit(marked, BOT, WEB, false), unsigned)).toBe(false)
  })
})
