/**
 * The first-seen store in the repository, through the git database API: a ref outside
 * branches and tags, `refs/image-digest-updater/first-seen`, pointing at a commit whose tree
 * holds one file, first-seen.json. Outside refs/heads it is no branch: no checkout fetches it,
 * no push event fires, the working tree and the config never see it; deleting the ref resets
 * every clock. Each save is a new commit on top of the one read, and the ref moves only as a
 * fast forward (force false), so two runs racing cannot lose each other's times: the loser
 * reads the winner's copy, applies its own changes on top and tries once more.
 */
import {
  type FirstSeenChanges,
  type FirstSeenRecord,
  applyFirstSeen,
  formatFirstSeen,
  parseFirstSeen
} from '../../domain/policy/first-seen.js'
import { status } from './pull-request-error.js'
import type { Octokit, RepositoryId } from './pull-requests.js'

export const FIRST_SEEN_REF = 'refs/image-digest-updater/first-seen'
export const FIRST_SEEN_FILE = 'first-seen.json'

interface Snapshot {
  /** The commit the ref points at; null when there is no ref yet. */
  commit: string | null
  records: Map<string, FirstSeenRecord>
}

export class GitHubFirstSeenStore {
  readonly location: string
  private snapshot: Snapshot | undefined

  constructor(
    private readonly octokit: Octokit,
    private readonly repository: RepositoryId,
    private readonly ref: string = FIRST_SEEN_REF
  ) {
    this.location = `${ref} in ${repository.owner}/${repository.repo}`
  }

  async load(): Promise<Map<string, FirstSeenRecord>> {
    this.snapshot = await this.read()
    return new Map(this.snapshot.records)
  }

  async save(changes: FirstSeenChanges): Promise<void> {
    let base = this.snapshot ?? (await this.read())
    for (let attempt = 1; ; attempt++) {
      const records = applyFirstSeen(base.records, changes)
      if (formatFirstSeen(records) === formatFirstSeen(base.records)) return
      try {
        this.snapshot = { commit: await this.write(base.commit, records), records }
        return
      } catch (error) {
        // 422: another run moved (or created) the ref since we read it.
        if (status(error) !== 422 || attempt >= 2) throw error
        base = await this.read()
      }
    }
  }

  private async read(): Promise<Snapshot> {
    const { owner, repo } = this.repository
    let commit: string
    try {
      const found = await this.octokit.rest.git.getRef({ owner, repo, ref: this.ref.slice(5) })
      commit = found.data.object.sha
    } catch (error) {
      if (status(error) === 404) return { commit: null, records: new Map() }
      throw error
    }
    const tree = (await this.octokit.rest.git.getCommit({ owner, repo, commit_sha: commit })).data
      .tree.sha
    const listing = (await this.octokit.rest.git.getTree({ owner, repo, tree_sha: tree })).data
    const file = listing.tree.find(e => e.path === FIRST_SEEN_FILE && e.type === 'blob')
    if (!file?.sha) return { commit, records: new Map() }
    const blob = await this.octokit.rest.git.getBlob({ owner, repo, file_sha: file.sha })
    return { commit, records: parseFirstSeen(Buffer.from(blob.data.content, 'base64').toString()) }
  }

  /** Commits the records on top of `parent` and moves the ref there; returns the commit. */
  private async write(
    parent: string | null,
    records: Map<string, FirstSeenRecord>
  ): Promise<string> {
    const { owner, repo } = this.repository
    const { git } = this.octokit.rest
    const tree = await git.createTree({
      owner,
      repo,
      tree: [
        { path: FIRST_SEEN_FILE, mode: '100644', type: 'blob', content: formatFirstSeen(records) }
      ]
    })
    const commit = await git.createCommit({
      owner,
      repo,
      message: 'image-digest-updater: first-seen times of new digests',
      tree: tree.data.sha,
      parents: parent ? [parent] : []
    })
    const sha = commit.data.sha
    if (parent === null) await git.createRef({ owner, repo, ref: this.ref, sha })
    else await git.updateRef({ owner, repo, ref: this.ref.slice(5), sha, force: false })
    return sha
  }
}
