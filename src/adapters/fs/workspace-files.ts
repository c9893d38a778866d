/**
 * Which workspace files the `files` globs name. Globs are relative to the workspace and can
 * never leave it: `..` and absolute patterns are refused, symbolic links are never followed,
 * and `.git` is never entered. Supported: `*` and `?` within a path segment, `**` for any
 * number of directories, `{a,b}` alternatives. `*` matches names starting with a dot too, so
 * `**\/*.yml` finds `.github/workflows/ci.yml`. Anything else is a literal character.
 */
import { UpdaterError } from '../../domain/errors.js'
import { lstat, readdir, realpath } from 'node:fs/promises'
import { join } from 'node:path'

export class FilesPatternError extends UpdaterError {
  override name = 'FilesPatternError'
}

export interface WorkspaceFile {
  /** Relative to the workspace, forward slashes. */
  path: string
  absolutePath: string
}

export interface ExpandedFiles {
  files: WorkspaceFile[]
  /** Paths (relative) that matched but are not regular files: symbolic links. */
  skipped: Array<{ path: string; reason: string }>
  /** Patterns, as written, that named no file at all. */
  unmatched: string[]
}

interface CompiledPattern {
  written: string
  /** The pattern after brace expansion, normalised. */
  text: string
  regex: RegExp
  /** Leading segments without wildcards: the only directory the walk has to start from. */
  base: string[]
  /** True when the pattern has no wildcard: it names one path. */
  literal: boolean
}

const MAGIC = /[*?]/
const LINK = 'is a symbolic link, which is never followed; name the file it points to instead'

/** Most paths one pattern may expand to: `{a,b}` n times is 2^n, which must not run the runner out of memory. */
export const MAX_BRACE_EXPANSIONS = 256

/**
 * A `files` list as written in the input or flag: patterns separated by newlines or by
 * commas outside braces, so `{compose,docker-compose}.yml` stays one pattern.
 */
export function splitPatternList(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const c of text) {
    if (c === '{') depth++
    else if (c === '}' && depth > 0) depth--
    if (c === '\n' || (c === ',' && depth === 0)) {
      out.push(current)
      current = ''
      // A newline ends any unbalanced brace: it cannot swallow the next lines.
      if (c === '\n') depth = 0
    } else current += c
  }
  out.push(current)
  return out.map(p => p.trim()).filter(Boolean)
}

class TooManyExpansions extends Error {}

/**
 * `{a,b}x{c,d}` → `acx`… Unbalanced or single-choice braces stay literal. Throws once more
 * than `limit` paths would come out, before building the rest.
 */
export function expandBraces(pattern: string, limit = MAX_BRACE_EXPANSIONS): string[] {
  const out: string[] = []
  expandInto(pattern, out, limit)
  return out
}

function expandInto(pattern: string, out: string[], limit: number): void {
  const choices = firstAlternatives(pattern)
  if (!choices) {
    if (out.length >= limit) throw new TooManyExpansions()
    out.push(pattern)
    return
  }
  for (const choice of choices) expandInto(choice, out, limit)
}

/** The patterns the first top-level `{…,…}` group of `pattern` stands for, or undefined. */
function firstAlternatives(pattern: string): string[] | undefined {
  let depth = 0
  let open = -1
  const commas: number[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '{') {
      if (depth++ === 0) {
        open = i
        commas.length = 0
      }
    } else if (c === '}' && depth > 0) {
      if (--depth === 0) {
        if (commas.length === 0) continue
        const head = pattern.slice(0, open)
        const tail = pattern.slice(i + 1)
        const bounds = [open, ...commas, i]
        const choices = bounds.slice(1).map((end, k) => pattern.slice(bounds[k]! + 1, end))
        return choices.map(choice => `${head}${choice}${tail}`)
      }
    } else if (c === ',' && depth === 1) {
      commas.push(i)
    }
  }
  return undefined
}

function segmentSource(segment: string): string {
  let out = ''
  for (const c of segment) {
    if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return out
}

function compile(written: string, text: string): CompiledPattern {
  const segments = text.split('/')
  let source = '^'
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*'
    else source += segmentSource(segment) + (last ? '' : '/')
  })
  const firstMagic = segments.findIndex(s => MAGIC.test(s))
  return {
    written,
    text,
    regex: new RegExp(`${source}$`),
    base: firstMagic === -1 ? segments.slice(0, -1) : segments.slice(0, firstMagic),
    literal: firstMagic === -1
  }
}

/**
 * Checks and compiles the patterns: a pattern that is absolute or climbs out with `..` is an
 * error, raised before anything is read.
 */
export function compilePatterns(patterns: readonly string[]): CompiledPattern[] {
  const compiled: CompiledPattern[] = []
  for (const written of patterns) {
    let expansions: string[]
    try {
      expansions = expandBraces(written.trim())
    } catch (error) {
      if (!(error instanceof TooManyExpansions)) throw error
      throw new FilesPatternError(
        `files: pattern "${written}" expands to more than ${MAX_BRACE_EXPANSIONS} paths with its {…} alternatives; split it into several patterns or use * and ** instead`
      )
    }
    for (const expanded of expansions) {
      const what = expanded === written ? `"${written}"` : `"${written}" (as "${expanded}")`
      if (/^([/\\]|[A-Za-z]:)/.test(expanded))
        throw new FilesPatternError(
          `files: pattern ${what} is absolute; write it relative to the workspace`
        )
      const segments = expanded.split(/[/\\]+/).filter(s => s !== '' && s !== '.')
      if (segments.includes('..'))
        throw new FilesPatternError(
          `files: pattern ${what} leaves the workspace with ".."; only files inside the workspace can be updated`
        )
      if (segments.length === 0) throw new FilesPatternError(`files: pattern ${what} names no file`)
      compiled.push(compile(written, segments.join('/')))
    }
  }
  return compiled
}

/**
 * The paths in a listing (such as a branch's git tree, relative, forward slashes) that the
 * patterns name, in the listing's order: the same matching as a walk of the workspace.
 */
export function matchPaths(patterns: readonly string[], paths: Iterable<string>): string[] {
  const compiled = compilePatterns(patterns)
  return [...paths].filter(
    path => !path.split('/').includes('.git') && compiled.some(p => p.regex.test(path))
  )
}

/**
 * Finds the files the patterns name under `root`, sorted by path, each once. Paths in
 * `exclude` (absolute) are left out: the config is updated on its own.
 */
export async function expandWorkspaceFiles(
  root: string,
  patterns: readonly string[],
  exclude: readonly string[] = []
): Promise<ExpandedFiles> {
  const compiled = compilePatterns(patterns)
  const top = await realpath(root)
  const excluded = new Set<string>()
  for (const path of exclude) excluded.add(await realpath(path).catch(() => path))

  const found = new Map<string, WorkspaceFile>()
  const skipped = new Map<string, string>()
  const hits = new Set<CompiledPattern>()
  const visited = new Set<string>()

  const consider = async (relative: string, absolute: string): Promise<void> => {
    const matching = compiled.filter(p => p.regex.test(relative))
    if (matching.length === 0) return
    let info
    try {
      info = await lstat(absolute)
    } catch {
      return
    }
    if (info.isSymbolicLink()) {
      for (const p of matching) hits.add(p)
      skipped.set(relative, LINK)
      return
    }
    if (!info.isFile()) return
    for (const p of matching) hits.add(p)
    if (excluded.has(absolute)) return
    found.set(relative, { path: relative, absolutePath: absolute })
  }

  const walk = async (relative: string): Promise<void> => {
    if (visited.has(relative)) return
    visited.add(relative)
    const absolute = relative === '' ? top : join(top, ...relative.split('/'))
    let entries
    try {
      entries = await readdir(absolute, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(child)
      } else {
        await consider(child, join(absolute, entry.name))
      }
    }
  }

  for (const pattern of compiled) {
    if (!(await baseIsReal(top, pattern, hits, skipped))) continue
    if (pattern.literal) await consider(pattern.text, join(top, ...pattern.text.split('/')))
    else await walk(pattern.base.join('/'))
  }

  return {
    files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    skipped: [...skipped]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, reason]) => ({ path, reason })),
    // A pattern with alternatives is unmatched only when none of them matched.
    unmatched: [...new Set(compiled.map(p => p.written))].filter(
      written => !compiled.some(p => p.written === written && hits.has(p))
    )
  }
}

/**
 * Every directory on the way must be a real one: lstat follows links in all but the last
 * component, so a linked directory is refused here rather than read through.
 */
async function baseIsReal(
  top: string,
  pattern: CompiledPattern,
  hits: Set<CompiledPattern>,
  skipped: Map<string, string>
): Promise<boolean> {
  let ok = true
  for (let i = 1; i <= pattern.base.length && ok; i++) {
    const prefix = pattern.base.slice(0, i)
    const info = await lstat(join(top, ...prefix)).catch(() => undefined)
    ok = info?.isDirectory() === true && prefix[i - 1] !== '.git'
    if (info?.isSymbolicLink()) {
      hits.add(pattern)
      skipped.set(prefix.join('/'), LINK)
    }
  }
  return ok
}
