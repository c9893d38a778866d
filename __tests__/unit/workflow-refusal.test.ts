import { describe, expect, it } from '@jest/globals'
import { describeError } from '../../src/domain/errors.js'
import { INPUT_WORDS } from '../../src/action/words.js'
import { PullRequestError, workflowRefusal } from '../../src/adapters/github/pull-requests.js'

function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status })
}

const REFUSAL =
  'refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission - https://docs.github.com/rest'

describe('workflowRefusal', () => {
  it("turns GitHub's refusal into advice naming every workflow file and the token to use", () => {
    const error = workflowRefusal(httpError(422, REFUSAL), [
      '.github/containers.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'Dockerfile'
    ])
    expect(error).toBeInstanceOf(PullRequestError)
    // As the action words it: the fix names its inputs.
    expect(describeError(error, INPUT_WORDS)).toBe(
      'GitHub refused the commit changing `.github/workflows/ci.yml`, `.github/workflows/release.yml`: ' +
        'files under .github/workflows/ can only be changed with a token that has the workflows permission, and the default GITHUB_TOKEN cannot have it. ' +
        'Pass as token a fine-grained personal access token with "Workflows: write" (plus "Contents: write" and "Pull requests: write"), ' +
        'or a GitHub App installation token with workflows: write; or leave .github/workflows/ out of the files input. ' +
        `GitHub said: ${REFUSAL}`
    )
  })

  it('explains a bare 404 or 403 on a change with workflow files as the likely cause', () => {
    const error = workflowRefusal(httpError(404, 'Not Found'), ['.github/workflows/ci.yml'])
    expect(error!.message).toMatch(
      /^GitHub answered 404 to the commit changing `\.github\/workflows\/ci\.yml`, most likely because files under/
    )
  })

  it('leaves other errors alone: no workflow file, a rate limit, a server error', () => {
    expect(workflowRefusal(httpError(422, REFUSAL), ['Dockerfile'])).toBeUndefined()
    const paths = ['.github/workflows/ci.yml']
    expect(
      workflowRefusal(httpError(403, 'You have exceeded a secondary rate limit'), paths)
    ).toBeUndefined()
    expect(workflowRefusal(httpError(502, 'Bad Gateway'), paths)).toBeUndefined()
  })
})
