/**
 * The git database API: refs, commits, trees and blobs, as the action writes a commit through
 * it (blobs, a tree on a base tree, a commit, then a ref update).
 */
import { MODES, type Person } from './git-store.js'
import { bodyOf, field, notFound, unprocessable } from './http-errors.js'
import { refuseWorkflowChanges } from './permissions.js'
import type { RouteTable } from './router.js'
import { base64Lines, gitCommitJson, refJson, treeEntryJson, wantsRaw } from './shapes.js'
import { BOT, type RepositoryState } from './state.js'
import { editTree, place, writeTree } from './tree-edit.js'

export const gitDatabase: RouteTable = {
  'GET /repos/{owner}/{repo}/git/ref/{+ref}': ctx => {
    const { state } = ctx
    const full = `refs/${ctx.params.ref}`
    const sha = state.refs.get(full) ?? notFound()
    return { status: 200, body: refJson(state, full, sha) }
  },

  'GET /repos/{owner}/{repo}/git/matching-refs/{+ref}': ctx => {
    const { state } = ctx
    return { status: 200, body: refsJson(state, `refs/${ctx.params.ref}`) }
  },

  // The legacy plural form: an exact match is one ref, a prefix is a list.
  'GET /repos/{owner}/{repo}/git/refs/{+ref}': ctx => {
    const { state } = ctx
    const full = `refs/${ctx.params.ref}`
    const exact = state.refs.get(full)
    if (exact) return { status: 200, body: refJson(state, full, exact) }
    const list = refsJson(state, `${full}/`)
    if (list.length === 0) notFound()
    return { status: 200, body: list }
  },

  'POST /repos/{owner}/{repo}/git/refs': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const ref = field<string>(body, 'ref', 'string', true)
    const sha = field<string>(body, 'sha', 'string', true)
    if (!validRefName(ref)) unprocessable(`${ref} is not a valid ref name.`)
    if (state.refs.has(ref)) unprocessable('Reference already exists')
    if (!state.git.typeOf(sha)) unprocessable('Object does not exist')
    if (ref.startsWith('refs/heads/') && !state.git.commits.has(sha))
      unprocessable('Reference update failed')
    if (ref.startsWith('refs/heads/')) refuseWorkflowChanges(ctx, sha)
    state.setRef(ref, sha)
    return {
      status: 201,
      body: refJson(state, ref, sha),
      headers: { location: `${state.repoUrl}/git/${ref}` }
    }
  },

  'PATCH /repos/{owner}/{repo}/git/refs/{+ref}': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const full = `refs/${ctx.params.ref}`
    const sha = field<string>(body, 'sha', 'string', true)
    const force = field<boolean>(body, 'force', 'boolean') ?? false
    const current = state.refs.get(full) ?? unprocessable('Reference does not exist')
    if (!state.git.typeOf(sha)) unprocessable('Object does not exist')
    if (!force && !state.git.ancestors(sha).has(current))
      unprocessable('Update is not a fast forward')
    if (full.startsWith('refs/heads/')) refuseWorkflowChanges(ctx, sha)
    state.setRef(full, sha)
    return { status: 200, body: refJson(state, full, sha) }
  },

  'DELETE /repos/{owner}/{repo}/git/refs/{+ref}': ctx => {
    const { state } = ctx
    const full = `refs/${ctx.params.ref}`
    if (!state.refs.has(full)) unprocessable('Reference does not exist')
    state.setRef(full, undefined)
    return { status: 204 }
  },

  'GET /repos/{owner}/{repo}/git/commits/{sha}': ctx => {
    const { state } = ctx
    const commit = state.git.commits.get(ctx.params.sha!) ?? notFound()
    return { status: 200, body: gitCommitJson(state, commit) }
  },

  'POST /repos/{owner}/{repo}/git/commits': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const message = field<string>(body, 'message', 'string', true)
    const tree = field<string>(body, 'tree', 'string', true)
    const parents = field<unknown[]>(body, 'parents', 'array') ?? []
    if (!state.git.trees.has(tree)) unprocessable('Tree SHA does not exist')
    for (const p of parents)
      if (typeof p !== 'string' || !state.git.commits.has(p))
        unprocessable('Parent SHA does not exist or is not a commit object')
    const at = state.seconds()
    const bot: Person = { name: BOT.name, email: BOT.email, seconds: at, tz: '+0000' }
    const author = body.author != null ? parsePerson(body.author, 'author', at) : undefined
    const committer =
      body.committer != null ? parsePerson(body.committer, 'committer', at) : undefined
    // Without an identity GitHub commits as the token and signs; with one it cannot sign.
    const sha = state.git.putCommit({
      tree,
      parents: parents as string[],
      author: author ?? committer ?? bot,
      committer: committer ?? author ?? bot,
      message,
      verified: !author && !committer
    })
    return {
      status: 201,
      body: gitCommitJson(state, state.git.commits.get(sha)!),
      headers: { location: `${state.repoUrl}/git/commits/${sha}` }
    }
  },

  'GET /repos/{owner}/{repo}/git/trees/{+sha}': ctx => {
    const { state } = ctx
    // Like GitHub, a commit sha or a branch name stands for its tree.
    let sha = ctx.params.sha!
    if (!state.git.trees.has(sha)) {
      const commit = state.resolveCommit(sha)
      sha = commit ? state.git.commits.get(commit)!.tree : notFound()
    }
    // GitHub recurses for any value of the parameter, even 0 or false.
    const recursive = ctx.query.recursive !== undefined && !state.truncating
    const tree: unknown[] = []
    const walk = (treeSha: string, prefix: string) => {
      for (const e of state.git.trees.get(treeSha) ?? []) {
        const path = prefix + e.name
        tree.push(treeEntryJson(state, path, e))
        if (recursive && e.type === 'tree') walk(e.sha, `${path}/`)
      }
    }
    walk(sha, '')
    return {
      status: 200,
      body: {
        sha,
        url: `${state.repoUrl}/git/trees/${sha}`,
        tree,
        truncated: state.truncating && ctx.query.recursive !== undefined
      }
    }
  },

  'POST /repos/{owner}/{repo}/git/trees': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const entries = field<unknown[]>(body, 'tree', 'array', true)
    const baseTree = field<string>(body, 'base_tree', 'string')
    if (baseTree !== undefined && !state.git.trees.has(baseTree))
      unprocessable('base_tree is not a valid tree oid')
    const root = editTree(baseTree)
    for (const raw of entries) {
      const e = raw as Record<string, unknown>
      if (typeof e !== 'object' || e === null) unprocessable('Invalid tree info')
      const path = e.path
      const mode = e.mode
      const type = e.type
      if (typeof path !== 'string') unprocessable('Invalid request.\n\n"path" wasn\'t supplied.')
      if (typeof mode !== 'string' || !(mode in MODES))
        unprocessable(`Invalid request.\n\n${JSON.stringify(mode)} is not a valid tree.mode.`)
      if (type !== undefined && type !== MODES[mode])
        unprocessable(
          `Invalid request.\n\ntree.type ${JSON.stringify(type)} does not fit mode ${mode}.`
        )
      const objectType = MODES[mode]!
      const hasSha = 'sha' in e
      const hasContent = typeof e.content === 'string'
      if (hasSha === hasContent)
        unprocessable(
          'Must supply either tree.sha or tree.content. Request will be rejected if both are present.'
        )
      if (hasSha && e.sha === null) {
        place(state.git, root, path, null)
        continue
      }
      let sha: string
      if (hasContent) {
        if (objectType !== 'blob') unprocessable('tree.content is only valid for a blob')
        sha = state.git.putBlob(Buffer.from(e.content as string, 'utf8'))
      } else {
        sha = typeof e.sha === 'string' ? e.sha : ''
        if (objectType !== 'commit' && state.git.typeOf(sha) !== objectType)
          unprocessable(`tree.sha ${sha} is not a valid ${objectType}`)
      }
      place(
        state.git,
        root,
        path,
        objectType === 'tree'
          ? { kind: 'tree', sha }
          : { kind: 'leaf', mode, type: objectType, sha }
      )
    }
    const sha = writeTree(state.git, root)
    const listed = state.git.trees.get(sha)!.map(e => treeEntryJson(state, e.name, e))
    return {
      status: 201,
      body: { sha, url: `${state.repoUrl}/git/trees/${sha}`, tree: listed, truncated: false },
      headers: { location: `${state.repoUrl}/git/trees/${sha}` }
    }
  },

  'POST /repos/{owner}/{repo}/git/blobs': ctx => {
    const { state } = ctx
    const body = bodyOf(ctx.body)
    const content = field<string>(body, 'content', 'string', true)
    const encoding = field<string>(body, 'encoding', 'string') ?? 'utf-8'
    let bytes: Buffer
    if (encoding === 'base64') {
      if (!/^[A-Za-z0-9+/=\s]*$/.test(content)) unprocessable('Invalid base64 content')
      bytes = Buffer.from(content, 'base64')
    } else if (encoding === 'utf-8' || encoding === 'utf8') bytes = Buffer.from(content, 'utf8')
    else unprocessable(`encoding must be one of utf-8 or base64, not ${encoding}`)
    const sha = state.git.putBlob(bytes)
    return {
      status: 201,
      body: { sha, url: `${state.repoUrl}/git/blobs/${sha}` },
      headers: { location: `${state.repoUrl}/git/blobs/${sha}` }
    }
  },

  'GET /repos/{owner}/{repo}/git/blobs/{sha}': ctx => {
    const { state } = ctx
    const blob = state.git.blobs.get(ctx.params.sha!) ?? notFound()
    if (wantsRaw(ctx)) return { status: 200, raw: blob }
    return {
      status: 200,
      body: {
        sha: ctx.params.sha,
        node_id: '',
        size: blob.length,
        url: `${state.repoUrl}/git/blobs/${ctx.params.sha}`,
        content: base64Lines(blob),
        encoding: 'base64'
      }
    }
  }
}

/** Every ref under a prefix, by name. */
function refsJson(state: RepositoryState, prefix: string) {
  return [...state.refs]
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, sha]) => refJson(state, name, sha))
}

/** A commit identity in the request, or GitHub's 422 naming the field. */
function parsePerson(value: unknown, what: string, fallbackSeconds: number): Person {
  const p = value as { name?: unknown; email?: unknown; date?: unknown }
  if (typeof p !== 'object' || p === null)
    unprocessable(`Invalid request.\n\n"${what}" is not an object.`)
  if (typeof p.name !== 'string' || typeof p.email !== 'string')
    unprocessable(`Invalid request.\n\n"name" and "email" are required in "${what}".`)
  let seconds = fallbackSeconds
  let tz = '+0000'
  if (p.date !== undefined) {
    const ms = typeof p.date === 'string' ? Date.parse(p.date) : NaN
    if (!Number.isFinite(ms))
      unprocessable(
        `Invalid request.\n\nFor 'properties/date', ${JSON.stringify(p.date)} is not a date-time.`
      )
    seconds = Math.floor(ms / 1000)
    const zone = /([+-])(\d{2}):?(\d{2})$/.exec(p.date as string)
    if (zone) tz = `${zone[1]}${zone[2]}${zone[3]}`
  }
  return { name: p.name, email: p.email, seconds, tz }
}

/** git check-ref-format, roughly: what GitHub rejects as a branch or ref name. */
function validRefName(ref: string): boolean {
  if (!/^refs\/[^/]+\/.+/.test(ref)) return false
  if (/\.\.|@\{|[\s~^:?*[\\]|\/\/|\/$|\.$|\.lock$|\/\./.test(ref)) return false
  return ![...ref].some(ch => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)
}
