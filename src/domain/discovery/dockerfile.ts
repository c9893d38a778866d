/**
 * Image references in a Dockerfile or Containerfile: `FROM` (after `--platform=…`, before
 * `AS stage`), `COPY --from=<image>`, and the default of an `ARG` that a `FROM ${NAME}` uses
 * when that default is itself a full reference. A stage name is not an image, whichever
 * `FROM` or `COPY --from` names it later; a `FROM` built from variables is left with a notice.
 */
import { parseImageReference } from '../oci/reference.js'
import {
  type DiscoveryNotice,
  type FoundReference,
  type ReferenceKind,
  ignoredLines,
  lineOf,
  lineStarts
} from './model.js'

/** A word of an instruction, with the file offset of each of its characters. */
interface Word {
  text: string
  /** Offset in the file of each character: a word joined across a continuation has a gap. */
  offsets: number[]
}

interface ArgDefault {
  value: Word
  /** 1-based line where the `ARG` instruction starts, for the ignore comment. */
  line: number
}

/** One instruction as BuildKit reads it: its physical lines joined, each character's offset kept. */
interface Instruction {
  text: string
  offsets: number[]
  /** 1-based line of its first character. */
  line: number
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/

/** The escape character: a backslash, or `` ` `` when an `# escape=` parser directive at the top says so. */
function escapeCharacter(lines: readonly string[]): string {
  // Parser directives are only read before the first line that is not one.
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line.replace(/\r+$/, '').trimStart())
    if (!directive) break
    const value = directive[2]!
    if (directive[1]!.toLowerCase() === 'escape' && (value === '`' || value === '\\')) return value
  }
  return '\\'
}

/**
 * The line without its continuation: as BuildKit's regex, the escape character last before
 * spaces and tabs, unless an escape character precedes it (an escaped escape).
 */
function withoutContinuation(line: string, escape: string): { kept: string; continues: boolean } {
  const body = line.replace(/[ \t]+$/, '')
  const continues = body.endsWith(escape) && (body.length === 1 || body.at(-2) !== escape)
  return continues ? { kept: body.slice(0, -1), continues } : { kept: line, continues }
}

interface Heredoc {
  name: string
  /** `<<-`: the terminator may be indented with tabs. */
  chomp: boolean
}

/** The heredocs a `RUN`, `COPY` or `ADD` opens (`<<EOF`, `<<-"END"`, `3<<X`), in order. */
function heredocTerminators(instruction: string): Heredoc[] {
  const [keyword, ...rest] = instruction.trim().split(/\s+/)
  const name = keyword!.toUpperCase()
  if (name !== 'RUN' && name !== 'COPY' && name !== 'ADD') return []
  return rest.flatMap(word => {
    const heredoc = /^\d*<<(-?)(["']?)([^<"'\s]+)\2$/.exec(word)
    return heredoc ? [{ name: heredoc[3]!, chomp: heredoc[1] === '-' }] : []
  })
}

/**
 * The instructions of a Dockerfile as BuildKit joins them: a line ending in the escape
 * character continues on the next; comment lines and empty lines inside a continuation are
 * skipped; the first line's leading white space is dropped, a continued line's kept; heredoc
 * bodies are skipped.
 */
function instructions(text: string): Instruction[] {
  const lines = text.split('\n')
  const escape = escapeCharacter(lines)
  const starts = lineStarts(text)
  const result: Instruction[] = []
  let current: Instruction | undefined
  let heredocs: Heredoc[] = []
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r+$/, '')
    // A heredoc's body is its instruction's content, up to the line that ends it.
    if (heredocs.length > 0) {
      const [heredoc] = heredocs
      if ((heredoc!.chomp ? line.replace(/^\t+/, '') : line) === heredoc!.name) heredocs.shift()
      return
    }
    const comment = line.trimStart().startsWith('#')
    let skip = 0
    if (!current) {
      if (comment) return
      skip = line.length - line.trimStart().length
      if (skip === line.length) return
      current = { text: '', offsets: [], line: i + 1 }
    } else if (comment || line.trim() === '') return
    const { kept, continues } = withoutContinuation(line.slice(skip), escape)
    current.text += kept
    for (let k = 0; k < kept.length; k++) current.offsets.push(starts[i]! + skip + k)
    if (continues) return
    result.push(current)
    heredocs = heredocTerminators(current.text)
    current = undefined
  })
  if (current) result.push(current)
  return result
}

/** The white-space separated words of an instruction. */
function words(instruction: Instruction): Word[] {
  return [...instruction.text.matchAll(/\S+/g)].map(m => ({
    text: m[0],
    offsets: instruction.offsets.slice(m.index, m.index + m[0].length)
  }))
}

/** Part of a word, as `String.slice` takes it. */
function slice(word: Word, from: number, to = word.text.length): Word {
  return { text: word.text.slice(from, to), offsets: word.offsets.slice(from, to) }
}

/** Whether the word's characters stand together in the file, so one span can replace them. */
function contiguous(word: Word): boolean {
  return word.offsets.at(-1)! - word.offsets[0]! === word.text.length - 1
}

function isReference(text: string): boolean {
  if (text.includes('$')) return false
  try {
    parseImageReference(text)
    return true
  } catch {
    return false
  }
}

/** `NAME=value`, `NAME="value"`, `NAME='value'`: the value, with its characters' offsets. */
function argDefaults(args: readonly Word[], line: number, into: Map<string, ArgDefault>): void {
  for (const word of args) {
    const eq = word.text.indexOf('=')
    if (eq <= 0) continue
    const name = word.text.slice(0, eq)
    let value = slice(word, eq + 1)
    const quote = value.text[0]
    if ((quote === '"' || quote === "'") && value.text.length > 1 && value.text.endsWith(quote))
      value = slice(value, 1, -1)
    into.set(name, { value, line })
  }
}

/** `${NAME}` or `$NAME` standing alone: the variable's name. */
function variableName(text: string): string | undefined {
  return /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/
    .exec(text)
    ?.slice(1)
    .find(Boolean)
}

export function findDockerfileReferences(text: string): {
  references: FoundReference[]
  notices: DiscoveryNotice[]
} {
  const references: FoundReference[] = []
  const notices: DiscoveryNotice[] = []
  const stages = new Set<string>()
  const args = new Map<string, ArgDefault>()
  const starts = lineStarts(text)
  // The comment above an instruction covers it whole, however many lines it continues on.
  const ignored = ignoredLines(text)
  /** `line` is where the instruction starts: for the ignore comment and the notice. */
  const add = (word: Word, line: number, kind: ReferenceKind, platform?: string) => {
    if (ignored.has(line)) return
    if (!contiguous(word)) {
      notices.push({
        line,
        message: `${word.text} is split across lines by a line continuation, so it is left alone; write it on one line to have it pinned`
      })
      return
    }
    const start = word.offsets[0]!
    if (references.some(r => r.start === start)) return
    const end = start + word.text.length
    references.push({ start, end, text: word.text, line: lineOf(starts, start), kind, platform })
  }
  for (const instruction of instructions(text)) {
    const [keyword, ...rest] = words(instruction)
    const name = keyword!.text.toUpperCase()
    if (name === 'ARG') argDefaults(rest, instruction.line, args)
    else if (name === 'FROM') fromLine(rest, instruction.line)
    else if (name === 'COPY' || name === 'ADD') copyLine(rest, instruction.line)
  }
  return { references, notices }

  function fromLine(rest: Word[], line: number): void {
    let platform: string | undefined
    let index = 0
    for (; index < rest.length && rest[index]!.text.startsWith('--'); index++) {
      const flag = /^--platform=(.*)$/.exec(rest[index]!.text)
      if (flag && !flag[1]!.includes('$')) platform = flag[1]
    }
    const image = rest[index]
    const as = rest[index + 1]?.text.toUpperCase() === 'AS' ? rest[index + 2]?.text : undefined
    if (image) baseImage(image, line, platform)
    if (as) stages.add(as.toLowerCase())
  }

  function baseImage(image: Word, line: number, platform: string | undefined): void {
    if (stages.has(image.text.toLowerCase()) || image.text === 'scratch') return
    if (!image.text.includes('$')) {
      if (isReference(image.text)) add(image, line, 'dockerfile-from', platform)
      return
    }
    const name = variableName(image.text)
    const arg = name === undefined ? undefined : args.get(name)
    if (arg && isReference(arg.value.text) && !stages.has(arg.value.text.toLowerCase())) {
      add(arg.value, arg.line, 'dockerfile-arg', platform)
      return
    }
    notices.push({
      line,
      message: `FROM ${image.text} is built from ARG values, so it is left alone; give the ARG a full reference as its default to have it pinned`
    })
  }

  function copyLine(rest: Word[], line: number): void {
    for (const word of rest) {
      if (!word.text.startsWith('--')) break
      if (!word.text.startsWith('--from=') || word.text.length === '--from='.length) continue
      const value = slice(word, '--from='.length)
      // A number is a stage's index; a known name is a stage.
      if (/^\d+$/.test(value.text) || stages.has(value.text.toLowerCase())) continue
      if (isReference(value.text)) add(value, line, 'dockerfile-copy')
    }
  }
}
