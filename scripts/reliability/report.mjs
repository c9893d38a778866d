#!/usr/bin/env node
/**
 * `npm run reliability`: runs the reliability suite (__tests__/reliability) and rewrites
 * docs/reliability.md from that run: every scenario with jest's verdict and the figures the
 * scenario recorded (see __tests__/reliability/support/record.ts). Nothing in the document
 * is written by hand. Exits with jest's status, so a failing scenario fails the command
 * after the document shows it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUTPUT = path.join(ROOT, 'docs/reliability.md')
const GROUPS = [
  {
    name: 'Network faults',
    about:
      'A loopback proxy of our own (`scripts/testkit/fault-proxy.mjs`) sits in front of the real registry (token auth, anonymous pull refused) and damages the answers for one of two entries, or for the whole registry. Each run must end within the bound, send exactly the requests the proxy counts for the scenario (only retryable failures are retried), write or output no digest the registry did not serve for that entry, keep the old digest of every failed entry in the file and the matrix, and give one readable cause line in `failed[].error` and in the warning annotation.'
  },
  {
    name: 'Credential safety',
    about:
      'A second loopback address (127.0.0.2) stands in for another host: the registry redirects to it or names it as its token service, and any `Authorization` header it receives counts as a leak. The password, its Basic form, the GitHub token, every bearer token the registry received and signed-URL secrets are searched for in the log, outputs, job summary, config file and, on the pull-request path, in everything sent to the fake GitHub API.'
  },
  {
    name: 'Network edges',
    about:
      'The same loopback proxies, with 127.0.0.2 as another host: a token service that accepts connections and never answers (it must be asked `max-attempts` times in all, not once more per entry), a loopback registry on HTTPS with a self-signed certificate (a TLS failure naming `NODE_EXTRA_CA_CERTS`, no plain-HTTP fallback; then the same certificate trusted through that variable), a credential helper that hangs (killed after `request-timeout`), challenges naming `push` or another repository (only `pull` on the repository is asked for), and a `*.localhost` registry name that does not resolve (no plain-HTTP attempt). Where a remote registry may send the action (no plain HTTP, no loopback or private address, names resolved) is proved outside this suite, since every registry here is itself on loopback: in `__tests__/integration/remote-registry.test.ts` against the real registry given a public name by a scripted resolver (redirects and a token realm pointing at 127.0.0.2 or localhost are refused, and that host is asked nothing), and in `__tests__/unit/http.test.ts` for every private range.'
  },
  {
    name: 'Broken configs',
    about:
      'Each file of `__tests__/fixtures/broken-configs/` is run through the action: it must fail the step with one error naming file, line, column and field, put the same position on the annotation, print no stack trace, and leave the file byte for byte as it was. A file is counted as a wrong write when its bytes changed.'
  },
  {
    name: 'Generated configs and answers',
    about:
      'Property-based tests with fast-check: generated configs (layouts, quoting, comments, key names, digest forms, CRLF, BOM, flow and block entries) and registry answers (same digest, new digest, failure); then mutated configs; then, checked without a model of where a digest goes, configs with keys that have no value (`{…, digest}`, `? digest`, `digest:`, `digest: # comment`), nested fields and quoted colons, where each moved entry may change only in one place holding digest text and nothing outside it may change. Each property runs under three fixed seeds and one random seed that the run prints; counterexamples found are kept in the test file as regression cases. A failed property is counted as one wrong digest.'
  },
  {
    name: 'Workspace writes',
    about:
      'Layouts that try to steer a write out of the workspace, each run through the bundled action in update mode with a digest that really moved: a config input outside the workspace, a config behind a directory link (leaving the workspace, or back inside it), a config that is itself a link, and a `files` glob through a linked directory. The config is refused before any registry is asked and before anything is written (the glob skips the link with a notice); a file outside the workspace whose bytes changed counts as a wrong write.'
  },
  {
    name: 'Untrusted text',
    about:
      "Hostile text from every source the action reads (entry names, a YAML block scalar, a file name, a registry error message, an event payload, Markdown in names) through the bundled action with the real registry and the fake GitHub. Workflow commands are counted by a port of the runner's parser (`::` after leading whitespace, `##[` anywhere, culture-ignorable characters removed, `stop-commands` honoured); links, images, mentions, references and HTML by a checker stricter than GFM's autolink rules on the rendered body and summary; terminal control characters in what the CLI prints. Body templates outside the workspace, through symlinks, in `.git` or over 64 KiB must be refused, and no password or token may reach the body, title, commit message or summary."
  },
  {
    name: 'Wrong content',
    about:
      'The bundled action and the fake GitHub on a repository whose other files (`files`) pin the same digests, two tags sharing one until one moves. Every reference in the workspace and on the pull request branch is checked against what the registry serves for its image and tag; one the registry does not serve (a stale file in the pull request, a tagless reference moved while an entry holding it stayed) counts as a wrong digest.'
  },
  {
    name: 'Killed writes',
    about:
      'A process rewriting a large config is killed with SIGKILL: the file must always be byte for byte the old or the new content (a torn file counts as a wrong write), and temporary files left by a kill must not pile up.'
  }
]

function escapeMarkdown(text) {
  return String(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[*_`[\]]/g, c => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ')
}

function duration(ms) {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}

const records = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-records-'))
const jestJson = path.join(records, 'jest.json')
const started = Date.now()
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    path.join(ROOT, 'node_modules/jest/bin/jest.js'),
    '__tests__/reliability',
    '--json',
    `--outputFile=${jestJson}`
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, RELIABILITY_RECORDS: records } }
)
const elapsed = Date.now() - started

let results
try {
  results = JSON.parse(fs.readFileSync(jestJson, 'utf8'))
} catch {
  console.error('jest wrote no results; docs/reliability.md is left as it was')
  process.exit(jest.status || 1)
}
const figures = new Map()
for (const name of fs.readdirSync(records)) {
  if (name === 'jest.json') continue
  const entry = JSON.parse(fs.readFileSync(path.join(records, name), 'utf8'))
  figures.set(entry.id, entry)
}
fs.rmSync(records, { recursive: true, force: true })

const scenarios = []
for (const file of results.testResults) {
  for (const test of file.assertionResults) {
    const id = /^\[([^\]]+)\]/.exec(test.title)?.[1]
    if (!id) continue
    const recorded = figures.get(id)
    scenarios.push({
      id,
      status: test.status,
      group: recorded?.group ?? 'Unrecorded',
      title: recorded?.title ?? test.title.replace(/^\[[^\]]+\]\s*/, ''),
      recorded
    })
  }
}
const order = new Map(GROUPS.map((g, i) => [g.name, i]))
scenarios.sort(
  (a, b) => (order.get(a.group) ?? 99) - (order.get(b.group) ?? 99) || a.id.localeCompare(b.id)
)

const sum = key => scenarios.reduce((n, s) => n + (s.recorded?.[key] ?? 0), 0)
const passed = scenarios.filter(s => s.status === 'passed').length
const faultsBy = name =>
  scenarios.filter(s => s.group === name).reduce((n, s) => n + (s.recorded?.faults ?? 0), 0)
const unrecorded = scenarios.filter(s => !s.recorded).length

const lines = [
  '# Reliability',
  '',
  '<!-- Generated by `npm run reliability` from the run it describes. Do not edit by hand. -->',
  '',
  'The action runs unattended on a schedule and writes to a repository. This suite attacks it:',
  'a flaky or hostile registry, credentials a registry tries to send elsewhere, broken configs,',
  'generated configs, layouts that steer a write out of the workspace, hostile text aimed at',
  'the log, Markdown and the terminal, and a process killed while it writes. Every figure below',
  'comes from the run that wrote this page (`npm run reliability`); CI runs the same suite on',
  'every push.',
  '',
  '| Figure | Count |',
  '| --- | --- |',
  `| Scenarios run | ${scenarios.length} |`,
  `| Scenarios passed | ${passed} |`,
  `| Faults injected | ${sum('faults')} |`,
  ...GROUPS.map(g => `| … ${g.name.toLowerCase()} | ${faultsBy(g.name)} |`),
  `| Wrong digests written | ${sum('wrongDigests')} |`,
  `| Secrets leaked | ${sum('secretsLeaked')} |`,
  `| Suite run time | ${duration(elapsed)} (Node ${process.versions.node}) |`,
  ''
]
if (unrecorded > 0) {
  lines.push(
    `${unrecorded} scenario(s) recorded no figures (they failed before measuring); their counts are missing above.`,
    ''
  )
}
lines.push(
  'Faults injected counts damaged or refused answers the proxy actually sent, processes killed,',
  'broken config files, mutated configs, hostile workspace layouts, and hostile texts, values and',
  'template paths. Wrong digests written must be 0: a digest in the config, the matrix or',
  '`updates` output, or the pull request that the registry did not serve for that entry (or, for',
  'configs, kills and workspace layouts, a file that changed when it must not, or a torn file).',
  'Secrets leaked must be 0: a secret found in anything a user can read, or credentials received',
  'by a host they do not belong to.',
  '',
  'Every run of the action in the suite is killed if it outlives a fixed bound (`RUN_BOUND_MS`',
  'in `__tests__/reliability/support/scenario.ts`), which fails its scenario; the suite shortens',
  'the per-request timeout with the `request-timeout` input, so a stall costs seconds (the stall',
  'scenarios name the value). With the defaults (30 s per request, 3 attempts, backoff of at',
  "most 10 s, `Retry-After` honoured up to 60 s), one entry's requests are bounded the same way,",
  'in minutes rather than seconds, and a host that never answers costs the run at most',
  '`max-attempts × request-timeout` plus backoff, whatever the number of entries.',
  ''
)
for (const group of [
  ...GROUPS,
  { name: 'Unrecorded', about: 'Scenarios whose test failed before recording.' }
]) {
  const rows = scenarios.filter(s => s.group === group.name)
  if (rows.length === 0) continue
  lines.push(`## ${group.name}`, '', group.about, '')
  for (const s of rows) {
    const result = s.status === 'passed' ? 'passed' : `**${s.status.toUpperCase()}**`
    const faults = s.recorded ? `, ${s.recorded.faults} fault(s) injected` : ''
    lines.push(`- ${result}: \`${s.id}\`, ${escapeMarkdown(s.title)}${faults}.`)
    if (!s.recorded) continue
    const counted = [
      s.recorded.wrongDigests ? `**${s.recorded.wrongDigests} wrong digest(s) written.**` : '',
      s.recorded.secretsLeaked ? `**${s.recorded.secretsLeaked} secret(s) leaked.**` : ''
    ].filter(Boolean)
    lines.push(
      `  - ${escapeMarkdown(s.recorded.outcome)}${counted.length ? ` ${counted.join(' ')}` : ''}`
    )
  }
  lines.push('')
}

const options = (await prettier.resolveConfig(OUTPUT)) ?? {}
const markdown = await prettier.format(lines.join('\n'), { ...options, parser: 'markdown' })
fs.mkdirSync(path.dirname(OUTPUT), { recursive: true })
fs.writeFileSync(OUTPUT, markdown)
console.log(
  `\ndocs/reliability.md: ${scenarios.length} scenarios, ${passed} passed, ${sum('faults')} faults injected, ${sum('wrongDigests')} wrong digests, ${sum('secretsLeaked')} secrets leaked`
)
process.exit(jest.status ?? 1)
