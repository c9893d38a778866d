/**
 * What each reliability scenario measured, for docs/reliability.md. Written only when
 * `npm run reliability` sets RELIABILITY_RECORDS; a plain `npm test` writes nothing. Every
 * scenario records before it asserts, so a failing scenario still shows its figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type ScenarioGroup =
  | 'Network faults'
  | 'Credential safety'
  | 'Network edges'
  | 'Broken configs'
  | 'Generated configs and answers'
  | 'Killed writes'
  | 'Workspace writes'
  | 'Untrusted text'
  | 'Wrong content'

export interface ScenarioRecord {
  group: ScenarioGroup
  /** Also the start of the test's name, in brackets, which is how the report joins the two. */
  id: string
  title: string
  /** Faults injected: damaged or refused answers, process kills, hostile inputs. */
  faults: number
  /** Digests written to the config, an output or the pull request that the registry did not serve for that entry. */
  wrongDigests: number
  /** Secrets found in anything a user can read, and credentials that reached another host. */
  secretsLeaked: number
  /** What happened, in one line. */
  outcome: string
}

/** Host ports change on every run; the report should not. */
export function stablePorts(text: string): string {
  return text.replace(/\b(127\.0\.0\.\d+|localhost):\d+/g, '$1:<port>')
}

export function record(entry: ScenarioRecord): void {
  const dir = process.env.RELIABILITY_RECORDS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, `${entry.id}.json`),
    JSON.stringify({ ...entry, outcome: stablePorts(entry.outcome) })
  )
}

/** The test name for a scenario: `[id] title`. */
export function testName(id: string, title: string): string {
  return `[${id}] ${title}`
}
