/**
 * The git object model behind the fake: blobs, trees and commits stored under the SHA-1 ids git
 * itself computes, so a tree or commit the action builds through the API can be checked against
 * what `git` would make.
 */
import { createHash } from 'node:crypto'

export type ObjectType = 'blob' | 'tree' | 'commit'

export interface Person {
  name: string
  email: string
  seconds: number
  /** git's zone, e.g. +0000. */
  tz: string
}

export interface StoredCommit {
  sha: string
  tree: string
  parents: string[]
  author: Person
  committer: Person
  message: string
  verified: boolean
  /** Creation order; parents always precede children, so it is a topological order. */
  seq: number
  text: string
}

export interface TreeEntry {
  name: string
  /** As the API shows it: 100644, 100755, 120000, 040000, 160000. */
  mode: string
  type: ObjectType
  sha: string
}

export interface FileChange {
  filename: string
  status: 'added' | 'modified' | 'removed'
  sha: string
}

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
/** The entry modes the API accepts, and the object each names. */
export const MODES: Record<string, ObjectType> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

function sha1(type: ObjectType, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex')
}

/** git orders entries by name bytes, a directory's name compared as if it ended in '/'. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name, 'utf8')
  return Buffer.compare(key(a), key(b))
}

function personLine(p: Person): string {
  return `${p.name} <${p.email}> ${p.seconds} ${p.tz}`
}

export class GitStore {
  readonly blobs = new Map<string, Buffer>()
  readonly trees = new Map<string, TreeEntry[]>()
  readonly commits = new Map<string, StoredCommit>()
  /** The next commit's creation order; saved and restored with the store (persist.ts). */
  seq = 0

  constructor() {
    this.putTree([])
  }

  typeOf(sha: string): ObjectType | undefined {
    if (this.blobs.has(sha)) return 'blob'
    if (this.trees.has(sha)) return 'tree'
    if (this.commits.has(sha)) return 'commit'
    return undefined
  }

  putBlob(content: Buffer): string {
    const sha = sha1('blob', content)
    if (!this.blobs.has(sha)) this.blobs.set(sha, Buffer.from(content))
    return sha
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(treeOrder)
    // The object stores a directory's mode without the leading zero the API shows.
    const body = Buffer.concat(
      sorted.flatMap(e => [
        Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`, 'utf8'),
        Buffer.from(e.sha, 'hex')
      ])
    )
    const sha = sha1('tree', body)
    if (!this.trees.has(sha)) this.trees.set(sha, sorted)
    return sha
  }

  putCommit(c: Omit<StoredCommit, 'sha' | 'seq' | 'text'>): string {
    const headers = [`tree ${c.tree}`, ...c.parents.map(p => `parent ${p}`)]
    headers.push(`author ${personLine(c.author)}`, `committer ${personLine(c.committer)}`)
    const text = `${headers.join('\n')}\n\n${c.message}`
    const sha = sha1('commit', Buffer.from(text, 'utf8'))
    if (!this.commits.has(sha)) this.commits.set(sha, { ...c, sha, seq: this.seq++, text })
    return sha
  }

  /** path → {sha, mode} of every non-tree entry under a tree. */
  flatten(tree: string, prefix = '', out = new Map<string, TreeEntry>()): Map<string, TreeEntry> {
    for (const e of this.trees.get(tree) ?? []) {
      const path = prefix + e.name
      if (e.type === 'tree') this.flatten(e.sha, `${path}/`, out)
      else out.set(path, { ...e, name: path })
    }
    return out
  }

  lookup(tree: string, path: string): TreeEntry | undefined {
    if (path === '') return { name: '', mode: '040000', type: 'tree', sha: tree }
    let entries = this.trees.get(tree)
    const parts = path.split('/')
    for (let i = 0; i < parts.length; i++) {
      const found = entries?.find(e => e.name === parts[i])
      if (!found) return undefined
      if (i === parts.length - 1) return found
      if (found.type !== 'tree') return undefined
      entries = this.trees.get(found.sha)
    }
    return undefined
  }

  /** Every commit reachable from sha, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop()!
      if (seen.has(next)) continue
      const commit = this.commits.get(next)
      if (!commit) continue
      seen.add(next)
      stack.push(...commit.parents)
    }
    return seen
  }

  /** Newest first. */
  history(sha: string): StoredCommit[] {
    return [...this.ancestors(sha)].map(s => this.commits.get(s)!).sort((a, b) => b.seq - a.seq)
  }

  /** The files that differ between two trees (none for `from`: all added), by path. */
  changes(fromTree: string | undefined, toTree: string): FileChange[] {
    const before = fromTree ? this.flatten(fromTree) : new Map<string, TreeEntry>()
    const after = this.flatten(toTree)
    const files: FileChange[] = []
    for (const [path, entry] of after) {
      const old = before.get(path)
      if (!old) files.push({ filename: path, status: 'added', sha: entry.sha })
      else if (old.sha !== entry.sha || old.mode !== entry.mode)
        files.push({ filename: path, status: 'modified', sha: entry.sha })
    }
    for (const [path, entry] of before)
      if (!after.has(path)) files.push({ filename: path, status: 'removed', sha: entry.sha })
    return files.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
  }
}
