/**
 * The dry run's preview of the pull request: in the log as an exact block, and in the job
 * summary as Markdown with the body and diff fenced.
 */
import type { Proposal } from '../run/propose.js'
import { code, escapeMarkdown } from '../domain/text/markdown.js'
import * as log from './log.js'

function fenced(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`
}

/** Logs the proposal (or that there is none) and returns its part of the job summary. */
export function showPreview(proposal: Proposal | undefined, branch: string): string {
  if (!proposal) {
    log.info('Dry run: no digest moved, so no pull request would be opened or updated.')
    return ''
  }
  log.block(
    `Dry run: the pull request that would be proposed on ${branch}`,
    `Title: ${proposal.title}\n\n${proposal.body}\n${proposal.diff}`
  )
  return [
    '',
    `### Pull request that would be proposed (dry run)`,
    '',
    `**${escapeMarkdown(proposal.title)}** on branch ${code(branch)}`,
    '',
    '<details><summary>Body</summary>',
    '',
    fenced(proposal.body, 'markdown'),
    '',
    '</details>',
    '',
    fenced(proposal.diff, 'diff'),
    ''
  ].join('\n')
}
