import { randomBytes } from 'node:crypto'
import { open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

function tempPrefix(path: string): string {
  return `.${basename(path)}.`
}

/** Whether a process with this id exists (EPERM: it does, and is someone else's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files a killed writer of `path` left behind: nothing can clean up after
 * a SIGKILL, and on a runner that keeps its workspace they would pile up as untracked files
 * that a later `git add -A` could commit. Only files of this function's own naming for this
 * very target, whose writer process no longer exists, are touched; a live writer's are not.
 */
async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))
    if (!match || processExists(Number(match[1]))) continue
    await unlink(join(dirname(path), name)).catch(() => undefined)
  }
}

/**
 * Writes through a temporary file in the same directory and renames it over the target,
 * so a crash or kill leaves either the old file or the new one, never a partial one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await removeStaleTempFiles(path)
  const temp = join(
    dirname(path),
    `${tempPrefix(path)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  let mode: number | undefined
  try {
    mode = (await stat(path)).mode & 0o7777
  } catch {
    mode = undefined
  }
  const handle = await open(temp, 'wx', mode ?? 0o644)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
