/**
 * The subcommands, dispatched before the main command's flags are read: `pin FILE…` pins
 * and refreshes the references in the given files. Each takes the main command's flags; a
 * first argument that names no subcommand is the main command's.
 */
import { type CliCommand, type CliOptions, UsageError, parseCliArgs } from './args.js'

export type Command =
  | Exclude<CliCommand, { kind: 'run' }>
  | { kind: 'run'; options: CliOptions }
  | {
      kind: 'pin'
      files: string[]
      options: CliOptions & { discover: NonNullable<CliOptions['discover']> }
    }

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv
  if (first !== 'pin') {
    const command = parseCliArgs(argv)
    return command.kind === 'run' ? { kind: 'run', options: command.options } : command
  }
  // The pin command always discovers and pins; --discover is implied.
  const command = parseCliArgs(['--discover', ...rest.filter(a => a !== '--discover')], {
    positionals: true
  })
  if (command.kind !== 'run') return command
  const files = command.positionals ?? []
  if (files.length === 0) throw new UsageError('pin needs at least one FILE')
  const discover = { ...command.options.discover!, pin: true }
  return { kind: 'pin', files, options: { ...command.options, discover } }
}
