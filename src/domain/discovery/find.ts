/**
 * Every image reference in one file: the finder its name calls for (Dockerfile and
 * Containerfile, or YAML), then any `repo:tag@sha256:<hex>` elsewhere in it, as the `files`
 * option has always found. References on a line the ignore comment covers are dropped.
 */
import { findDigestReferences } from '../pinned-files.js'
import { findDockerfileReferences } from './dockerfile.js'
import { type Findings, type FoundReference, ignoredLines, lineOf, lineStarts } from './model.js'
import { findYamlReferences } from './yaml-files.js'

export type FileKind = 'dockerfile' | 'yaml' | 'other'

export function fileKind(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1)
  // Dockerfile.prod and app.dockerfile are Dockerfiles; Dockerfile.md is their documentation.
  if (/\.(?:md|txt|adoc|rst)$/i.test(name)) return 'other'
  if (
    /^(?:docker|container)file(?:[.-].*)?$/i.test(name) ||
    /\.(?:docker|container)file$/i.test(name)
  )
    return 'dockerfile'
  if (/\.ya?ml$/i.test(name)) return 'yaml'
  return 'other'
}

export function findReferences(path: string, text: string): Findings {
  const kind = fileKind(path)
  const notices = []
  let found: FoundReference[] = []
  if (kind === 'dockerfile') {
    const dockerfile = findDockerfileReferences(text)
    found = dockerfile.references
    notices.push(...dockerfile.notices)
  } else if (kind === 'yaml') found = findYamlReferences(text)

  const starts = lineStarts(text)
  const taken = (start: number, end: number) => found.some(f => f.start < end && start < f.end)
  const pinned: FoundReference[] = []
  for (const d of findDigestReferences(text)) {
    const end = d.at + '@sha256:'.length + 64
    if (taken(d.start, end)) continue
    pinned.push({
      start: d.start,
      end,
      text: text.slice(d.start, end),
      line: lineOf(starts, d.start),
      kind: 'pinned'
    })
  }
  const ignored = ignoredLines(text)
  const references = [...found, ...pinned]
    .filter(r => !ignored.has(r.line))
    .sort((a, b) => a.start - b.start)
  return { references, notices }
}
