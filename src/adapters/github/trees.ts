/**
 * Git trees of a pull request branch: the one the change computes on top of the base, written
 * as blobs and a tree, and the check that a branch's tree is exactly that one.
 */
import { createHash } from 'node:crypto'
import type { Octokit, PullRequestChange, RepositoryId } from './pull-requests.js'

export interface TreeEntry {
  path?: string
  mode?: string
  type?: string
  sha?: string
}

function modeOf(change: PullRequestChange, path: string): '100755' | '100644' {
  return change.base.modes.get(path) === '100755' ? '100755' : '100644'
}

/**
 * Whether a tree is exactly the base's tree with the change's files in it, compared entry by
 * entry from listings, without writing anything; undefined when a listing is truncated.
 */
export async function treeIsComputed(
  octokit: Octokit,
  repository: RepositoryId,
  treeSha: string,
  change: PullRequestChange
): Promise<boolean | undefined> {
  const { owner, repo } = repository
  if (!change.base.entries) return undefined
  const want = new Map(change.base.entries)
  for (const [path, content] of change.files)
    want.set(path, { mode: modeOf(change, path), sha: blobSha(Buffer.from(content, 'utf8')) })
  const listing = (
    await octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' })
  ).data
  if (listing.truncated) return undefined
  const have = flatTree(listing.tree)
  if (have.size !== want.size) return false
  for (const [path, entry] of want) {
    const other = have.get(path)
    if (other?.sha !== entry.sha || other.mode !== entry.mode) return false
  }
  return true
}

export async function buildTree(
  octokit: Octokit,
  repository: RepositoryId,
  change: PullRequestChange
): Promise<string> {
  const { owner, repo } = repository
  const tree = []
  for (const [path, content] of change.files) {
    const blob = await octokit.rest.git.createBlob({
      owner,
      repo,
      content: Buffer.from(content, 'utf8').toString('base64'),
      encoding: 'base64'
    })
    tree.push({ path, mode: modeOf(change, path), type: 'blob' as const, sha: blob.data.sha })
  }
  const newTree = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: change.base.treeSha,
    tree
  })
  return newTree.data.sha
}

/** path → mode and object id of every entry of a recursive listing that is not a directory. */
export function flatTree(tree: readonly TreeEntry[]): Map<string, { mode: string; sha: string }> {
  const flat = new Map<string, { mode: string; sha: string }>()
  for (const e of tree)
    if (e.path && e.sha && e.type !== 'tree') flat.set(e.path, { mode: e.mode ?? '', sha: e.sha })
  return flat
}

/** The id git gives a blob of these bytes. */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}
