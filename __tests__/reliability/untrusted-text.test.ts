/**
 * Untrusted text against the sinks that would act on it, through the bundled action with the
 * real registry (token auth, behind the fault proxy) and the fake GitHub: entry names, a
 * block scalar, a file name, a registry's error message and an event payload that try to be
 * workflow commands; values that try to be links, mentions or HTML in the pull request and
 * the summary; body templates that try to publish files outside the workspace and secrets;
 * and, for the CLI, terminal escape sequences.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type FaultProxy, startFaultProxy } from '../../scripts/faults/proxy.mjs'
import { type RegistryHandle, startRegistry } from '../../scripts/registry/harness.mjs'
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js'
import { activeMarkdown } from '../support/markdown-links.js'
import { runCli } from '../support/run-cli.js'
import { type ActionRun, annotations, runAction } from '../support/run-action.js'
import { type ParsedCommand, processedCommands } from '../support/workflow-commands.js'
import { record, testName } from './support/record.js'
import {
  GITHUB_TOKEN,
  PASSWORD,
  REQUEST_TIMEOUT_MS,
  RUN_BOUND_MS,
  USER,
  makeWorkspace,
  readText,
  secretVariants,
  sha256,
  tokensSeen,
  write
} from './support/scenario.js'

const CONFIG = '.github/containers.yml'
/** Every hostile text carries this mark, so a command it forged can be told from ours. */
const MARK = 'FORGED'
const RUNNER_COMMANDS = ['add-mask', 'stop-commands', 'set-output', 'set-env', 'save-state']

/**
 * Commands the runner would act on that the hostile texts made: one whose name or
 * properties carry the mark, a mask, output, state or stop whose value does, and any
 * `stop-commands` still in force at the end (it would silence every later warning).
 */
function forgedCommands(stdout: string): ParsedCommand[] {
  const acted = processedCommands(stdout)
  const forged = acted.filter(
    c =>
      c.command.includes(MARK) ||
      c.line.slice(0, c.line.length - c.data.length).includes(MARK) ||
      (RUNNER_COMMANDS.includes(c.command.toLowerCase()) && c.data.includes(MARK))
  )
  const stops = acted.filter(c => c.command === 'stop-commands').length
  const resumes = acted.filter(
    c => c.command !== 'stop-commands' && /^[0-9a-f]{32}$/.test(c.command)
  )
  if (stops > resumes.length) forged.push(acted.filter(c => c.command === 'stop-commands').at(-1)!)
  return forged
}

function leaks(run: ActionRun, secrets: readonly string[], extra: string[] = []): string[] {
  const seen = [run.artifacts, ...extra].join('\n')
  return secretVariants(secrets).filter(s => seen.includes(s))
}

describe('untrusted text', () => {
  let registry: RegistryHandle
  let front: FaultProxy

  beforeAll(async () => {
    registry = await startRegistry({
      auth: 'token',
      anonymousPull: false,
      users: { [USER]: PASSWORD }
    })
    await registry.pushImage('text/ok', 'v1', { seed: 'text ok' })
    await registry.pushImage('text/also', 'v1', { seed: 'text also' })
    front = await startFaultProxy({ upstream: registry.url })
  })

  afterAll(async () => {
    await front?.stop()
    await registry?.stop()
  })

  const registryAuth = () =>
    JSON.stringify({ [front.host]: { username: USER, password: PASSWORD } })

  const OLD_OK = sha256('old text ok')
  const OLD_ALSO = sha256('old text also')

  it(
    testName(
      'text-log',
      'forged workflow commands in names, a block scalar, a file name, a registry error and an event'
    ),
    async () => {
      const hostile = [
        `ok\\n::add-mask::${MARK}-mask\\n##[set-output name=${MARK}]x`,
        `also ::stop-commands::${MARK}STOP`,
        `gone \\u00a0##[error title=${MARK}]legacy`
      ]
      front.setRules([
        {
          path: /\/v2\/text\/gone\/manifests\//,
          fault: {
            kind: 'status',
            status: 404,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              errors: [
                {
                  code: 'MANIFEST_UNKNOWN',
                  message: `##[set-env name=${MARK}]x\n::add-mask::${MARK}-registry`
                }
              ]
            })
          }
        }
      ])
      const workspace = makeWorkspace('text-log')
      try {
        const config = [
          'containers:',
          `  - name: "${hostile[0]}"`,
          `    image: ${front.host}/text/ok`,
          '    tag: v1',
          '    note: |',
          `      ::error title=${MARK}::from a block scalar`,
          `      ::stop-commands::${MARK}STOP`,
          `    digest: ${OLD_OK}`,
          `  - name: "${hostile[1]}"`,
          `    image: ${front.host}/text/also`,
          '    tag: v1',
          `    digest: ${OLD_ALSO}`,
          `  - name: "${hostile[2]}"`,
          `    image: ${front.host}/text/gone`,
          '    tag: v1',
          `    digest: ${sha256('old text gone')}`,
          ''
        ].join('\n')
        write(workspace.configPath, config)
        const fileName = `deploy/\n::error title=${MARK}::file ##[add-mask]${MARK}.yml`
        mkdirSync(join(workspace.dir, 'deploy'))
        write(join(workspace.dir, fileName), `image: ${front.host}/text/ok:v1@${OLD_OK}\n`)
        const inputs = {
          config: CONFIG,
          'registry-auth': registryAuth(),
          token: GITHUB_TOKEN,
          'dry-run': 'true',
          files: 'deploy/*',
          'request-timeout': String(REQUEST_TIMEOUT_MS / 1000)
        }
        const dryRun = await runAction({
          workspace: workspace.dir,
          inputs,
          timeoutMs: RUN_BOUND_MS
        })
        // The same config, started by an event whose payload is hostile too.
        const evented = await runAction({
          workspace: workspace.dir,
          inputs: { ...inputs, 'pull-request': 'false' },
          event: {
            name: 'registry_package',
            payload: {
              action: 'published',
              registry_package: {
                package_type: 'container',
                namespace: `\n::error title=${MARK}::namespace`,
                name: `##[set-output name=${MARK}]x`,
                package_version: { container_metadata: { tag: { name: 'v1' } } }
              }
            }
          },
          timeoutMs: RUN_BOUND_MS
        })
        const runs = [dryRun, evented]
        const forged = runs.flatMap(r => forgedCommands(r.stdout))
        const leaked = runs.flatMap(r => leaks(r, [PASSWORD, GITHUB_TOKEN, ...tokensSeen(front)]))
        const hostileTexts = hostile.length + 2 + 1 + 1 + 2
        record({
          group: 'Untrusted text',
          id: 'text-log',
          title:
            'forged workflow commands in names, a block scalar, a file name, a registry error and an event',
          faults: hostileTexts,
          wrongDigests: 0,
          secretsLeaked: leaked.length,
          outcome: `${forged.length} command(s) forged by ${hostileTexts} hostile texts over 2 runs; the failed entry's warning still annotated`
        })
        expect(forged.map(c => c.line)).toEqual([])
        expect(leaked).toEqual([])
        for (const run of runs) {
          expect(run.exitCode).toBe(0)
          // The action's own warning for the failed entry survives every stop the texts tried.
          expect(annotations(run, 'warning').some(w => w.includes('text/gone'))).toBe(true)
        }
        // The dry-run block is shown exactly, between stop-commands markers.
        expect(dryRun.stdout).toMatch(/^::stop-commands::[0-9a-f]{32}$/m)
        expect(dryRun.stdout).toContain(`::error title=${MARK}::from a block scalar`)
        expect(readText(workspace.configPath)).toBe(config)
      } finally {
        front.setRules([])
        workspace.cleanup()
      }
    }
  )

  describe('in the pull request and the summary', () => {
    let github: FakeGitHub

    const hostileConfig = () =>
      [
        'containers:',
        `  - name: "_www.evil.example @evil-org/team #4242 <img src=x> [x](https://evil.example)"`,
        `    image: ${front.host}/text/ok`,
        '    tag: v1',
        `    digest: ${OLD_OK}`,
        `  - name: "(www.evil.example) *www.evil.example* ~www.evil.example~ evil@mail.example"`,
        `    image: ${front.host}/text/also`,
        '    tag: v1',
        `    digest: ${OLD_ALSO}`,
        ''
      ].join('\n')

    beforeAll(async () => {
      github = await startFakeGitHub({
        owner: 'acme',
        repo: 'builds',
        files: { [CONFIG]: hostileConfig() }
      })
    })
    afterAll(async () => {
      await github?.stop()
    })

    it(
      testName(
        'text-markdown',
        'links, mentions and HTML in names and a file name with blank lines'
      ),
      async () => {
        const workspace = makeWorkspace('text-markdown')
        try {
          const config = hostileConfig()
          write(workspace.configPath, config)
          const env = {
            GITHUB_API_URL: github.url
          }
          const inputs = {
            config: CONFIG,
            'registry-auth': registryAuth(),
            token: github.token,
            'request-timeout': String(REQUEST_TIMEOUT_MS / 1000)
          }
          const run = await runAction({
            workspace: workspace.dir,
            inputs,
            env,
            timeoutMs: RUN_BOUND_MS
          })
          // Git refuses a path with a line break, so the file name is for the summary alone.
          const fileName = 'deploy/a\n\n_www.evil.example [x](evil.example) @octocat.yml'
          write(workspace.configPath, config)
          mkdirSync(join(workspace.dir, 'deploy'))
          write(join(workspace.dir, fileName), `image: ${front.host}/text/ok:v1@${OLD_OK}\n`)
          const local = await runAction({
            workspace: workspace.dir,
            inputs: { ...inputs, 'pull-request': 'false', files: 'deploy/*' },
            env,
            timeoutMs: RUN_BOUND_MS
          })
          const body = github.pulls()[0]?.body ?? ''
          const github_ = (d: string) =>
            d.startsWith('https://github.com/') || d.startsWith(`${github.url}/`)
          const findings = [
            ...activeMarkdown(body, github_),
            ...activeMarkdown(run.summary, github_),
            ...activeMarkdown(local.summary, github_)
          ]
          record({
            group: 'Untrusted text',
            id: 'text-markdown',
            title: 'links, mentions and HTML in names and a file name with blank lines',
            faults: 11,
            wrongDigests: 0,
            secretsLeaked: leaks(run, [PASSWORD, github.token]).length,
            outcome: `${findings.length} link(s), mention(s) or HTML element(s) rendered from 11 hostile values in the body and the summary`
          })
          expect([run.exitCode, local.exitCode]).toEqual([0, 0])
          expect(body).toContain('## Container Hash Updates')
          expect(findings).toEqual([])
          // The file name stays one code span: the summary names it on one line.
          expect(local.summary).toMatch(/Other files updated with the same digests: `[^`\n]*_www/)
        } finally {
          workspace.cleanup()
        }
      }
    )

    it(
      testName(
        'text-template',
        'body templates outside the workspace, through symlinks, in .git, too large; secrets in the body, commit and summary'
      ),
      async () => {
        const workspace = makeWorkspace('text-template')
        const secretLine = `token ${github.token} password ${PASSWORD}`
        const outside = join(workspace.dir, '..', `${workspace.dir.split('/').pop()}-outside.md`)
        writeFileSync(outside, `outside ${secretLine}\n{table}\n`)
        mkdirSync(join(workspace.dir, '.git'))
        write(join(workspace.dir, '.git/config'), `[http]\n\textraheader = ${github.token}\n`)
        symlinkSync(outside, join(workspace.dir, 'outside-link.md'))
        symlinkSync('/proc/self/environ', join(workspace.dir, 'environ.md'))
        symlinkSync('.git/config', join(workspace.dir, 'git-config.md'))
        write(join(workspace.dir, 'huge.md'), 'x'.repeat(64 * 1024 + 1))
        write(join(workspace.dir, 'secret.md'), `## Updates\n\n${secretLine}\n\n{table}\n`)
        const templates = [
          outside,
          `../${outside.split('/').pop()}`,
          'outside-link.md',
          'environ.md',
          'git-config.md',
          '.git/config',
          'huge.md'
        ]
        const run = (template: string, extra: Record<string, string> = {}) => {
          github.clearRequests()
          write(workspace.configPath, hostileConfig())
          return runAction({
            workspace: workspace.dir,
            inputs: {
              config: CONFIG,
              'registry-auth': registryAuth(),
              token: github.token,
              'body-template': template,
              branch: 'image-digests/template',
              'request-timeout': String(REQUEST_TIMEOUT_MS / 1000),
              ...extra
            },
            env: {
              GITHUB_API_URL: github.url,
              // The environment a /proc/self/environ link would publish.
              REGISTRY_PASSWORD: PASSWORD
            },
            timeoutMs: RUN_BOUND_MS
          })
        }
        try {
          const refused: ActionRun[] = []
          const sent: string[] = []
          for (const template of templates) {
            const r = await run(template)
            refused.push(r)
            sent.push(JSON.stringify(github.writeRequests()))
          }
          const accepted = await run('secret.md', {
            'commit-message': `chore: digests (${github.token})`,
            title: `Digests ${PASSWORD}`
          })
          sent.push(JSON.stringify(github.writeRequests()))
          const pull = github.pulls().at(-1)
          const secrets = [PASSWORD, github.token, ...tokensSeen(front)]
          const leaked = [
            ...refused.flatMap(r => leaks(r, secrets)),
            ...leaks(accepted, secrets, sent)
          ]
          const refusedCount = refused.filter(
            r => r.exitCode !== 0 && /body-template/.test(r.stdout)
          ).length
          record({
            group: 'Untrusted text',
            id: 'text-template',
            title:
              'body templates outside the workspace, through symlinks, in .git, too large; secrets in the body, commit and summary',
            faults: templates.length + 4,
            wrongDigests: 0,
            secretsLeaked: leaked.length,
            outcome: `${refusedCount} of ${templates.length} templates refused before any write; the accepted one published with its secrets removed`
          })
          expect(leaked).toEqual([])
          for (const [i, r] of refused.entries()) {
            expect([templates[i], r.exitCode]).toEqual([templates[i], 1])
            expect(annotations(r, 'error').join('\n')).toMatch(/body-template/)
          }
          expect(accepted.exitCode).toBe(0)
          expect(pull?.body).toContain('## Updates')
          expect(pull?.body).toContain('token *** password ***')
        } finally {
          workspace.cleanup()
          rmSync(outside, { force: true })
        }
      }
    )
  })

  it(
    testName('text-terminal', 'terminal escape sequences and hyperlinks in what the CLI prints'),
    async () => {
      const workspace = makeWorkspace('text-terminal')
      try {
        const config = [
          'containers:',
          `  - name: "ok\\e[2J\\e[31mred\\e]8;;https://evil.example\\aclick\\e]8;;\\a\\e]0;title\\a\\x9b31m"`,
          `    image: ${front.host}/text/ok`,
          '    tag: v1',
          '    note: "\\e[8mhidden"',
          `    digest: ${OLD_OK}`,
          `  - name: "gone\\rover\\x08\\e"`,
          `    image: ${front.host}/text/gone`,
          '    tag: v1',
          `    digest: ${sha256('old text gone')}`,
          ''
        ].join('\n')
        write(workspace.configPath, config)
        write(
          join(workspace.dir, 'auth.json'),
          JSON.stringify({ [front.host]: { username: USER, password: PASSWORD } })
        )
        const result = await runCli(
          [
            '--config',
            CONFIG,
            '--registry-auth-file',
            'auth.json',
            '--insecure-registry',
            front.host,
            '--dry-run',
            '--show-pull-request'
          ],
          { cwd: workspace.dir, timeoutMs: RUN_BOUND_MS }
        )
        const printed = result.stdout + result.stderr
        // eslint-disable-next-line no-control-regex
        const controls = printed.match(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g) ?? []
        record({
          group: 'Untrusted text',
          id: 'text-terminal',
          title: 'terminal escape sequences and hyperlinks in what the CLI prints',
          faults: 9,
          wrongDigests: 0,
          secretsLeaked: secretVariants([PASSWORD]).filter(s => printed.includes(s)).length,
          outcome: `${controls.length} control character(s) reached the terminal from 9 hostile sequences`
        })
        expect(controls).toEqual([])
        expect(printed).toContain('okredclick')
        expect(result.stdout).toMatch(/ok.*updated/)
      } finally {
        workspace.cleanup()
      }
    }
  )
})
