import { spawn } from 'node:child_process'
import { UpdaterError } from '../../domain/errors.js'
import type { CredentialHelperRunner } from './credentials.js'

/** The helper did not answer in time; it was killed, with any children it started. */
export class HelperTimeoutError extends UpdaterError {
  override name = 'HelperTimeoutError'
}

/** Largest helper answer read: a username and a secret, with room to spare. */
const OUTPUT_LIMIT = 64 * 1024

/**
 * Docker credential helpers (`docker-credential-ecr-login`, `-gcloud`, …) are separate
 * programs by design, so a subprocess is the right tool; their output holds secrets and
 * is never echoed. A helper that hangs (waiting on a prompt, a dead metadata service) is
 * killed after `timeoutMs`, its process group with it, so it cannot stall the run.
 */
export function credentialHelperRunner(timeoutMs: number): CredentialHelperRunner {
  return (helper, serverUrl) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(`docker-credential-${helper}`, ['get'], {
        stdio: ['pipe', 'pipe', 'ignore'],
        // Its own process group, so a shell script's children die with it.
        detached: true
      })
      const chunks: Buffer[] = []
      let size = 0
      let settled = false
      const finish = (error?: Error): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (error) reject(error)
        else resolve(Buffer.concat(chunks).toString('utf8'))
      }
      const kill = (): void => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
      const timer = setTimeout(() => {
        kill()
        finish(
          new HelperTimeoutError(
            `docker-credential-${helper} did not answer within ${timeoutMs} ms`
          )
        )
      }, timeoutMs)
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > OUTPUT_LIMIT) {
          kill()
          finish(new Error(`docker-credential-${helper} answered more than ${OUTPUT_LIMIT} bytes`))
        } else chunks.push(chunk)
      })
      child.on('error', error => finish(error))
      child.on('close', code => {
        if (code === 0) finish()
        else finish(new Error(`docker-credential-${helper} exited with ${code}`))
      })
      child.stdin.on('error', () => undefined)
      child.stdin.end(serverUrl)
    })
}
