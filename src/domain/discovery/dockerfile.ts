/**
 * Image references in a Dockerfile or Containerfile: `FROM` (after `--platform=…`, before
 * `AS stage`), `COPY --from=<image>`, and the default of an `ARG` that a `FROM ${NAME}` uses
 * when that default is itself a full reference. A stage name is not an image, whichever
 * `FROM` or `COPY --from` names it later; a `FROM` built from variables is left with a notice.
 */
import { parseImageReference } from '../oci/reference.js'
import { type DiscoveryNotice, type FoundReference, lineStarts } from './model.js'

interface Word {
  text: string
  start: number
}

interface ArgDefault {
  value: string
  start: number
  line: number
}

/** The white-space separated words of one line, with their offsets in the file. */
function words(line: string, offset: number): Word[] {
  return [...line.matchAll(/\S+/g)].map(m => ({ text: m[0], start: offset + m.index }))
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

/** `NAME=value`, `NAME="value"`, `NAME='value'`: the value and where it starts. */
function argDefaults(args: readonly Word[], line: number, into: Map<string, ArgDefault>): void {
  for (const word of args) {
    const eq = word.text.indexOf('=')
    if (eq <= 0) continue
    const name = word.text.slice(0, eq)
    let value = word.text.slice(eq + 1)
    let start = word.start + eq + 1
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.length > 1 && value.endsWith(quote)) {
      value = value.slice(1, -1)
      start++
    }
    into.set(name, { value, start, line })
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
  const add = (ref: Omit<FoundReference, 'end' | 'text'> & { text: string }) => {
    if (!references.some(r => r.start === ref.start))
      references.push({ ...ref, end: ref.start + ref.text.length })
  }
  text.split('\n').forEach((raw, i) => {
    const line = i + 1
    const [instruction, ...rest] = words(raw.replace(/\r$/, ''), starts[i]!)
    if (!instruction || instruction.text.startsWith('#')) return
    const keyword = instruction.text.toUpperCase()
    if (keyword === 'ARG') argDefaults(rest, line, args)
    else if (keyword === 'FROM') fromLine(rest, line)
    else if (keyword === 'COPY' || keyword === 'ADD') copyLine(rest, line)
  })
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
      if (isReference(image.text)) add({ ...image, line, kind: 'dockerfile-from', platform })
      return
    }
    const name = variableName(image.text)
    const arg = name === undefined ? undefined : args.get(name)
    if (arg && isReference(arg.value) && !stages.has(arg.value.toLowerCase())) {
      add({ text: arg.value, start: arg.start, line: arg.line, kind: 'dockerfile-arg', platform })
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
      const from = /^--from=(.+)$/.exec(word.text)
      if (!from) continue
      const value = from[1]!
      // A number is a stage's index; a known name is a stage.
      if (/^\d+$/.test(value) || stages.has(value.toLowerCase()) || !isReference(value)) continue
      add({ text: value, start: word.start + '--from='.length, line, kind: 'dockerfile-copy' })
    }
  }
}
