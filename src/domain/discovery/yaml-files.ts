/**
 * Image references in YAML: compose `services.*.image`, Kubernetes `image` in containers,
 * initContainers and ephemeralContainers of any workload (found wherever they nest, so every
 * kind and template depth is covered), and GitHub workflow `container`, `container.image`,
 * `services.*.image` and `uses: docker://…`. Read with the Document API for exact source
 * ranges; aliases are followed to the one scalar they name, so an anchored value is found once.
 * A value that is a template (`{{ }}`) or interpolates a variable (`${VAR}`) is left alone.
 * A workflow job whose `runs-on` fixes the architecture gives its images that platform.
 */
import {
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments
} from 'yaml'
import { parseImageReference } from '../oci/reference.js'
import { type FoundReference, type ReferenceKind, lineOf, lineStarts } from './model.js'
import { optionsPlatform, runnerPlatform } from './runners.js'

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])
const DOCKER_SCHEME = 'docker://'
const HELM_TEMPLATE = /(?<!\$)\{\{/

type Found = Omit<FoundReference, 'line'>

function resolved(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node
}

/** The value of `key` in a map, following aliases and `<<` merge keys. */
function get(doc: Document, map: unknown, key: string): unknown {
  const node = resolved(doc, map)
  if (!isMap(node)) return undefined
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key) return resolved(doc, pair.value)
  }
  for (const pair of node.items) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue
    const merged = resolved(doc, pair.value)
    const sources = isSeq(merged) ? merged.items : [merged]
    for (const source of sources) {
      const value = get(doc, source, key)
      if (value !== undefined) return value
    }
  }
  return undefined
}

function mapValues(doc: Document, map: unknown): unknown[] {
  const node = resolved(doc, map)
  return isMap(node) ? node.items.map(p => resolved(doc, p.value)) : []
}

/**
 * The scalar's characters in the source, when they are its value exactly: plain or quoted
 * without escapes, on one line. Anything else (block scalars, escapes, folded lines) is left.
 */
function span(
  source: string,
  node: unknown,
  skip = ''
): { start: number; text: string } | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined
  const scalar = node as Scalar<string>
  let [start, end] = scalar.range!
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
    start++
    end--
  } else if (scalar.type !== 'PLAIN') return undefined
  const raw = source.slice(start, end)
  if (raw !== scalar.value || !raw.startsWith(skip)) return undefined
  const text = raw.slice(skip.length)
  if (/[{}$\s]/.test(text)) return undefined
  try {
    parseImageReference(text)
  } catch {
    return undefined
  }
  return { start: start + skip.length, text }
}

export function findYamlReferences(source: string): FoundReference[] {
  const found = new Map<number, Found>()
  const add: Add = (node, kind, skip = '', platform) => {
    const at = span(source, node, skip)
    if (at && !found.has(at.start))
      found.set(at.start, { ...at, end: at.start + at.text.length, kind, platform })
  }
  for (const doc of parseAllDocuments(source, { uniqueKeys: false })) {
    if (!('errors' in doc) || doc.errors.length > 0) continue
    // A Helm-style template (`{{ }}`, not a workflow's `${{ }}`) is not the YAML it renders to.
    const [from, , to] = doc.range
    if (HELM_TEMPLATE.test(source.slice(from, to))) continue
    const root = doc.contents
    if (!isMap(root)) continue
    const jobs = get(doc, root, 'jobs')
    if (isMap(jobs)) workflow(doc, jobs, add)
    else if (get(doc, root, 'kind') !== undefined) kubernetes(doc, root, add, new Set())
    else
      for (const service of mapValues(doc, get(doc, root, 'services')))
        add(get(doc, service, 'image'), 'compose')
  }
  const starts = lineStarts(source)
  return [...found.values()]
    .sort((a, b) => a.start - b.start)
    .map(f => ({ ...f, line: lineOf(starts, f.start) }))
}

type Add = (node: unknown, kind: ReferenceKind, skip?: string, platform?: string) => void

/** The labels of `runs-on`: one label, a list, or a runner group's `labels`. */
function runnerLabels(doc: Document, job: unknown): string[] {
  let runsOn = get(doc, job, 'runs-on')
  if (isMap(runsOn)) runsOn = get(doc, runsOn, 'labels')
  const items = isSeq(runsOn) ? runsOn.items.map(i => resolved(doc, i)) : [runsOn]
  const labels = items.map(i => (isScalar(i) && typeof i.value === 'string' ? i.value : undefined))
  return labels.every(l => l !== undefined) ? labels : []
}

/** The job's platform, unless the container's `options` set their own `--platform`. */
function containerPlatform(doc: Document, container: unknown, job: string | undefined) {
  const options = isMap(container) ? get(doc, container, 'options') : undefined
  const own =
    isScalar(options) && typeof options.value === 'string'
      ? optionsPlatform(options.value)
      : undefined
  return own === undefined ? job : (own ?? undefined)
}

function workflow(doc: Document, jobs: YAMLMap, add: Add): void {
  for (const job of mapValues(doc, jobs)) {
    const platform = runnerPlatform(runnerLabels(doc, job))
    const container = get(doc, job, 'container')
    add(
      isMap(container) ? get(doc, container, 'image') : container,
      'workflow-container',
      '',
      containerPlatform(doc, container, platform)
    )
    for (const service of mapValues(doc, get(doc, job, 'services')))
      add(
        get(doc, service, 'image'),
        'workflow-service',
        '',
        containerPlatform(doc, service, platform)
      )
    const steps = get(doc, job, 'steps')
    if (!isSeq(steps)) continue
    for (const step of steps.items)
      add(get(doc, step, 'uses'), 'workflow-uses', DOCKER_SCHEME, platform)
  }
}

/** Every container list anywhere under the node: Pods, templates, CronJobs' job templates, lists. */
function kubernetes(doc: Document, node: unknown, add: Add, seen: Set<unknown>): void {
  const here = resolved(doc, node)
  if (seen.has(here)) return
  seen.add(here)
  if (isSeq(here)) for (const item of here.items) kubernetes(doc, item, add, seen)
  if (!isMap(here)) return
  for (const pair of here.items) {
    const value = resolved(doc, pair.value) as Node | undefined
    if (isScalar(pair.key) && CONTAINER_LISTS.has(String(pair.key.value)) && isSeq(value)) {
      for (const container of value.items) add(get(doc, container, 'image'), 'kubernetes')
    } else kubernetes(doc, value, add, seen)
  }
}
