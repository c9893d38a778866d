/**
 * The contents API: a file (base64, or raw with the raw media type; over 1 MB with empty content
 * and encoding "none", as GitHub does), a directory listing, or a submodule or symlink entry.
 */
import type { TreeEntry } from './git-store.js'
import { fail, notFound } from './http-errors.js'
import type { Context, Reply, RouteTable } from './router.js'
import { base64Lines, wantsRaw } from './shapes.js'
import type { RepositoryState } from './state.js'

const CONTENTS_INLINE_LIMIT = 1024 * 1024

export const contents: RouteTable = {
  'GET /repos/{owner}/{repo}/contents': getContents,
  'GET /repos/{owner}/{repo}/contents/{+path}': getContents
}

function getContents(ctx: Context): Reply {
  const { state } = ctx
  const ref = ctx.query.ref ?? state.defaultBranch
  const commit = state.resolveCommit(ref) ?? fail(404, `No commit found for the ref ${ref}`)
  const path = (ctx.params.path ?? '').replace(/\/+$/, '')
  const entry = state.git.lookup(state.git.commits.get(commit)!.tree, path) ?? notFound()
  if (entry.type === 'tree') {
    const list = (state.git.trees.get(entry.sha) ?? []).map(e =>
      contentsEntry(state, path ? `${path}/${e.name}` : e.name, e)
    )
    return { status: 200, body: list }
  }
  const meta = contentsEntry(state, path, entry)
  if (entry.type !== 'blob') return { status: 200, body: meta }
  const blob = state.git.blobs.get(entry.sha)!
  if (wantsRaw(ctx)) return { status: 200, raw: blob }
  const inline = blob.length <= CONTENTS_INLINE_LIMIT
  return {
    status: 200,
    body: {
      ...meta,
      content: inline ? base64Lines(blob) : '',
      encoding: inline ? 'base64' : 'none',
      _links: { self: meta.url, git: meta.git_url, html: meta.html_url }
    }
  }
}

function contentsEntry(state: RepositoryState, path: string, e: TreeEntry) {
  const type =
    e.type === 'tree'
      ? 'dir'
      : e.type === 'commit'
        ? 'submodule'
        : e.mode === '120000'
          ? 'symlink'
          : 'file'
  const size = e.type === 'blob' ? state.git.blobs.get(e.sha)!.length : 0
  return {
    type,
    name: path.split('/').pop() ?? path,
    path,
    sha: e.sha,
    size,
    url: `${state.repoUrl}/contents/${path}`,
    html_url: `${state.htmlUrl}/blob/${e.sha}/${path}`,
    git_url: `${state.repoUrl}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
    download_url: type === 'file' ? `${state.htmlUrl}/raw/${e.sha}/${path}` : null
  }
}
