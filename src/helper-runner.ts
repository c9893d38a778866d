import { getExecOutput } from '@actions/exec'
import type { CredentialHelperRunner } from './credentials.js'

/**
 * Docker credential helpers (`docker-credential-ecr-login`, `-gcloud`, …) are separate
 * programs by design, so a subprocess is the right tool; their output holds secrets and
 * is never echoed.
 */
export const runCredentialHelper: CredentialHelperRunner = async (helper, serverUrl) => {
  const { exitCode, stdout } = await getExecOutput(`docker-credential-${helper}`, ['get'], {
    input: Buffer.from(serverUrl),
    silent: true,
    ignoreReturnCode: true
  })
  if (exitCode !== 0) throw new Error(`docker-credential-${helper} exited with ${exitCode}`)
  return stdout
}
