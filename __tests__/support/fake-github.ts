/**
 * A stateful, in-process fake of the GitHub REST API for one repository, reached through
 * GITHUB_API_URL the way GitHub Enterprise Server is. github.com is out of reach in tests, and a
 * mock that answers canned JSON would happily accept a tree or commit GitHub would never build,
 * so this keeps a real git object store: blob, tree and commit ids are the SHA-1s git computes.
 *
 * Behaviour copied from GitHub because the action has to cope with it:
 * - `GET pulls?head=` filters only in the `owner:branch` form; a bare branch is ignored.
 * - `PATCH git/refs` refuses a non-fast-forward move unless `force` is the boolean true.
 * - `POST pulls` refuses a duplicate open pull and a head with no commits beyond its base.
 * - pull and comment bodies over 65536 characters are refused with 422.
 * - a commit created without author/committer gets the token's bot identity and is "verified"
 *   (GitHub signs it); with an explicit author it is unsigned. The fake adds no gpgsig header,
 *   so its ids are what `git commit-tree` makes, not what a signed GitHub commit would be.
 * - deleting a pull's head or base branch closes it; moving the base onto the head marks it
 *   merged.
 * - the contents API leaves files over 1 MB with empty content and encoding "none".
 * - a token without the `workflows` permission (GITHUB_TOKEN can never have it) may not move
 *   a branch onto commits that add, change or delete anything under `.github/workflows/`:
 *   creating or updating the ref is refused with 422 and the message git pushes get,
 *   "refusing to allow a GitHub App to create or update workflow `<path>` without
 *   `workflows` permission". The commit and tree themselves are accepted, as on GitHub.
 *
 * The fake lives in fake-github/, one module per concern: types.ts (what callers see),
 * git-store.ts and tree-edit.ts (the object model), state.ts (refs, pulls and how they move
 * together), one module per API area listed in api.ts, router.ts (the route table),
 * permissions.ts (tokens and the workflows refusal), faults.ts (failNext), server.ts (HTTP),
 * persist.ts (a restart: the repository saved on stop and restored on start, with `stateFile`)
 * and control.ts (what tests call directly). This file is the entry callers import.
 */
import { apiAreas } from './fake-github/api.js'
import { controlApi, pushCommit } from './fake-github/control.js'
import { FailureQueue } from './fake-github/faults.js'
import { Router } from './fake-github/router.js'
import { startServer } from './fake-github/server.js'
import { loadState, saveState } from './fake-github/persist.js'
import { RepositoryState } from './fake-github/state.js'
import type { FakeGitHub, FakeGitHubOptions } from './fake-github/types.js'

export type {
  FailureSpec,
  FakeComment,
  FakeCommit,
  FakeFile,
  FakeGitHub,
  FakeGitHubOptions,
  FakeGraphQLCall,
  FakePackageVersion,
  FakePerson,
  FakePull,
  RecordedRequest
} from './fake-github/types.js'

const router = new Router(apiAreas)

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const state = new RepositoryState(options)
  const failures = new FailureQueue()
  const server = await startServer(state, router, failures)
  const { stateFile } = options
  if (!stateFile || !loadState(state, stateFile)) {
    const initial = pushCommit(state, undefined, options.files, 'Initial commit')
    state.setRef(`refs/heads/${state.defaultBranch}`, initial)
  }
  const api = controlApi(state, server, failures)
  if (!stateFile) return api
  return {
    ...api,
    stop: async () => {
      saveState(state, stateFile)
      await api.stop()
    }
  }
}
