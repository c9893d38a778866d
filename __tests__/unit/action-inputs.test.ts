/**
 * getInputs, input by input: what the runner passes as INPUT_* variables and what the run
 * gets, defaults, lists and booleans included, and the message a bad value fails with.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { InputError, type Inputs, getInputs } from '../../src/action/inputs.js'

const variable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
const set: string[] = []
function given(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) {
    process.env[variable(name)] = value
    set.push(variable(name))
  }
}
afterEach(() => {
  for (const name of set.splice(0)) delete process.env[name]
})

type Case = [
  input: string,
  value: string | undefined,
  expected: (i: Inputs) => unknown,
  want: unknown
]

const pr = (i: Inputs) => i.pullRequest
const CASES: Case[] = [
  ['mode', undefined, i => i.mode, 'update'],
  ['mode', ' matrix ', i => i.mode, 'matrix'],
  ['config', undefined, i => i.config, '.github/containers.yml'],
  ['config', ' deploy/images.yml ', i => i.config, 'deploy/images.yml'],
  ['image', undefined, i => i.image, undefined],
  ['image', 'ghcr.io/acme/app', i => i.image, 'ghcr.io/acme/app'],
  ['platform', 'linux/arm64', i => i.platform, 'linux/arm64'],
  ['dry-run', undefined, i => i.dryRun, false],
  ['dry-run', 'YES', i => i.dryRun, true],
  ['dry-run', 'off', i => i.dryRun, false],
  ['fail-on-error', 'true', i => i.failOnError, true],
  [
    'insecure-registries',
    'Reg.Local:5000, other\n\n',
    i => i.insecureRegistries,
    ['reg.local:5000', 'other']
  ],
  ['concurrency', undefined, i => i.concurrency, 8],
  ['concurrency', '1', i => i.concurrency, 1],
  ['concurrency', '64', i => i.concurrency, 64],
  ['max-attempts', undefined, i => i.maxAttempts, 3],
  ['max-attempts', '10', i => i.maxAttempts, 10],
  ['request-timeout', undefined, i => i.requestTimeoutMs, 30_000],
  ['request-timeout', '2.5', i => i.requestTimeoutMs, 2500],
  ['request-timeout', '0.5', i => i.requestTimeoutMs, 500],
  ['request-timeout', '300', i => i.requestTimeoutMs, 300_000],
  ['token', '', i => i.token, undefined],
  ['token', ' ghs_x ', i => i.token, 'ghs_x'],
  ['files', 'Dockerfile\n**/*.yml', i => i.files, ['Dockerfile', '**/*.yml']],
  ['registry-auth', '', i => i.registryAuth.size, 0],
  [
    'registry-auth',
    '{"Docker.io": {"username": "u", "password": "p"}}',
    i => [...i.registryAuth],
    [['docker.io', { username: 'u', password: 'p', source: 'the registry-auth input' }]]
  ],
  ['pull-request', undefined, i => pr(i).enabled, true],
  ['pull-request', 'false', i => pr(i).enabled, false],
  ['branch', undefined, i => [pr(i).branch, pr(i).branchExplicit], ['image-digests/update', false]],
  ['branch', 'deps/images', i => [pr(i).branch, pr(i).branchExplicit], ['deps/images', true]],
  ['base', ' main ', i => pr(i).base, 'main'],
  ['title', 'Bump images', i => [pr(i).title, pr(i).commitMessage], ['Bump images', 'Bump images']],
  ['commit-message', 'chore: digests', i => pr(i).commitMessage, 'chore: digests'],
  ['body-template', '  line one\nline two\n', i => pr(i).bodyTemplate, 'line one\nline two'],
  ['labels', 'deps, images', i => pr(i).labels, ['deps', 'images']],
  ['assignees', 'alice\nbob', i => pr(i).assignees, ['alice', 'bob']],
  ['reviewers', 'carol', i => pr(i).reviewers, ['carol']],
  ['team-reviewers', 'acme/ops', i => pr(i).teamReviewers, ['acme/ops']],
  ['draft', 'on', i => pr(i).draft, true],
  ['discover', undefined, i => i.discover, undefined],
  [
    'discover',
    'true',
    i => i.discover,
    { pin: false, pinUntagged: false, ignore: [], registryMap: [] }
  ]
]

/** Discovery's inputs, each read with discover on. */
const DISCOVERY: Case[] = [
  ['pin', 'true', i => i.discover?.pin, true],
  ['pin-untagged', 'yes', i => i.discover?.pinUntagged, true],
  [
    'ignore',
    'docker.io/library/*\nghcr.io/acme/**',
    i => i.discover?.ignore,
    ['docker.io/library/*', 'ghcr.io/acme/**']
  ],
  [
    'registry-map',
    'mirror.example.com/library=docker.io/library\n\nMirror.Example.com = registry.example.org',
    i => i.discover?.registryMap,
    [
      { mirror: 'mirror.example.com/library', upstream: 'docker.io/library' },
      { mirror: 'mirror.example.com', upstream: 'registry.example.org' }
    ]
  ]
]

const BAD: Array<[input: string, value: string, message: string]> = [
  ['mode', 'both', 'input mode must be "update" or "matrix", got "both"'],
  ['dry-run', 'maybe', 'input dry-run must be true or false, got "maybe"'],
  ['draft', '2', 'input draft must be true or false, got "2"'],
  ['concurrency', '0', 'input concurrency must be a whole number from 1 to 64, got "0"'],
  ['concurrency', '65', 'input concurrency must be a whole number from 1 to 64, got "65"'],
  ['concurrency', '1.5', 'input concurrency must be a whole number from 1 to 64, got "1.5"'],
  ['max-attempts', '11', 'input max-attempts must be a whole number from 1 to 10, got "11"'],
  [
    'request-timeout',
    '0.4',
    'input request-timeout must be a number of seconds from 0.5 to 300, got "0.4"'
  ],
  [
    'request-timeout',
    '301',
    'input request-timeout must be a number of seconds from 0.5 to 300, got "301"'
  ],
  [
    'request-timeout',
    '5s',
    'input request-timeout must be a number of seconds from 0.5 to 300, got "5s"'
  ],
  ['registry-auth', '{unclosed', 'input registry-auth is not valid YAML or JSON'],
  [
    'registry-auth',
    '- a\n- b',
    'input registry-auth must be a map of registry host to {username, password}'
  ],
  [
    'registry-auth',
    'ghcr.io: {username: u}',
    'input registry-auth entry "ghcr.io" must have string fields username and password'
  ],
  ['pin', 'true', 'input pin needs discover: true'],
  ['registry-map', 'mirror.example.com', 'input registry-map needs discover: true']
]

describe('getInputs', () => {
  it.each(CASES)('%s = %j', (input, value, read, want) => {
    if (value !== undefined) given({ [input]: value })
    expect(read(getInputs())).toEqual(want)
  })

  it.each(DISCOVERY)('with discover, %s = %j', (input, value, read, want) => {
    given({ discover: 'true', [input]: value! })
    expect(read(getInputs())).toEqual(want)
  })

  it("takes the discovery inputs' defaults, as the runner passes them, without discover", () => {
    given({
      discover: 'false',
      pin: 'false',
      'pin-untagged': 'false',
      ignore: '',
      'registry-map': ''
    })
    expect(getInputs().discover).toBeUndefined()
  })

  it('refuses a registry-map line that is not mirror=upstream', () => {
    given({ discover: 'true', 'registry-map': 'ok.example=docker.io\nmirror.example.com' })
    expect(() => getInputs()).toThrow(
      'input registry-map line 2 "mirror.example.com" is not mirror=upstream'
    )
  })

  it.each(BAD)('refuses %s = %j', (input, value, message) => {
    given({ [input]: value })
    expect(() => getInputs()).toThrow(InputError)
    expect(() => getInputs()).toThrow(message)
  })

  it('hands over passwords and the token before a later input can fail', () => {
    given({
      'registry-auth': 'ghcr.io: {username: u, password: s3cret}',
      token: 'ghs_token',
      concurrency: 'many'
    })
    const heard: string[] = []
    expect(() => getInputs(secret => heard.push(secret))).toThrow('input concurrency')
    expect(heard).toEqual(['s3cret', 'ghs_token'])
  })
})
