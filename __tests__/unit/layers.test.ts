/**
 * The folders of src/ are the layers, and imports only go down: the edges (action/, cli/, lib/) sit
 * on the run (run/), which sits on the adapters (adapters/: registry, GitHub, file system),
 * which sit on the pure domain (domain/). This test reads every source file's imports and
 * fails on one that goes up or sideways between the edges, so the file list keeps telling the
 * truth about the architecture.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(ROOT, 'src')

type Layer = 'domain' | 'adapters' | 'run' | 'action' | 'cli' | 'lib'

/** What each layer may import from src/, besides itself. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: [],
  adapters: ['domain'],
  run: ['adapters', 'domain'],
  action: ['run', 'adapters', 'domain'],
  cli: ['run', 'adapters', 'domain'],
  lib: ['run', 'adapters', 'domain']
}

/** Packages with side effects or runner coupling, and the layers allowed to load them. */
const PACKAGE_OWNERS: Record<string, readonly Layer[]> = {
  '@actions/core': ['action'],
  '@actions/github': ['action', 'adapters'],
  '@actions/exec': ['adapters'],
  undici: ['adapters']
}

/** Names that only an edge may touch: the runner's inputs and the command line. */
const EDGE_ONLY: ReadonlyArray<{ pattern: RegExp; layers: readonly Layer[]; what: string }> = [
  { pattern: /\bprocess\.argv\b/, layers: ['cli'], what: 'process.argv' },
  {
    pattern: /\bgetInput\(|\bgetBooleanInput\(|\bgetMultilineInput\(/,
    layers: ['action'],
    what: 'action inputs'
  }
]

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return listSources(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

export interface SourceFile {
  /** Relative to src/, forward slashes. */
  path: string
  text: string
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function layerOf(path: string): Layer | undefined {
  const top = path.split('/')[0]
  return top && top in MAY_IMPORT ? (top as Layer) : undefined
}

function specifiers(text: string): string[] {
  return [...text.matchAll(IMPORT)].map(m => (m[1] ?? m[2])!)
}

/** Every rule the layout breaks, one line each; empty when the layout holds. */
export function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = []
  for (const file of files) {
    const layer = layerOf(file.path)
    if (!layer) {
      problems.push(`${file.path} is not in a layer folder (${Object.keys(MAY_IMPORT).join(', ')})`)
      continue
    }
    for (const spec of specifiers(file.text)) {
      if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), spec))
        if (target.startsWith('../')) continue // package.json, read for the version
        const to = layerOf(target)
        if (to && to !== layer && !MAY_IMPORT[layer].includes(to))
          problems.push(`${file.path} imports ${spec}: ${layer} may not import ${to}`)
        continue
      }
      const owners = Object.entries(PACKAGE_OWNERS).find(
        ([name]) => spec === name || spec.startsWith(`${name}/`)
      )?.[1]
      if (owners && !owners.includes(layer))
        problems.push(`${file.path} imports ${spec}, which only ${owners.join(' and ')} may load`)
    }
    for (const rule of EDGE_ONLY) {
      if (rule.pattern.test(file.text) && !rule.layers.includes(layer))
        problems.push(`${file.path} touches ${rule.what}, which only ${rule.layers.join(', ')} may`)
    }
  }
  return problems
}

describe('layers of src/', () => {
  it('every source file sits in a layer and imports only downwards', () => {
    const files = listSources(SRC).map(path => ({
      path: relative(SRC, path).split('\\').join('/'),
      text: readFileSync(path, 'utf8')
    }))
    expect(files.length).toBeGreaterThan(20)
    expect(layerViolations(files)).toEqual([])
  })

  it.each([
    [
      'domain/a.ts',
      "import { x } from '../adapters/registry/http.js'",
      'domain may not import adapters'
    ],
    [
      'adapters/fs/a.ts',
      "import type { R } from '../../run/update.js'",
      'adapters may not import run'
    ],
    ['run/a.ts', "export { main } from '../action/main.js'", 'run may not import action'],
    ['cli/a.ts', "const m = await import('../action/main.js')", 'cli may not import action'],
    ['action/a.ts', "import { x } from '../cli/args.js'", 'action may not import cli'],
    ['lib/a.ts', "import { runDigest } from '../cli/digest.js'", 'lib may not import cli'],
    ['cli/a.ts', "import { resolveImageDigest } from '../lib/index.js'", 'cli may not import lib'],
    ['lib/a.ts', "import * as core from '@actions/core'", 'only action may load'],
    ['domain/a.ts', "import * as core from '@actions/core'", 'only action may load'],
    ['run/a.ts', "import { exec } from '@actions/exec'", 'only adapters may load'],
    ['run/a.ts', 'const args = process.argv.slice(2)', 'process.argv'],
    ['adapters/a.ts', "core.getInput('config')", 'action inputs'],
    ['loose.ts', 'export const x = 1', 'not in a layer folder']
  ])('finds %s breaking the layout (%s)', (path, text, expected) => {
    const problems = layerViolations([{ path, text }])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(expected)
  })

  it.each([
    ['action/a.ts', "import { runUpdate } from '../run/update.js'"],
    ['run/a.ts', "import type { Digest } from '../domain/oci/digest.js'"],
    ['adapters/registry/a.ts', "import { parseReference } from '../../domain/oci/reference.js'"],
    ['cli/main.ts', "import packageJson from '../../package.json' with { type: 'json' }"]
  ])('accepts %s importing downwards', (path, text) => {
    expect(layerViolations([{ path, text }])).toEqual([])
  })
})
