/**
 * Generated configs and registry answers. The generator builds a model of a config (layout,
 * quoting, comments, key names, digest forms, CRLF, BOM, flow and block entries) and renders
 * it; the registry answers each entry with the same digest, a new one, or a failure. The
 * rewrite must produce exactly the model rendered with the new digests (so nothing but
 * digest values changes), parse back to the same fields, and change nothing on a second
 * run. Then mutated configs: parsing either works or fails with a ConfigError, never with
 * anything else, and whatever parses can be rewritten and read back.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ConfigError, type ParsedConfig, parseConfig, rewriteDigests } from '../../src/config.js'
import { type EntryResult, planUpdate } from '../../src/update.js'
import { record, testName } from './support/record.js'

const RUNS = 500
const FUZZ_RUNS = 2000

type Quote = '' | "'" | '"'
type Form = 'bare' | 'prefixed'
type EmptyDigest = "''" | '""' | '~' | 'null' | ''

interface DigestModel {
  key: 'digest' | 'current_sha'
  /** 64 hex digits, or undefined for an empty value written as `empty`. */
  hex?: string
  form: Form
  quote: Quote
  empty: EmptyDigest
}

interface Pair {
  key: string
  /** Rendered value, or a digest slot. */
  value: string | DigestModel
  comment?: string
}

interface EntryModel {
  flow: boolean
  blankBefore: boolean
  pairs: Pair[]
  /** The tag lives in the image (`nginx:1.27`) instead of a tag key. */
  tagInImage: boolean
  trailingComment?: string
}

interface FileModel {
  eol: '\n' | '\r\n'
  bom: boolean
  header?: string
  topImage?: string
  indent: '' | '  '
  entries: EntryModel[]
}

type Answer = { kind: 'same' } | { kind: 'new'; hex: string } | { kind: 'fail' }

const hex64 = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 64,
  maxLength: 64
})
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/)
const comment = fc.stringMatching(/^[A-Za-z0-9 ,.:'"#-]{0,20}$/)
const EXTRA_KEYS = ['arch', 'os', 'note', 'rust_version', 'features'] as const

/** A scalar for a free field, as written in YAML: plain, quoted, number or boolean. */
const extraValue = fc.oneof(
  word,
  fc.integer({ min: 0, max: 9999 }).map(String),
  fc.constantFrom('true', 'false', '3.20', '1.0'),
  fc.stringMatching(/^[A-Za-z0-9 :#,-]{0,12}$/).map(s => `'${s}'`),
  fc.stringMatching(/^[A-Za-z0-9 :#,-]{0,12}$/).map(s => JSON.stringify(s))
)

const digestModel: fc.Arbitrary<DigestModel> = fc.record({
  key: fc.constantFrom('digest' as const, 'current_sha' as const),
  hex: fc.option(hex64, { nil: undefined, freq: 4 }),
  form: fc.constantFrom('bare' as const, 'prefixed' as const),
  quote: fc.constantFrom('' as const, "'" as const, '"' as const),
  empty: fc.constantFrom("''" as const, '""' as const, '~' as const, 'null' as const, '' as const)
})

function entryModel(index: number, hasTopImage: boolean): fc.Arbitrary<EntryModel> {
  return fc
    .record({
      flow: fc.boolean(),
      blankBefore: fc.boolean(),
      nameKey: fc.constantFrom(undefined, 'name', 'target'),
      ownImage: hasTopImage ? fc.boolean() : fc.constant(true),
      repo: word,
      tagInImage: fc.boolean(),
      tagKey: fc.constantFrom('tag', 'image_tag'),
      tag: word,
      digest: fc.option(digestModel, { nil: undefined, freq: 5 }),
      extras: fc.uniqueArray(fc.tuple(fc.constantFrom(...EXTRA_KEYS), extraValue), {
        maxLength: 3,
        selector: ([k]) => k
      }),
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      comments: fc.array(fc.option(comment, { nil: undefined, freq: 3 }), {
        minLength: 8,
        maxLength: 8
      }),
      trailingComment: fc.option(comment, { nil: undefined, freq: 3 })
    })
    .map(g => {
      const tag = `${g.tag}-${index}`
      const tagInImage = g.ownImage && g.tagInImage
      const image = `ghcr.io/acme/${g.repo}`
      const pairs: Pair[] = []
      if (g.nameKey) pairs.push({ key: g.nameKey, value: `entry-${index}` })
      if (g.ownImage) pairs.push({ key: 'image', value: tagInImage ? `${image}:${tag}` : image })
      if (!tagInImage) pairs.push({ key: g.tagKey, value: tag })
      if (g.digest) {
        // An empty flow value is written as '' (the model renders it so).
        const digest =
          g.flow && g.digest.empty === '' ? { ...g.digest, empty: "''" as const } : g.digest
        pairs.push({ key: g.digest.key, value: digest })
      }
      for (const [key, value] of g.extras) pairs.push({ key, value })
      // A stable shuffle driven by the generated numbers.
      const shuffled = pairs
        .map((p, i) => ({ p, rank: g.order[i]! }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ p }, i) => (g.flow ? p : { ...p, comment: g.comments[i] }))
      return {
        flow: g.flow,
        blankBefore: g.blankBefore,
        pairs: shuffled,
        tagInImage,
        trailingComment: g.flow ? g.trailingComment : undefined
      }
    })
}

const fileModel: fc.Arbitrary<FileModel> = fc
  .record({
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    header: fc.option(comment, { nil: undefined }),
    topImage: fc.option(
      word.map(w => `quay.io/base/${w}`),
      { nil: undefined }
    ),
    indent: fc.constantFrom('' as const, '  ' as const),
    count: fc.integer({ min: 1, max: 6 })
  })
  .chain(f =>
    fc
      .tuple(...Array.from({ length: f.count }, (_, i) => entryModel(i, f.topImage !== undefined)))
      .map(entries => ({ ...f, entries }))
  )

function digestText(d: DigestModel): string {
  if (d.hex === undefined) return d.empty
  const value = d.form === 'bare' ? d.hex : `sha256:${d.hex}`
  return `${d.quote}${value}${d.quote}`
}

function pairText(p: Pair, flow: boolean): string {
  if (typeof p.value === 'string') return `${p.key}: ${p.value}`
  const text = digestText(p.value)
  // An empty flow value would need care YAML does not always allow; the model avoids it.
  if (text === '') return flow ? `${p.key}: ''` : `${p.key}:`
  return `${p.key}: ${text}`
}

function render(m: FileModel): string {
  const lines: string[] = []
  if (m.header !== undefined) lines.push(`# ${m.header}`)
  if (m.topImage) lines.push(`image: ${m.topImage}`)
  lines.push('containers:')
  for (const e of m.entries) {
    if (e.blankBefore) lines.push('')
    if (e.flow) {
      const body = `{${e.pairs.map(p => pairText(p, true)).join(', ')}}`
      lines.push(
        `${m.indent}- ${body}${e.trailingComment !== undefined ? ` # ${e.trailingComment}` : ''}`
      )
      continue
    }
    e.pairs.forEach((p, i) => {
      const lead = i === 0 ? `${m.indent}- ` : `${m.indent}  `
      const text = pairText(p, false)
      lines.push(`${lead}${text}${p.comment !== undefined ? ` # ${p.comment}` : ''}`)
    })
  }
  return (m.bom ? '\uFEFF' : '') + lines.join(m.eol) + m.eol
}

/** The key and form new digests take: those of the first entry with a readable digest. */
function fileStyle(m: FileModel): { key: 'digest' | 'current_sha'; form: Form } {
  for (const e of m.entries) {
    for (const p of e.pairs) {
      if (typeof p.value === 'string' || p.value.hex === undefined) continue
      // An unquoted bare digest of digits only reads as a number, not as a digest.
      if (p.value.quote === '' && p.value.form === 'bare' && /^\d+$/.test(p.value.hex)) continue
      return { key: p.value.key, form: p.value.form }
    }
  }
  return { key: 'digest', form: 'prefixed' }
}

function oldHex(e: EntryModel): string | undefined {
  const p = e.pairs.find(p => typeof p.value !== 'string')
  return p && typeof p.value !== 'string' ? p.value.hex : undefined
}

/** The model after the update: the only place that knows how each digest is rewritten. */
function expectedModel(m: FileModel, answers: readonly Answer[]): FileModel {
  const style = fileStyle(m)
  return {
    ...m,
    entries: m.entries.map((e, i) => {
      const answer = answers[i]!
      const old = oldHex(e)
      if (answer.kind === 'fail' || (answer.kind === 'same' && old !== undefined)) return e
      const hex = answer.kind === 'new' ? answer.hex : (old ?? '0'.repeat(64))
      const slot = e.pairs.findIndex(p => typeof p.value !== 'string')
      if (slot >= 0) {
        const d = e.pairs[slot]!.value as DigestModel
        const form: Form =
          d.hex !== undefined ? d.form : d.key === 'current_sha' ? 'bare' : 'prefixed'
        const quote: Quote =
          d.hex !== undefined ? d.quote : d.empty === "''" ? "'" : d.empty === '""' ? '"' : ''
        const pairs = [...e.pairs]
        pairs[slot] = { ...pairs[slot]!, value: { ...d, hex, form, quote } }
        return { ...e, pairs }
      }
      const after = e.pairs.findIndex(
        p => p.key === (e.tagInImage ? 'image' : 'tag') || p.key === 'image_tag'
      )
      const pairs = [...e.pairs]
      pairs.splice(after + 1, 0, {
        key: style.key,
        value: { key: style.key, hex, form: style.form, quote: '', empty: '' }
      })
      return { ...e, pairs }
    })
  }
}

function answersFor(count: number): fc.Arbitrary<Answer[]> {
  return fc.array(
    fc.oneof(
      fc.constant<Answer>({ kind: 'same' }),
      hex64.map<Answer>(hex => ({ kind: 'new', hex })),
      fc.constant<Answer>({ kind: 'fail' })
    ),
    { minLength: count, maxLength: count }
  )
}

/** What the resolver would report for each entry, given the registry's answers. */
function resultsFor(config: ParsedConfig, answers: readonly Answer[]): EntryResult[] {
  return config.entries.map((entry, i) => {
    const answer = answers[i]!
    const previous = entry.digest
    if (answer.kind === 'fail')
      return { entry, status: 'failed', previous, current: previous, error: 'registry down' }
    const current =
      answer.kind === 'new' ? `sha256:${answer.hex}` : (previous ?? `sha256:${'0'.repeat(64)}`)
    return {
      entry,
      status: previous === undefined ? 'pinned' : previous === current ? 'unchanged' : 'updated',
      previous,
      current
    }
  })
}

function withoutDigests(config: ParsedConfig): unknown[] {
  return config.entries.map(e => {
    const fields = { ...e.fields }
    delete fields.digest
    delete fields.current_sha
    return { name: e.name, reference: e.reference, fields }
  })
}

describe('generated configs and registry answers', () => {
  const modelTitle = 'the rewrite changes only digest values, exactly, and round-trips'
  it(testName('property:rewrite', modelTitle), () => {
    let cases = 0
    let moved = 0
    const property = fc.property(
      fileModel.chain(m => fc.tuple(fc.constant(m), answersFor(m.entries.length))),
      ([model, answers]) => {
        cases++
        const source = render(model)
        const config = parseConfig('gen.yml', Buffer.from(source, 'utf8'))
        const plan = planUpdate('update', config, resultsFor(config, answers))
        const expected = render(expectedModel(model, answers))
        moved += plan.updates.length
        expect(plan.newText ?? source).toBe(expected)
        if (plan.newText === undefined) return
        // Round trip: the same entries and fields, with the new digests.
        const reread = parseConfig('gen.yml', Buffer.from(plan.newText, 'utf8'))
        expect(withoutDigests(reread)).toEqual(withoutDigests(config))
        const results = resultsFor(config, answers)
        expect(reread.entries.map(e => e.digest)).toEqual(results.map(r => r.current))
        // A second run with the same answers writes nothing.
        const again = planUpdate(
          'update',
          reread,
          resultsFor(
            reread,
            reread.entries.map(e =>
              e.digest ? { kind: 'new', hex: e.digest.slice(7) } : { kind: 'fail' }
            )
          )
        )
        expect(again.newText).toBeUndefined()
      }
    )
    const details = fc.check(property, { numRuns: RUNS })
    record({
      group: 'Generated configs and answers',
      id: 'property:rewrite',
      title: modelTitle,
      faults: 0,
      wrongDigests: details.failed ? 1 : 0,
      secretsLeaked: 0,
      outcome: details.failed
        ? `counterexample after ${details.numRuns} cases (seed ${details.seed})`
        : `${cases} generated configs, ${moved} digests moved, every rewrite exact (seed ${details.seed})`
    })
    expect(
      details.failed
        ? `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`
        : 'passed'
    ).toBe('passed')
  })

  const fuzzTitle =
    'mutated configs parse or fail with a ConfigError, never a crash, and what parses round-trips'
  it(testName('property:mutations', fuzzTitle), () => {
    let parsed = 0
    let refused = 0
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          ':',
          '- ',
          '#',
          '&a ',
          '*a',
          '!!binary ',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          '\t',
          '\r',
          '\n',
          '\u0000',
          '\uFEFF',
          '|',
          '>',
          '? ',
          '---\n',
          '...\n',
          '%YAML 1.1\n',
          '  ',
          'sha256:',
          '<<: ',
          '\u2028',
          'é',
          '\uD800'
        )
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 12 })
      }),
      fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() })
    )
    const property = fc.property(
      fileModel,
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      hex64,
      (model, mutations, newHex) => {
        let text = render(model)
        for (const m of mutations) {
          const at = m.at % (text.length + 1)
          if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at)
          else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length)
          else {
            const start = text.lastIndexOf('\n', at - 1) + 1
            const end = text.indexOf('\n', at)
            const line = text.slice(start, end === -1 ? text.length : end + 1)
            text = text.slice(0, start) + line + text.slice(start)
          }
        }
        let config: ParsedConfig
        try {
          config = parseConfig('fuzz.yml', Buffer.from(text, 'utf8'))
        } catch (error) {
          refused++
          expect(error).toBeInstanceOf(ConfigError)
          const message = (error as ConfigError).message
          expect(message).toMatch(/^fuzz\.yml(:\d+:\d+)?: /)
          expect(message).not.toMatch(/[\r\n]/)
          return
        }
        parsed++
        const digests = new Map(config.entries.map(e => [e.index, `sha256:${newHex}`]))
        const rewritten = rewriteDigests(config, digests)
        let reread: ParsedConfig
        try {
          reread = parseConfig('fuzz.yml', Buffer.from(rewritten, 'utf8'))
        } catch (error) {
          throw new Error(
            `the rewrite of ${JSON.stringify(text)} does not parse: ${JSON.stringify(rewritten)}: ${(error as Error).message}`,
            { cause: error }
          )
        }
        expect(reread.entries.map(e => e.digest)).toEqual(
          config.entries.map(() => `sha256:${newHex}`)
        )
        expect(withoutDigests(reread)).toEqual(withoutDigests(config))
      }
    )
    const details = fc.check(property, { numRuns: FUZZ_RUNS })
    record({
      group: 'Generated configs and answers',
      id: 'property:mutations',
      title: fuzzTitle,
      faults: parsed + refused,
      wrongDigests: details.failed ? 1 : 0,
      secretsLeaked: 0,
      outcome: details.failed
        ? `counterexample after ${details.numRuns} cases (seed ${details.seed})`
        : `${parsed + refused} mutated configs: ${refused} refused with a ConfigError, ${parsed} parsed and round-tripped (seed ${details.seed})`
    })
    expect(
      details.failed
        ? `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`
        : 'passed'
    ).toBe('passed')
  })
})
