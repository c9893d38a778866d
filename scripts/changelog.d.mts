/** Types for changelog.mjs, which the release script, the release workflow and tests share. */

export class ChangelogError extends Error {}
export function releasedVersions(changelog: string): string[]
export function unreleasedNotes(changelog: string): string
export function releaseNotes(changelog: string, version: string): string
export function cutRelease(changelog: string, version: string, date: string): string
