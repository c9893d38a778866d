/**
 * Whose commits a pull request branch holds: the trailer that marks this action's commits,
 * and the identity GitHub stamps on them, which a pushed commit cannot copy.
 */

/** Marks commits this action made, so a branch holding anyone else's work is never overwritten. */
export const COMMIT_TRAILER = 'Generated-by: image-digest-updater'

/** A commit on the branch as the compare API lists it. */
export interface BranchCommit {
  sha: string
  commit: {
    message: string
    author?: { name?: string; email?: string } | null
    committer?: { name?: string; email?: string } | null
    verification?: { verified: boolean }
  }
}

/** Who GitHub says made a commit. */
export interface CommitIdentity {
  sha: string
  author: string
  committer: string
  verified: boolean
}

function person(p: { name?: string; email?: string } | null | undefined): string {
  return `${p?.name ?? ''} <${(p?.email ?? '').toLowerCase()}>`
}

export function identityOf(
  sha: string,
  data: {
    author?: { name?: string; email?: string } | null
    committer?: { name?: string; email?: string } | null
    verification?: { verified: boolean }
  }
): CommitIdentity {
  return {
    sha,
    author: person(data.author),
    committer: person(data.committer),
    verified: data.verification?.verified === true
  }
}

export function hasTrailer(c: BranchCommit): boolean {
  return c.commit.message.split('\n').some(line => line.trim() === COMMIT_TRAILER)
}

/**
 * The same author and committer as the token's own commit, and signed when GitHub signs that
 * one (a pushed commit can copy a name and an address, not GitHub's signature).
 */
export function sameIdentity(c: BranchCommit, own: CommitIdentity): boolean {
  const theirs = identityOf(c.sha, c.commit)
  return (
    hasTrailer(c) &&
    theirs.author === own.author &&
    theirs.committer === own.committer &&
    (!own.verified || theirs.verified)
  )
}

export function shortList(commits: readonly BranchCommit[]): string {
  return commits
    .slice(0, 3)
    .map(c => c.sha.slice(0, 12))
    .join(', ')
}

export function withTrailer(message: string): string {
  return `${message.trimEnd()}\n\n${COMMIT_TRAILER}\n`
}
