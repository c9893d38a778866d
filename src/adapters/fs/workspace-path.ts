/**
 * The one check for every file the run writes: the config and the files the `files` globs
 * match. A path is written only when it lies inside the workspace and no part of it below
 * the workspace is a symbolic link, the file itself included, so neither a path nor a
 * committed link can steer a write elsewhere (a rename over a link would also replace the
 * link itself). Real paths (fs.realpath) are compared as well, so a workspace reached
 * through links of its own (macOS's /tmp) still counts as itself.
 */
import { UpdaterError } from '../../domain/errors.js'
import { lstat, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

export class WorkspacePathError extends UpdaterError {
  override name = 'WorkspacePathError'
}

function inside(relativePath: string): boolean {
  return relativePath !== '..' && !relativePath.startsWith(`..${sep}`) && !isAbsolute(relativePath)
}

/**
 * Returns the workspace-relative path (forward slashes) of `path`, resolved against
 * `workspace`, or throws a WorkspacePathError that starts with `label` (how the user named
 * the file: "input config x.yml", "--config x.yml", "files: x"). A path that does not exist
 * yet passes the link check as far as it exists.
 */
export async function checkWorkspacePath(
  workspace: string,
  path: string,
  label: string
): Promise<string> {
  const top = resolve(workspace)
  const realTop = await realpath(top).catch((error: NodeJS.ErrnoException) => {
    throw new WorkspacePathError(`${label}: cannot read the workspace ${top} (${error.code})`, {
      cause: error
    })
  })
  const absolute = resolve(top, path)
  const base = inside(relative(top, absolute)) ? top : realTop
  const within = relative(base, absolute)
  if (!inside(within)) {
    throw new WorkspacePathError(
      `${label} is outside the workspace (${top}), where nothing is ever written; keep the file in the workspace, or make it a dry run`
    )
  }
  const segments = within.split(sep).filter(Boolean)
  for (let i = 1; i <= segments.length; i++) {
    const info = await lstat(join(base, ...segments.slice(0, i))).catch(() => undefined)
    if (!info) break
    if (info.isSymbolicLink()) {
      throw new WorkspacePathError(
        `${label} is reached through ${segments.slice(0, i).join('/')}, a symbolic link, which is never followed for a write; name the real file instead`
      )
    }
  }
  const real = await realpath(absolute).catch(() => undefined)
  if (real !== undefined && !inside(relative(realTop, real))) {
    throw new WorkspacePathError(`${label} resolves to ${real}, outside the workspace (${top})`)
  }
  return segments.join('/')
}
