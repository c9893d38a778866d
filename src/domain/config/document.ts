/** Reading the config's bytes into a YAML document: size, encoding, control characters, syntax. */
import { LineCounter, parseDocument } from 'yaml'
import { ConfigError } from './error.js'

/**
 * Far above any real config (a thousand entries take about 150 KB), and small enough that
 * a hostile or runaway file costs no noticeable time or memory to refuse.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024

export interface ConfigDocument {
  /** The text without its byte order mark, which `hasBom` records for the rewrite. */
  source: string
  hasBom: boolean
  doc: ReturnType<typeof parseDocument>
  lineCounter: LineCounter
}

/** The document in `bytes`, or a ConfigError saying why it cannot be read. */
export function readDocument(file: string, bytes: Uint8Array | string): ConfigDocument {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.length
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      file,
      undefined,
      undefined,
      `is ${size} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes (1 MiB)`
    )
  }
  const text = typeof bytes === 'string' ? bytes : decodeUtf8(file, bytes)
  const hasBom = text.startsWith('\uFEFF')
  const source = hasBom ? text.slice(1) : text

  const lineCounter = new LineCounter()
  // YAML allows tab, line feed and carriage return among the C0 controls, and not DEL.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(source)
  let doc: ReturnType<typeof parseDocument>
  try {
    // Duplicate keys are reported below, with the field they belong to.
    doc = parseDocument(source, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false
    })
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(file)
    throw error
  }
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    throw new ConfigError(
      file,
      lineCounter.linePos(control.index),
      undefined,
      `contains the control character U+${code}, which YAML does not allow; remove it`
    )
  }

  const firstError = doc.errors[0]
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0])
    throw new ConfigError(file, pos, undefined, `invalid YAML: ${yamlErrorDetail(firstError)}`)
  }
  return { source, hasBom, doc, lineCounter }
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte order mark in the text, so the rewrite can write it back.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    // Falls through to find where, for the message.
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ConfigError(file, { line: 1, col: 1 }, undefined, 'is UTF-16 text; save it as UTF-8')
  }
  const offset = firstInvalidUtf8(bytes)
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lines = before.split('\n')
  const position = { line: lines.length, col: [...lines[lines.length - 1]!].length + 1 }
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')
  throw new ConfigError(
    file,
    position,
    undefined,
    `is not valid UTF-8 (byte 0x${byte} here); save it as UTF-8`
  )
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true })
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : 4
    try {
      strict.decode(bytes.subarray(i, i + length))
    } catch {
      return i
    }
    i += length
  }
  return bytes.length - 1
}

export function tooDeep(file: string): ConfigError {
  return new ConfigError(file, undefined, undefined, 'nests too deeply to be read')
}

/** The parser's messages, reworded where they speak of its API rather than of the file. */
function yamlErrorDetail(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS')
    return 'the file holds more than one document (a second `---`); keep one'
  const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? ''
  if (/call stack/i.test(detail)) return 'the file nests too deeply to be read'
  return detail
}
