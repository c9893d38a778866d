/**
 * `image-digest-updater pin FILE…`: the discovery stage on the named files alone, without a
 * config, written in place (or only described, on a dry run). Each file is checked as every
 * written file is: inside its root, and no symbolic link on the way.
 */
import { stat } from 'node:fs/promises'
import { type SettingWords, UpdaterError } from '../domain/errors.js'
import type { RegistryClient } from '../adapters/registry/client.js'
import type { Logger } from '../adapters/registry/http.js'
import { writeFileAtomic } from '../adapters/fs/atomic-write.js'
import type { WorkspaceFile } from '../adapters/fs/workspace-files.js'
import { checkWorkspacePath } from '../adapters/fs/workspace-path.js'
import type { PinSettings } from './discover.js'
import {
  emptyConfig,
  findDiscovered,
  resolveDiscovered,
  settleDiscovery,
  withDiscovery
} from './discover-stage.js'
import { type UpdateResult, planUpdate } from './update.js'

/** A file named on the command line that cannot be pinned: nothing was asked or written. */
export class PinFileError extends UpdaterError {
  override name = 'PinFileError'
}

export interface PinFilesOptions {
  /** Each file as the user named it, with where it lives and the root it may not leave. */
  files: ReadonlyArray<WorkspaceFile & { root: string }>
  discover: PinSettings
  dryRun: boolean
  concurrency: number
  words?: SettingWords
}

export async function pinFiles(
  options: PinFilesOptions,
  client: RegistryClient,
  logger: Logger
): Promise<UpdateResult> {
  for (const file of options.files) {
    const kind = await stat(file.absolutePath).then(
      s => (s.isFile() ? undefined : 'not a regular file'),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'not found' : error.code)
    )
    if (kind) throw new PinFileError(`${file.path}: ${kind}`)
    if (!options.dryRun) await checkWorkspacePath(file.root, file.absolutePath, file.path)
  }
  const config = emptyConfig('(no config)')
  const files = options.files.map(f => f.path)
  const found = await findDiscovered(options.files, config, { ...options, files }, logger)
  const results = await resolveDiscovered(found, client, options)
  const stage = settleDiscovery(found, results, [], logger)
  const plan = withDiscovery(planUpdate('update', config, []), stage)
  if (!options.dryRun)
    for (const file of plan.pinnedFiles) await writeFileAtomic(file.absolutePath, file.newText)
  return { ...plan, written: !options.dryRun && plan.pinnedFiles.length > 0 }
}
