/**
 * A process killed while it rewrites the config: the file must always be byte for byte the
 * old or the new content. First a child running the real writeFileAtomic (transpiled from
 * src/adapters/fs/atomic-write.ts as it is) in a loop over a large config, killed with SIGKILL at random
 * moments; then the bundled action itself, killed at points spread over its run. Leftover
 * temporary files are counted, and the next write must remove them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { parseConfig, rewriteDigests } from '../../src/domain/config.js'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type Step, prepareStep } from '../../scripts/testkit/runner.mjs'
import { ACTION_ENTRY, ROOT } from '../support/run-action.js'
import { record, testName } from './support/record.js'
import { sha256 } from './support/scenario.js'

const WRITER_KILLS = 40
const ACTION_KILLS = 8

/** A config of `count` entries, about 160 bytes each. */
function largeConfig(count: number, image: string, digest: (i: number) => string): string {
  const lines = ['# a large config, rewritten while being killed', 'containers:']
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - name: target-${i}   # the ${i}th build`,
      `    image: ${image}`,
      '    tag: v1',
      `    arch: arch-${i % 7}`,
      `    digest: ${digest(i)}`
    )
  }
  return lines.join('\n') + '\n'
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes(`${line}\n`)) resolve()
    })
    child.once('exit', code => reject(new Error(`child exited (${code}) before "${line}"`)))
  })
}

function killAfter(child: ChildProcess, ms: number): Promise<void> {
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    setTimeout(() => child.kill('SIGKILL'), ms)
  })
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

interface Tally {
  old: number
  new: number
  torn: number
  leftovers: number
}

function classify(path: string, before: Buffer, after: Buffer, tally: Tally): void {
  const now = readFileSync(path)
  if (now.equals(before)) tally.old++
  else if (now.equals(after)) tally.new++
  else tally.torn++
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter(name => name.endsWith('.tmp'))
}

describe('killed writes', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kill-'))
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const writerTitle = `writeFileAtomic killed with SIGKILL at ${WRITER_KILLS} random moments`
  it(testName('kill:writer', writerTitle), async () => {
    // The real module, transpiled as it is: it imports only Node built-ins.
    const source = readFileSync(join(ROOT, 'src/adapters/fs/atomic-write.ts'), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    writeFileSync(join(dir, 'fs-atomic.mjs'), outputText)
    writeFileSync(
      join(dir, 'writer.mjs'),
      [
        "import { readFileSync } from 'node:fs'",
        "import { writeFileAtomic } from './fs-atomic.mjs'",
        'const [target, a, b, once] = process.argv.slice(2)',
        "const texts = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]",
        'if (once) await writeFileAtomic(target, texts[0])',
        'if (once) process.exit(0)',
        "process.stdout.write('ready\\n')",
        'for (let i = 1; ; i++) await writeFileAtomic(target, texts[i % 2])'
      ].join('\n')
    )
    // Old and new differ in every digest, as after a run where every image moved.
    const image = 'ghcr.io/acme/app'
    const oldText = largeConfig(4000, image, i => sha256(`old ${i}`))
    const config = parseConfig('large.yml', oldText)
    const newText = rewriteDigests(
      config,
      new Map(config.entries.map(e => [e.index, sha256(`new ${e.index}`)]))
    )
    const work = join(dir, 'writer')
    const configDir = join(work, 'config')
    mkdirs(configDir)
    const target = join(configDir, 'containers.yml')
    writeFileSync(join(work, 'old.yml'), oldText)
    writeFileSync(join(work, 'new.yml'), newText)
    writeFileSync(target, oldText)
    const before = Buffer.from(oldText)
    const after = Buffer.from(newText)

    const tally: Tally = { old: 0, new: 0, torn: 0, leftovers: 0 }
    let mostAtOnce = 0
    for (let k = 0; k < WRITER_KILLS; k++) {
      const child = spawn(
        process.execPath,
        [join(dir, 'writer.mjs'), target, join(work, 'old.yml'), join(work, 'new.yml')],
        { stdio: ['ignore', 'pipe', 'inherit'] }
      )
      await waitForLine(child, 'ready')
      // Anywhere from before the first write to a few writes in.
      await killAfter(child, Math.floor(Math.random() * 60))
      classify(target, before, after, tally)
      const left = tempFiles(configDir).length
      tally.leftovers += left
      mostAtOnce = Math.max(mostAtOnce, left)
    }
    // One more write, not killed: it must remove what the killed ones left.
    const last = spawn(process.execPath, [
      join(dir, 'writer.mjs'),
      target,
      join(work, 'old.yml'),
      join(work, 'new.yml'),
      'once'
    ])
    await new Promise(resolve => last.once('exit', resolve))
    const remaining = tempFiles(configDir)
    record({
      group: 'Killed writes',
      id: 'kill:writer',
      title: writerTitle,
      faults: WRITER_KILLS,
      wrongDigests: tally.torn,
      secretsLeaked: 0,
      outcome: `old file ${tally.old}×, new file ${tally.new}×, torn file ${tally.torn}×; ${tally.leftovers} kill(s) left a temporary file, never more than ${mostAtOnce} at once (the next write removes them), ${remaining.length} after the last write`
    })

    expect(tally.torn).toBe(0)
    expect(tally.old + tally.new).toBe(WRITER_KILLS)
    // Each write removes what the kills before it left: they never pile up.
    expect(mostAtOnce).toBeLessThanOrEqual(1)
    expect(remaining).toEqual([])
    expect(readFileSync(target, 'utf8')).toBe(oldText)
  })

  describe('the action', () => {
    let registry: RegistryHandle
    // The step's environment as the runner gives it (scripts/testkit/runner.mjs); the kills
    // need the bare process, so it is spawned here rather than through runAction.
    let step: Step

    beforeAll(async () => {
      registry = await startRegistry({ auth: 'none' })
      step = prepareStep({
        workspace: join(dir, 'action'),
        inputs: { config: '.github/containers.yml', 'pull-request': 'false' }
      })
    })

    afterAll(async () => {
      step?.cleanup()
      await registry?.stop()
    })

    const actionTitle = `the bundled action killed with SIGKILL at ${ACTION_KILLS} points of its run`
    it(testName('kill:action', actionTitle), async () => {
      const pushed = await registry.pushImage('kill/app', 'v1', { seed: 'kill' })
      const image = `${registry.host}/kill/app`
      const oldText = largeConfig(2500, image, i => sha256(`old ${i}`))
      const newText = largeConfig(2500, image, () => pushed.digest)
      const workspace = join(dir, 'action')
      mkdirs(join(workspace, '.github'))
      const target = join(workspace, '.github/containers.yml')
      const env = step.env

      // One full run first, to learn how long a run takes and that it writes the new file.
      writeFileSync(target, oldText)
      const started = Date.now()
      const full = spawn(process.execPath, [ACTION_ENTRY], { cwd: workspace, env, stdio: 'ignore' })
      const code = await new Promise(resolve => full.once('exit', resolve))
      const duration = Date.now() - started
      expect({ code, rewritten: readFileSync(target, 'utf8') === newText }).toEqual({
        code: 0,
        rewritten: true
      })

      const tally: Tally = { old: 0, new: 0, torn: 0, leftovers: 0 }
      for (let k = 0; k < ACTION_KILLS; k++) {
        writeFileSync(target, oldText)
        const child = spawn(process.execPath, [ACTION_ENTRY], {
          cwd: workspace,
          env,
          stdio: 'ignore'
        })
        // Spread over the run, the last ones near its end, where the write happens.
        await killAfter(child, Math.round((duration * (k + 1)) / ACTION_KILLS) - 5)
        classify(target, Buffer.from(oldText), Buffer.from(newText), tally)
        tally.leftovers += tempFiles(join(workspace, '.github')).length
        await sleep(5)
      }
      record({
        group: 'Killed writes',
        id: 'kill:action',
        title: actionTitle,
        faults: ACTION_KILLS,
        wrongDigests: tally.torn,
        secretsLeaked: 0,
        outcome: `a full run takes about ${Math.round(duration / 100) / 10} s; killed runs left the old file ${tally.old}×, the new file ${tally.new}×, a torn file ${tally.torn}×`
      })
      expect(tally.torn).toBe(0)
      expect(tally.old + tally.new).toBe(ACTION_KILLS)
    })
  })
})

/** A fresh, empty directory. */
function mkdirs(path: string): void {
  rmSync(path, { recursive: true, force: true })
  mkdirSync(path, { recursive: true })
}
