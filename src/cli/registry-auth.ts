/**
 * --registry-auth-file, read alike by every command: each password becomes a secret the
 * terminal never prints, and a file that cannot be read or parsed is a setup error naming it.
 */
import { readFile } from 'node:fs/promises'
import { UpdaterError } from '../domain/errors.js'
import {
  type Credentials,
  CredentialsInputError,
  parseRegistryAuth
} from '../adapters/registry/credentials.js'
import { secrets } from './terminal.js'

/** Bad config or a bad credentials file: like bad usage, nothing ran and nothing was written. */
export class SetupError extends UpdaterError {
  override name = 'SetupError'
}

/** The credentials the file holds by registry; none without a file. */
export async function readRegistryAuthFile(
  path: string | undefined
): Promise<Map<string, Credentials>> {
  if (path === undefined) return new Map()
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new SetupError(`--registry-auth-file ${path}: cannot read the file (${code})`)
  }
  try {
    const parsed = parseRegistryAuth(text, `the registry auth file ${path}`)
    for (const credentials of parsed.values()) secrets.add(credentials.password)
    return parsed
  } catch (error) {
    if (error instanceof CredentialsInputError)
      throw new SetupError(`--registry-auth-file ${path} ${error.message}`)
    throw error
  }
}
