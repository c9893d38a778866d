/**
 * What discovery finds in a file: the exact characters of each image reference, so a rewrite
 * can change those and nothing else. Pure data; the finders live beside this file.
 */

/** Where a reference was written, for messages and the pull request's table. */
export type ReferenceKind =
  | 'dockerfile-from'
  | 'dockerfile-arg'
  | 'dockerfile-copy'
  | 'compose'
  | 'kubernetes'
  | 'workflow-container'
  | 'workflow-service'
  | 'workflow-uses'
  | 'pinned'

export interface FoundReference {
  /** Offset of the reference's first character in the file's text. */
  start: number
  /** Offset just after its last character. */
  end: number
  /** The reference exactly as written: `text.slice(start, end)`. */
  text: string
  /** 1-based line of `start`. */
  line: number
  kind: ReferenceKind
  /**
   * The platform it runs as, when the file fixes one: a literal `--platform=os/arch` of the
   * Dockerfile stage it is the base of, or `linux/<arch>` of the workflow job's runner.
   */
  platform?: string
}

/** Something a finder left alone and the user should hear about. */
export interface DiscoveryNotice {
  line: number
  message: string
}

export interface Findings {
  references: FoundReference[]
  notices: DiscoveryNotice[]
}

/** The comment that leaves the reference on its line, or on the line below, alone. */
const IGNORE_COMMENT = /#\s*image-digest-updater:\s*ignore\b/

/** 1-based line numbers whose references the ignore comment leaves alone. */
export function ignoredLines(text: string): Set<number> {
  const ignored = new Set<number>()
  text.split('\n').forEach((line, i) => {
    if (!IGNORE_COMMENT.test(line)) return
    ignored.add(i + 1)
    ignored.add(i + 2)
  })
  return ignored
}

/** Offsets at which each line starts, to turn an offset into a line number cheaply. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return low + 1
}
