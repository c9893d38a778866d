/**
 * Reading the base branch: its head, its tree, and the files the run needs as they are there,
 * with each file's mode and what a path is when it is no regular file.
 */
import { matchPaths } from '../fs/workspace-files.js'
import { PullRequestError, status } from './pull-request-error.js'
import type { BaseSnapshot, Octokit, RepositoryId } from './pull-requests.js'
import { type TreeEntry, flatTree } from './trees.js'

const NOT_FILE: Record<string, string> = {
  '120000': 'a symbolic link',
  '040000': 'a directory',
  '160000': 'a submodule'
}

/**
 * Reads the base branch's head, its tree, and the given files as they are there, plus every
 * file the patterns (the `files` globs) name in that tree.
 */
export async function readBase(
  octokit: Octokit,
  repository: RepositoryId,
  base: string | undefined,
  paths: readonly string[],
  patterns: readonly string[] = []
): Promise<BaseSnapshot> {
  const { owner, repo } = repository
  const branch = base ?? (await octokit.rest.repos.get({ owner, repo })).data.default_branch
  let sha: string
  try {
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })
    sha = ref.data.object.sha
  } catch (error) {
    if (status(error) === 404)
      throw new PullRequestError(`base branch "${branch}" does not exist in ${owner}/${repo}`, {
        fix: { text: '{set:base} to an existing branch' }
      })
    throw error
  }
  const commit = await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha })
  const treeSha = commit.data.tree.sha
  const files = new Map<string, Buffer | undefined>()
  const modes = new Map<string, string>()
  const notFiles = new Map<string, string>()
  // One listing of the whole tree gives every path's mode (an executable script must stay
  // executable) and kind; a listing GitHub truncated falls back to one lookup per path.
  const listing = (
    await octokit.rest.git.getTree({ owner, repo, tree_sha: treeSha, recursive: '1' })
  ).data
  const entries = new Map<string, TreeEntry>()
  for (const e of listing.tree) if (e.path) entries.set(e.path, e)
  const flat = listing.truncated ? undefined : flatTree(listing.tree)
  const matched = flat
    ? matchPaths(patterns, flat.keys()).filter(p => !paths.includes(p))
    : undefined
  for (const path of [...paths, ...(matched ?? [])]) {
    const entry = entries.get(path)
    if (!entry && !listing.truncated) {
      files.set(path, undefined)
    } else if (entry && (entry.type !== 'blob' || NOT_FILE[entry.mode ?? ''])) {
      files.set(path, undefined)
      notFiles.set(path, NOT_FILE[entry.mode ?? ''] ?? `a ${entry.type}`)
    } else if (entry?.sha) {
      const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: entry.sha })
      files.set(path, Buffer.from(blob.data.content, 'base64'))
      modes.set(path, entry.mode ?? '100644')
    } else {
      const read = await readFile(octokit, repository, path, sha)
      if (read && 'kind' in read) notFiles.set(path, `a ${read.kind}`)
      files.set(path, read && 'bytes' in read ? read.bytes : undefined)
    }
  }
  return { branch, sha, treeSha, files, modes, notFiles, matched, entries: flat }
}

async function readFile(
  octokit: Octokit,
  repository: RepositoryId,
  path: string,
  ref: string
): Promise<{ bytes: Buffer } | { kind: string } | undefined> {
  const { owner, repo } = repository
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref })
    if (Array.isArray(data)) return { kind: 'directory' }
    if (data.type !== 'file') return { kind: data.type }
    if ('content' in data && typeof data.content === 'string' && data.content !== '') {
      return { bytes: Buffer.from(data.content, 'base64') }
    }
    // The contents API leaves files over 1 MB empty; their blob has the bytes.
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: data.sha })
    return { bytes: Buffer.from(blob.data.content, 'base64') }
  } catch (error) {
    if (status(error) === 404) return undefined
    throw error
  }
}
