/**
 * Editing a tree by path, as POST git/trees (with or without base_tree) and the control API's
 * commit() do: only the directories on an edited path are expanded; the rest keep their sha.
 */
import { EMPTY_TREE, type GitStore, type ObjectType, type TreeEntry } from './git-store.js'
import { unprocessable } from './http-errors.js'
import { lower } from './state.js'

export type TreeNode = { kind: 'tree'; sha?: string; children?: Map<string, Node> }
export type Node = TreeNode | { kind: 'leaf'; mode: string; type: ObjectType; sha: string }

/** An editable tree: a copy of `sha`, or empty. */
export function editTree(sha: string | undefined): TreeNode {
  return sha ? { kind: 'tree', sha } : { kind: 'tree', children: new Map() }
}

function expand(git: GitStore, node: TreeNode): Map<string, Node> {
  if (!node.children) {
    node.children = new Map()
    for (const e of git.trees.get(node.sha ?? EMPTY_TREE) ?? []) {
      node.children.set(
        e.name,
        e.type === 'tree'
          ? { kind: 'tree', sha: e.sha }
          : { kind: 'leaf', mode: e.mode, type: e.type, sha: e.sha }
      )
    }
  }
  return node.children
}

/** Sets (value) or deletes (null) the entry at path, with GitHub's 422 for a bad path. */
export function place(git: GitStore, root: TreeNode, path: string, value: Node | null): void {
  const parts = path.split('/')
  if (parts.some(p => p === '' || p === '.' || p === '..' || lower(p) === '.git'))
    unprocessable('tree.path contains a malformed path component')
  let node = root
  for (const part of parts.slice(0, -1)) {
    const children = expand(git, node)
    let next = children.get(part)
    if (!next) {
      if (value === null) unprocessable('GitRPC::BadObjectState')
      next = { kind: 'tree', children: new Map() }
      children.set(part, next)
    }
    if (next.kind !== 'tree') unprocessable(`tree.path ${path} has a file as a parent directory`)
    node = next
  }
  const children = expand(git, node)
  const last = parts[parts.length - 1]!
  if (value === null) {
    if (!children.delete(last)) unprocessable('GitRPC::BadObjectState')
  } else children.set(last, value)
}

/** Writes modified trees bottom-up; a directory left empty disappears, as in git. */
function writeNode(git: GitStore, node: TreeNode): string | undefined {
  if (!node.children) return node.sha
  const entries: TreeEntry[] = []
  for (const [name, child] of node.children) {
    if (child.kind === 'leaf') {
      entries.push({ name, mode: child.mode, type: child.type, sha: child.sha })
      continue
    }
    const sha = writeNode(git, child)
    if (sha !== undefined) entries.push({ name, mode: '040000', type: 'tree', sha })
  }
  return entries.length === 0 ? undefined : git.putTree(entries)
}

/** Stores the edited tree and returns its sha; an emptied root is the empty tree. */
export function writeTree(git: GitStore, root: TreeNode): string {
  return writeNode(git, root) ?? EMPTY_TREE
}
