import { describe, expect, it } from '@jest/globals'
import {
  type CliOptions,
  DEFAULT_CONFIG,
  FLAGS,
  UsageError,
  helpText,
  parseCliArgs
} from '../../src/cli/args.js'
import { DEFAULT_POLICY_SETTINGS } from '../../src/domain/policy/engine.js'

function options(argv: string[]): CliOptions {
  const command = parseCliArgs(argv)
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`)
  return command.options
}

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`${argv.join(' ')} was accepted`)
}

describe('parseCliArgs', () => {
  it('has the action defaults when no flag is given', () => {
    expect(options([])).toEqual({
      mode: 'update',
      config: DEFAULT_CONFIG,
      image: undefined,
      platform: undefined,
      dryRun: false,
      concurrency: 8,
      maxAttempts: 3,
      requestTimeoutMs: 30_000,
      failOnError: true,
      registryAuthFile: undefined,
      insecureRegistries: [],
      files: [],
      json: false,
      showPullRequest: false,
      verbose: false,
      sizeWarnIncrease: 0.2,
      policies: DEFAULT_POLICY_SETTINGS,
      checkPins: false,
      verifySignatures: 'off',
      signatureKeys: [],
      sigstoreTrustedRoot: undefined
    })
  })

  it('reads every flag, long and short', () => {
    expect(
      options([
        '-c',
        'ci/images.yml',
        '--image',
        'ghcr.io/rust-cross/rust-musl-cross',
        '--platform=linux/arm64',
        '-n',
        '--concurrency',
        '16',
        '--max-attempts',
        '5',
        '--request-timeout',
        '2.5',
        '--no-fail-on-error',
        '--registry-auth-file',
        'auth.yml',
        '--insecure-registry',
        'Registry.Local:5000',
        '--insecure-registry',
        'a.local,b.local',
        '--files',
        'Dockerfile, deploy/*.yaml',
        '--files=compose.yml',
        '--json',
        '--show-pull-request',
        '-v',
        '--size-warn-increase',
        '35%',
        '--check-pins',
        '--verify-signatures',
        'warn',
        '--signature-key',
        'a.pub',
        '--signature-key',
        'b.pub',
        '--sigstore-trusted-root',
        'trust.json'
      ])
    ).toEqual({
      mode: 'update',
      config: 'ci/images.yml',
      image: 'ghcr.io/rust-cross/rust-musl-cross',
      platform: 'linux/arm64',
      dryRun: true,
      concurrency: 16,
      maxAttempts: 5,
      requestTimeoutMs: 2_500,
      failOnError: false,
      registryAuthFile: 'auth.yml',
      insecureRegistries: ['registry.local:5000', 'a.local', 'b.local'],
      files: ['Dockerfile', 'deploy/*.yaml', 'compose.yml'],
      json: true,
      showPullRequest: true,
      verbose: true,
      sizeWarnIncrease: 0.35,
      policies: DEFAULT_POLICY_SETTINGS,
      checkPins: true,
      verifySignatures: 'warn',
      signatureKeys: ['a.pub', 'b.pub'],
      sigstoreTrustedRoot: 'trust.json'
    })
    expect(options(['--mode', 'matrix']).mode).toBe('matrix')
    expect(options(['--size-warn-increase', '0']).sizeWarnIncrease).toBe(0)
    expect(() => options(['--size-warn-increase', 'big'])).toThrow(
      '--size-warn-increase must be a percentage such as 20% (0% flags any growth), got "big"'
    )
    expect(options(['--fail-on-error']).failOnError).toBe(true)
    expect(options(['--show-pull-request', '--auto-merge', 'Squash']).autoMerge).toBe('squash')
  })

  it('reads the policy flags', () => {
    const { policies } = options([
      '--min-age',
      '72h',
      '--min-age-unknown',
      'allow',
      '--allow-rewind',
      '--immutable-tag',
      '^v[0-9]{1,3}$',
      '--immutable-tag=^pr-',
      '--size-limit-increase',
      '20%',
      '--size-policy',
      'block'
    ])
    expect({ ...policies, immutableTags: policies.immutableTags.map(r => r.source) }).toEqual({
      minAge: { ms: 72 * 3_600_000, unit: 'h', text: '72h' },
      minAgeUnknown: 'allow',
      allowRewind: true,
      immutableTags: ['^v[0-9]{1,3}$', '^pr-'],
      sizeLimitIncrease: 20,
      sizePolicy: 'block'
    })
  })

  it('answers --help and --version before looking at other flags', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['--concurrency', '9', '-h'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['-V'])).toEqual({ kind: 'version' })
  })

  it.each([
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['-x'], 'unknown option -x'],
    [['containers.yml'], 'unexpected argument containers.yml'],
    [['--config'], '--config needs a value'],
    [['-c'], '--config needs a value'],
    [['--config', '--dry-run'], '--config needs a value'],
    [['--config', ''], '--config needs a value'],
    [['--dry-run=yes'], '--dry-run takes no value'],
    [['--mode', 'check'], '--mode must be "update" or "matrix", got "check"'],
    [['--concurrency', '0'], '--concurrency must be a whole number from 1 to 64, got "0"'],
    [['--concurrency', '65'], '--concurrency must be a whole number from 1 to 64, got "65"'],
    [['--concurrency', '2.5'], '--concurrency must be a whole number from 1 to 64, got "2.5"'],
    [['--max-attempts', 'many'], '--max-attempts must be a whole number from 1 to 10, got "many"'],
    [
      ['--request-timeout', '0.1'],
      '--request-timeout must be a number of seconds from 0.5 to 300, got "0.1"'
    ],
    [['--request-timeout', '1e3'], '--request-timeout must be a number of seconds'],
    [['--request-timeout', '301'], '--request-timeout must be a number of seconds'],
    [['--insecure-registry', ' , '], '--insecure-registry needs a host'],
    [['--fail-on-error', '--no-fail-on-error'], 'contradict each other'],
    [['--mode', 'matrix', '--show-pull-request'], '--show-pull-request needs --mode update'],
    [
      ['--show-pull-request', '--auto-merge', 'fast'],
      '--auto-merge must be merge, squash or rebase, got "fast"'
    ],
    [['--auto-merge', 'squash'], '--auto-merge needs --show-pull-request'],
    [['--min-age', '3w'], '--min-age must be a whole number of days, hours or minutes'],
    [['--min-age-unknown', 'no'], '--min-age-unknown must be first-seen, hold or allow'],
    [['--immutable-tag', '('], '--immutable-tag has an invalid regular expression "("'],
    [['--size-limit-increase', 'lots'], '--size-limit-increase must be a percentage'],
    [['--size-policy', 'stop'], '--size-policy must be warn or block, got "stop"']
  ])('rejects %j with a one-line message', (argv, expected) => {
    const message = usageError(argv)
    expect(message).toContain(expected)
    expect(message).not.toContain('\n')
  })
})

describe('helpText', () => {
  it('documents every flag, the credentials order and the exit codes', () => {
    const help = helpText()
    for (const [name, spec] of Object.entries(FLAGS)) {
      expect(help).toContain(`--${name}`)
      if (spec.short) expect(help).toContain(`-${spec.short}, --${name}`)
    }
    expect(help).toMatch(/credHelpers, credsStore, auths/)
    expect(help).toMatch(/0 when every image resolved/)
    expect(help).toMatch(/2 on bad usage or a bad config/)
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(92)
  })
})
