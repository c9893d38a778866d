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
  ['size-warn-increase', undefined, i => i.sizeWarnIncrease, 0.2],
  ['size-warn-increase', ' 30% ', i => i.sizeWarnIncrease, 0.3],
  ['size-warn-increase', '0', i => i.sizeWarnIncrease, 0],
  ['auto-merge', undefined, i => pr(i).autoMerge, undefined],
  ['auto-merge', ' Squash ', i => pr(i).autoMerge, 'squash'],
  ['auto-merge', 'rebase', i => pr(i).autoMerge, 'rebase'],
  ['min-age', undefined, i => i.policies.minAge, undefined],
  ['min-age', ' 3d ', i => i.policies.minAge, { ms: 3 * 86_400_000, unit: 'd', text: '3d' }],
  ['min-age-unknown', undefined, i => i.policies.minAgeUnknown, 'first-seen'],
  ['min-age-unknown', 'hold', i => i.policies.minAgeUnknown, 'hold'],
  ['allow-rewind', undefined, i => i.policies.allowRewind, false],
  ['allow-rewind', 'true', i => i.policies.allowRewind, true],
  [
    'immutable-tags',
    '^pr-[0-9]+-[0-9a-f]{7}$\n^v[0-9]{1,3}$',
    i => i.policies.immutableTags.map(r => r.source),
    ['^pr-[0-9]+-[0-9a-f]{7}$', '^v[0-9]{1,3}$']
  ],
  ['size-limit-increase', '20%', i => i.policies.sizeLimitIncrease, 20],
  ['size-policy', undefined, i => i.policies.sizePolicy, 'warn'],
  ['size-policy', 'block', i => i.policies.sizePolicy, 'block'],
  ['check-pins', undefined, i => i.checkPins, false],
  ['check-pins', 'true', i => i.checkPins, true],
  ['verify-signatures', undefined, i => i.signatures.mode, 'off'],
  ['verify-signatures', ' Require ', i => i.signatures.mode, 'require'],
  ['verify-signatures', 'warn', i => i.signatures.mode, 'warn'],
  ['signature-keys', undefined, i => i.signatures.keys, undefined],
  ['signature-keys', ' keys/a.pub\nkeys/b.pub\n', i => i.signatures.keys, 'keys/a.pub\nkeys/b.pub'],
  ['sigstore-trusted-root', undefined, i => i.signatures.trustedRoot, undefined],
  ['sigstore-trusted-root', ' trust.json ', i => i.signatures.trustedRoot, 'trust.json'],
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
  [
    'size-warn-increase',
    '-5%',
    'input size-warn-increase must be a percentage such as 20% (0% flags any growth), got "-5%"'
  ],
  [
    'auto-merge',
    'true',
    'input auto-merge must be merge, squash or rebase (or empty to leave auto-merge alone), got "true"'
  ],
  [
    'min-age',
    '3 weeks',
    'input min-age must be a whole number of days, hours or minutes such as 3d, 72h or 90m, got "3 weeks"'
  ],
  ['min-age-unknown', 'never', 'input min-age-unknown must be first-seen, hold or allow'],
  ['allow-rewind', 'perhaps', 'input allow-rewind must be true or false, got "perhaps"'],
  ['immutable-tags', '^v[0-9', 'input immutable-tags has an invalid regular expression "^v[0-9"'],
  ['size-limit-increase', '20', 'input size-limit-increase must be a percentage such as 20%'],
  ['size-policy', 'fail', 'input size-policy must be warn or block, got "fail"'],
  [
    'verify-signatures',
    'yes',
    'input verify-signatures must be one of off, warn, require, got "yes"'
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
