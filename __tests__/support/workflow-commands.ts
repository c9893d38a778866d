/**
 * How the Actions runner reads a step's output (actions/runner: ActionCommand.TryParseV2 and
 * TryParse, ActionCommandManager.TryProcessCommand), ported so tests can ask what a log
 * would have done. Stricter than the runner on purpose: every command name counts as
 * registered, and a line is also tried with the characters .NET's culture-sensitive
 * matching ignores removed.
 */

export interface ParsedCommand {
  command: string
  data: string
  line: string
}

/** .NET's Char.IsWhiteSpace, plus U+001C–U+001F which some tables count, as TrimStart uses. */
const DOTNET_WHITESPACE =
  // eslint-disable-next-line no-control-regex
  /^[\t\n\v\f\r\x1c-\x1f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/
/** Characters that collate as nothing: invisible to culture-sensitive IndexOf/StartsWith. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu

function parseV2(message: string): ParsedCommand | undefined {
  const line = message.replace(DOTNET_WHITESPACE, '')
  if (!line.startsWith('::')) return undefined
  const end = line.indexOf('::', 2)
  if (end < 0) return undefined
  const info = line.slice(2, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (command === '') return undefined
  return { command, data: line.slice(end + 2), line: message }
}

function parseLegacy(message: string): ParsedCommand | undefined {
  const prefix = message.indexOf('##[')
  if (prefix < 0) return undefined
  const end = message.indexOf(']', prefix)
  if (end < 0) return undefined
  const info = message.slice(prefix + 3, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (command === '') return undefined
  return { command, data: message.slice(end + 1), line: message }
}

/** The command a single line would be read as, by either form, or undefined. */
export function parseCommand(line: string): ParsedCommand | undefined {
  const stripped = line.replace(IGNORABLE, '')
  for (const candidate of [line, stripped]) {
    const found = parseV2(candidate) ?? parseLegacy(candidate)
    if (found) return { ...found, line }
  }
  return undefined
}

/** The runner splits output into lines at CR, LF and CRLF. */
export function outputLines(output: string): string[] {
  return output.split(/\r\n|\r|\n/)
}

/**
 * The commands the runner would act on in a step's output, with `stop-commands` honoured:
 * between `::stop-commands::TOKEN` and `::TOKEN::` (both listed) nothing else is processed.
 */
export function processedCommands(output: string): ParsedCommand[] {
  const acted: ParsedCommand[] = []
  let stopToken: string | undefined
  for (const line of outputLines(output)) {
    const command = parseCommand(line)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.command.toLowerCase() !== stopToken.toLowerCase()) continue
      stopToken = undefined
      acted.push(command)
      continue
    }
    if (command.command.toLowerCase() === 'stop-commands') stopToken = command.data
    acted.push(command)
  }
  return acted
}
