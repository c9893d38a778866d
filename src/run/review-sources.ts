/**
 * What the review of a move may ask GitHub, as a port: the run's edges give an adapter
 * (src/adapters/github/review-sources.ts) or nothing, and tests give an in-memory fake.
 * Every answer is optional: a source that cannot be asked costs a detail, never the run.
 */
import type { Digest } from '../domain/oci/digest.js'
import type { CommitRange } from '../domain/review.js'

export interface GitHubReviewSources {
  /**
   * When the GitHub Packages API says this digest first appeared in a GHCR repository
   * (the version's `created_at`, RFC 3339); undefined when the image is not on this host's
   * container registry, or the package or version cannot be read.
   */
  packageVersionCreated(
    image: { registry: string; repository: string },
    digest: Digest
  ): Promise<string | undefined>
  /**
   * The commits between two revisions of the repository an OCI `source` label names, when
   * that repository is on the run's GitHub host; undefined otherwise. Throws when GitHub
   * refuses, so the review can say why the commits are unavailable.
   */
  compareCommits(source: string, base: string, head: string): Promise<CommitRange | undefined>
}
