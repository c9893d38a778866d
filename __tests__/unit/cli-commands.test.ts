/**
 * The CLI's discovery flags and its `pin FILE…` subcommand (src/cli/commands.ts), parsed
 * into plain data; the run itself is tested end to end in __tests__/integration/discover-cli.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { UsageError, parseCliArgs } from '../../src/cli/args.js'
import { parseCommand } from '../../src/cli/commands.js'

function usageError(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('accepted')
}

describe('discovery flags', () => {
  it('reads --discover with --pin, --pin-untagged, --ignore and --registry-map', () => {
    const command = parseCliArgs([
      '--discover',
      '--pin',
      '--pin-untagged',
      '--ignore',
      'docker.io/library/*',
      '--ignore=ghcr.io/acme/**,quay.io/x',
      '--registry-map',
      'mirror.example.com/library=docker.io/library'
    ])
    expect(command.kind === 'run' && command.options.discover).toEqual({
      pin: true,
      pinUntagged: true,
      ignore: ['docker.io/library/*', 'ghcr.io/acme/**', 'quay.io/x'],
      registryMap: [{ mirror: 'mirror.example.com/library', upstream: 'docker.io/library' }]
    })
  })

  it.each([
    [['--pin'], '--pin needs --discover'],
    [['--registry-map', 'a.example=b.example'], '--registry-map needs --discover'],
    [
      ['--discover', '--registry-map', 'nope'],
      '--registry-map line 1 "nope" is not mirror=upstream'
    ]
  ])('rejects %j', (argv, message) => {
    expect(usageError(() => parseCliArgs(argv))).toContain(message)
  })
})

describe('the pin subcommand', () => {
  it('takes files and the run flags, and always pins', () => {
    const command = parseCommand(['pin', 'Dockerfile', '-n', 'deploy/app.yaml', '--pin-untagged'])
    expect(command.kind).toBe('pin')
    if (command.kind !== 'pin') return
    expect(command.files).toEqual(['Dockerfile', 'deploy/app.yaml'])
    expect(command.options.dryRun).toBe(true)
    expect(command.options.discover).toMatchObject({ pin: true, pinUntagged: true })
  })

  it('needs a file, and leaves other arguments to the main command', () => {
    expect(usageError(() => parseCommand(['pin']))).toContain('pin needs at least one FILE')
    expect(parseCommand(['--dry-run'])).toMatchObject({ kind: 'run' })
    expect(usageError(() => parseCommand(['Dockerfile']))).toContain(
      'unexpected argument Dockerfile'
    )
    expect(parseCommand(['pin', '--help'])).toMatchObject({ kind: 'help' })
  })
})
