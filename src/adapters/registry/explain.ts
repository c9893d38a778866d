/** A registry's refusals and failures, turned into errors that say what is wrong and what to try. */
import type { RegistrySession } from './auth.js'
import { type HttpResponse, RegistryError } from './http.js'
import { type TagRef, describe } from './manifest.js'
import { registryErrorCode, untrustedText } from '../../domain/text/untrusted.js'

const ERROR_BODY_LIMIT = 64 * 1024

/** Turns a non-200 answer into an error that says what is wrong and what to try. */
export async function explainAnswer(
  session: RegistrySession,
  ref: TagRef,
  response: HttpResponse
): Promise<RegistryError> {
  let code: string | undefined
  if (response.body.length > 0 && response.body.length <= ERROR_BODY_LIMIT) {
    try {
      const parsed = JSON.parse(response.body.toString('utf8')) as {
        errors?: { code?: unknown }[]
      }
      code = registryErrorCode(parsed.errors?.[0]?.code)
    } catch {
      // Not a registry error document; the status says enough.
    }
  }
  const status = response.status
  const where = describe(ref)
  switch (status) {
    case 404: {
      if (code === 'NAME_UNKNOWN') {
        return new RegistryError(
          'not-found',
          `${where}: repository ${ref.repository} not found on ${ref.registry}`,
          404
        )
      }
      return new RegistryError(
        'not-found',
        `${where}: tag "${ref.tag}" not found on ${ref.registry}`,
        404
      )
    }
    case 401:
    case 403: {
      const withheld = session.withheldCredentials()
      // A reason the credentials were withheld is the registry's to tell (it names hosts);
      // only our own advice names a setting.
      const refused = `${where}: ${ref.registry} refused ${await session.credentialsDescription()} (HTTP ${status}${code ? ` ${code}` : ''})`
      return new RegistryError(
        status === 401 ? 'unauthorized' : 'denied',
        withheld ? `${refused}; ${withheld}` : refused,
        status,
        withheld
          ? undefined
          : {
              text: 'the image may be private or not exist: add credentials with {registry-auth} or docker login'
            }
      )
    }
    case 429: {
      const retryAfter = response.headers.get('retry-after')
      return new RegistryError(
        'rate-limited',
        `${where}: ${ref.registry} rate limit reached (HTTP 429${retryAfter ? `, retry after ${untrustedText(retryAfter, 40)}` : ''}); authenticate or lower concurrency`,
        429
      )
    }
    default:
      return new RegistryError(
        'http',
        `${where}: ${ref.registry} answered HTTP ${status}${code ? ` ${code}` : ''}`,
        status
      )
  }
}
