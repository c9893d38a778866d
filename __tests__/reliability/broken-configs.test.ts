/**
 * A corpus of broken configs, each run through the bundled action: every one must fail the
 * step with one human error naming file, line, column and field (the annotation carries
 * the same position), print no stack trace, and leave the file byte for byte as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_CONFIG_BYTES } from '../../src/domain/config.js'
import { ROOT } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import {
  PASSWORD,
  USER,
  type Workspace,
  expectNoStackTrace,
  makeWorkspace,
  runBounded,
  secretVariants
} from './support/scenario.js'

const CORPUS = join(ROOT, '__tests__/fixtures/broken-configs')
const LABEL = '.github/containers.yml'

interface Case {
  /**
   * Where the error points, or null for a whole-file error with no line. A null column: where
   * the parser runs out of stack depends on the machine, so only the line is fixed.
   */
  at: [line: number, col: number | null] | null
  /** The field named in the error and the annotation's title, or null when none applies. */
  field: string | null
  message: RegExp
}

const EXPECTED: Record<string, Case> = {
  'alias-digest.yml': {
    at: [9, 13],
    field: 'containers[1].digest',
    message: /aliases are not supported; write the value out/
  },
  'alias-entry.yml': {
    at: [6, 5],
    field: 'containers[1]',
    message: /aliases are not supported for entries/
  },
  'bad-image-reference.yml': {
    at: [3, 12],
    field: 'containers[0].image',
    message: /invalid repository "Acme\/App"/
  },
  'bad-platform.yml': {
    at: [5, 15],
    field: 'containers[0].platform',
    message: /invalid platform "linux": expected os\/architecture/
  },
  'billion-laughs.yml': {
    at: [7, 16],
    field: 'containers[0].bomb',
    message: /aliases are not supported/
  },
  'bom-bad-digest.yml': {
    at: [6, 13],
    field: 'containers[0].digest',
    message: /malformed digest "sha256:z{64}"/
  },
  'both-tag-keys.yml': {
    at: [5, 5],
    field: 'containers[0].image_tag',
    message: /set only one of `tag` and `image_tag`/
  },
  'containers-is-a-number.yml': {
    at: [1, 13],
    field: 'containers',
    message: /expected a list of images/
  },
  'containers-missing.yml': {
    at: [1, 1],
    field: 'containers',
    message: /expected a list of images/
  },
  'containers-not-a-list.yml': {
    at: [2, 3],
    field: 'containers',
    message: /expected a list of images/
  },
  'crlf-bad-digest.yml': {
    at: [10, 13],
    field: 'containers[1].digest',
    message: /malformed digest "b{63}"/
  },
  'crlf-invalid-yaml.yml': {
    at: [5, 1],
    field: null,
    message: /invalid YAML: Flow sequence .* must be .* end with a \]/
  },
  'deeply-nested.yml': {
    at: [5, null],
    field: null,
    message: /invalid YAML: the file nests too deeply to be read/
  },
  'digest-block-scalar.yml': {
    at: [5, 13],
    field: 'containers[0].digest',
    message: /write the digest as a plain or quoted string, not a block scalar/
  },
  'digest-in-image.yml': {
    at: [3, 12],
    field: 'containers[0].image',
    message: /put the digest under `digest`/
  },
  'digest-is-a-list.yml': {
    at: [5, 13],
    field: 'containers[0].digest',
    message: /expected a string, got a list/
  },
  'digest-number.yml': {
    at: [5, 18],
    field: 'containers[0].current_sha',
    message: /malformed digest "12345"/
  },
  'digest-sha512.yml': {
    at: [5, 13],
    field: 'containers[0].digest',
    message: /malformed digest "sha512:a{128}"/
  },
  'digest-too-short.yml': {
    at: [5, 13],
    field: 'containers[0].digest',
    message: /malformed digest "sha256:a{63}": expected sha256:<64 lower-case hex>/
  },
  'digest-uppercase.yml': {
    at: [5, 13],
    field: 'containers[0].digest',
    message: /malformed digest "sha256:A{64}"/
  },
  'duplicate-entry.yml': {
    at: [6, 5],
    field: 'containers[1]',
    message: /duplicate of containers\[0\]/
  },
  'duplicate-key.yml': {
    at: [6, 5],
    field: 'containers[0].tag',
    message: /appears twice \(also on line 4\)/
  },
  'duplicate-top-level-key.yml': {
    at: [5, 1],
    field: 'containers',
    message: /appears twice \(also on line 1\)/
  },
  'empty-file.yml': { at: [1, 1], field: null, message: /is empty/ },
  'entry-not-a-mapping.yml': {
    at: [5, 5],
    field: 'containers[1]',
    message: /expected a mapping/
  },
  'flow-entry-broken.yml': {
    at: [3, 3],
    field: null,
    message: /invalid YAML: Flow map .* end with a \}/
  },
  'invalid-tag.yml': { at: [4, 10], field: 'containers[0].tag', message: /invalid tag "-v1 beta"/ },
  'invalid-yaml-bad-indent.yml': {
    at: [4, 1],
    field: null,
    message: /invalid YAML: Sequence item without - indicator/
  },
  'invalid-yaml-unclosed-quote.yml': {
    at: [6, 1],
    field: null,
    message: /invalid YAML: Missing closing "quote/
  },
  'key-not-scalar.yml': {
    at: [5, 7],
    field: 'containers[0]',
    message: /keys must be plain strings/
  },
  'merge-key.yml': {
    at: [6, 9],
    field: 'containers[1].<<',
    message: /aliases are not supported/
  },
  'missing-image.yml': {
    at: [2, 5],
    field: 'containers[0].image',
    message: /no repository: set `image`/
  },
  'missing-tag.yml': {
    at: [2, 5],
    field: 'containers[0].tag',
    message: /missing tag: set `tag`/
  },
  'multiple-documents.yml': {
    at: [5, 1],
    field: null,
    message: /more than one document \(a second `---`\); keep one/
  },
  'non-utf8-latin1.yml': {
    at: [3, 10],
    field: null,
    message: /is not valid UTF-8 \(byte 0xE9 here\); save it as UTF-8/
  },
  'nul-byte.yml': {
    at: [3, 28],
    field: null,
    message: /contains the control character U\+0000/
  },
  'only-comments.yml': { at: [1, 1], field: null, message: /is empty/ },
  'tabs-indentation.yml': {
    at: [3, 1],
    field: null,
    message: /invalid YAML: Tabs are not allowed as indentation/
  },
  'tag-is-a-list.yml': {
    at: [4, 10],
    field: 'containers[0].tag',
    message: /expected a string, got a list/
  },
  'tag-is-boolean.yml': {
    at: [4, 10],
    field: 'containers[0].tag',
    message: /expected a string, got the boolean true \(quote it if you mean the text\)/
  },
  'tag-mismatch.yml': {
    at: [4, 10],
    field: 'containers[0].tag',
    message: /tag "v1" differs from the tag in image/
  },
  'top-level-image-is-a-mapping.yml': {
    at: [2, 3],
    field: 'image',
    message: /expected a string, got a mapping/
  },
  'top-level-list.yml': {
    at: [1, 1],
    field: null,
    message: /expected a mapping with a `containers:` list/
  },
  'unknown-top-level-key.yml': {
    at: [1, 1],
    field: 'images',
    message: /unknown top-level key; expected only `image` and `containers`/
  },
  'utf16le.yml': { at: [1, 1], field: null, message: /is UTF-16 text; save it as UTF-8/ },
  // Generated below rather than committed.
  'huge.yml': {
    at: null,
    field: null,
    message: new RegExp(
      `is ${MAX_CONFIG_BYTES + 16} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes`
    )
  }
}

function corpusBytes(name: string): Buffer {
  if (name === 'huge.yml') {
    // A valid config followed by a comment that takes it 16 bytes past the limit.
    return Buffer.concat([Buffer.from('containers: []\n'), Buffer.alloc(MAX_CONFIG_BYTES + 1, '#')])
  }
  return readFileSync(join(CORPUS, name))
}

/** Decodes the properties of a `::error prop=v,…::message` line. */
function errorCommand(stdout: string): { props: Record<string, string>; message: string }[] {
  const decode = (s: string) =>
    s
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%')
  return stdout
    .split('\n')
    .filter(line => line.startsWith('::error'))
    .map(line => {
      const end = line.indexOf('::', 2)
      const head = line.slice('::error'.length, end).trim()
      const props: Record<string, string> = {}
      for (const part of head ? head.split(',') : []) {
        const eq = part.indexOf('=')
        props[part.slice(0, eq)] = decode(part.slice(eq + 1))
      }
      return { props, message: decode(line.slice(end + 2)) }
    })
}

describe('broken configs', () => {
  let workspace: Workspace

  beforeAll(() => {
    workspace = makeWorkspace('broken-configs')
  })

  afterAll(() => workspace?.cleanup())

  it('has an expectation for every file of the corpus, and a file for every expectation', () => {
    const files = readdirSync(CORPUS).filter(f => f.endsWith('.yml'))
    expect(files.sort()).toEqual(
      Object.keys(EXPECTED)
        .filter(f => f !== 'huge.yml')
        .sort()
    )
  })

  it.each(
    Object.entries(EXPECTED).map(
      ([file, c]) =>
        [testName(`config:${file}`, `${file} is refused where it is broken`), file, c] as const
    )
  )('%s', async (_name, file, c) => {
    const bytes = corpusBytes(file)
    writeBytes(workspace, bytes)
    const run = await runBounded({
      workspace,
      registryAuth: { 'registry.example': { username: USER, password: PASSWORD } }
    })
    const after = readFileSync(workspace.configPath)
    const errors = errorCommand(run.stdout)
    const leaks = secretVariants([PASSWORD]).filter(s => run.artifacts.includes(s))
    const where = c.at ? `${LABEL}:${c.at[0]}:${c.at[1] ?? '<col>'}` : LABEL
    const failure = errors.find(e => e.message.startsWith(`${LABEL}`))
    record({
      group: 'Broken configs',
      id: `config:${file}`,
      title: `${file}`,
      faults: 1,
      wrongDigests: after.equals(bytes) ? 0 : 1,
      secretsLeaked: leaks.length,
      outcome: failure
        ? `exit ${run.exitCode}: ${failure.message}`
        : `exit ${run.exitCode}, no error`
    })

    expect(run.exitCode).toBe(1)
    expect(after.equals(bytes)).toBe(true)
    expect(workspace.siblings()).toEqual(['containers.yml'])
    expect(leaks).toEqual([])
    expectNoStackTrace(run)
    // The failure message: file, position, field, then what is wrong, on one line.
    expect(failure).toBeDefined()
    const prefix = `${where}: ${c.field ? `${c.field}: ` : ''}`
    const shown =
      c.at?.[1] === null
        ? failure!.message.replace(/^([^:]+:\d+:)\d+/, '$1<col>')
        : failure!.message
    expect(shown.slice(0, prefix.length)).toBe(prefix)
    expect(shown.slice(prefix.length)).toMatch(c.message)
    expect(failure!.message).not.toMatch(/[\r\n]/)
    expect(failure!.message.length).toBeLessThanOrEqual(300)
    // The annotation points the editor at the same place.
    const annotation = errors.find(e => e.props.file === LABEL)
    expect(annotation?.props).toMatchObject({
      file: LABEL,
      title: c.field ? `Invalid config: ${c.field}` : 'Invalid config',
      ...(c.at ? { line: String(c.at[0]) } : {}),
      ...(typeof c.at?.[1] === 'number' ? { col: String(c.at[1]) } : {})
    })
    if (!c.at) expect(annotation?.props.line).toBeUndefined()
    // It says the same as the failure, fix included, in the action's words.
    expect(annotation?.message).toBe(shown.slice(prefix.length))
    // No registry was asked and nothing was output as if the run had worked.
    expect(run.outputs.matrix).toBeUndefined()
  })
})

function writeBytes(workspace: Workspace, bytes: Buffer): void {
  writeFileSync(workspace.configPath, bytes)
}
