/**
 * A restart of the fake: the repository (git objects, refs, pulls, labels, counters) saved to
 * a JSON file when the fake stops and read back when one starts with the same file, as GitHub
 * keeps a repository across any restart of its servers. Tests that check what must survive
 * between runs (the first-seen store) stop the fake and start a new one on the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { StoredCommit, TreeEntry } from './git-store.js'
import type { PullState, RepositoryState } from './state.js'

interface SavedState {
  blobs: Array<[string, string]>
  trees: Array<[string, TreeEntry[]]>
  commits: StoredCommit[]
  seq: number
  refs: Array<[string, string]>
  pulls: PullState[]
  labels: Array<[string, { id: number; name: string }]>
  nextIssue: number
  nextId: number
}

export function saveState(state: RepositoryState, path: string): void {
  const { git } = state
  const saved: SavedState = {
    blobs: [...git.blobs].map(([sha, bytes]) => [sha, bytes.toString('base64')]),
    trees: [...git.trees],
    commits: [...git.commits.values()],
    seq: git.seq,
    refs: [...state.refs],
    pulls: [...state.pulls.values()],
    labels: [...state.labels],
    nextIssue: state.nextIssue,
    nextId: state.nextId
  }
  writeFileSync(path, JSON.stringify(saved))
}

/** Restores a saved repository into a fresh state; false when there is no file yet. */
export function loadState(state: RepositoryState, path: string): boolean {
  if (!existsSync(path)) return false
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedState
  const { git } = state
  for (const [sha, base64] of saved.blobs) git.blobs.set(sha, Buffer.from(base64, 'base64'))
  for (const [sha, entries] of saved.trees) git.trees.set(sha, entries)
  for (const commit of saved.commits) git.commits.set(commit.sha, commit)
  git.seq = saved.seq
  for (const [name, sha] of saved.refs) state.refs.set(name, sha)
  for (const pull of saved.pulls) state.pulls.set(pull.number, pull)
  for (const [key, label] of saved.labels) state.labels.set(key, label)
  state.nextIssue = saved.nextIssue
  state.nextId = saved.nextId
  return true
}
