/**
 * GitHub's error answers and its request-schema wording. A handler throws; the server turns
 * the HttpError into the reply, so a check reads as one line.
 */

export const DOCS = 'https://docs.github.com/rest'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {}
  ) {
    super(String(body.message))
  }
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new HttpError(status, {
    message,
    ...extra,
    documentation_url: DOCS,
    status: String(status)
  })
}

// Declared as functions: TypeScript narrows after a call only to an explicitly typed never.
export function notFound(): never {
  return fail(404, 'Not Found')
}
export function unprocessable(message: string): never {
  return fail(422, message)
}
export function validationFailed(...errors: Record<string, unknown>[]): never {
  return fail(422, 'Validation Failed', { errors })
}

export type Body = Record<string, unknown>

/** The request body as an object, or GitHub's 422 for anything else. */
export function bodyOf(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return unprocessable('Invalid request.\n\nInvalid input: object is expected.')
  return body as Body
}

/** GitHub's schema validation wording for a missing or mistyped field. */
export function field<T>(
  body: Body,
  name: string,
  kind: 'string' | 'boolean' | 'array',
  required: true
): T
export function field<T>(
  body: Body,
  name: string,
  kind: 'string' | 'boolean' | 'array',
  required?: false
): T | undefined
export function field<T>(
  body: Body,
  name: string,
  kind: 'string' | 'boolean' | 'array',
  required = false
): T | undefined {
  const value = body[name]
  if (value === undefined || value === null) {
    if (required) unprocessable(`Invalid request.\n\n"${name}" wasn't supplied.`)
    return undefined
  }
  const ok = kind === 'array' ? Array.isArray(value) : typeof value === kind
  if (!ok)
    unprocessable(
      `Invalid request.\n\nFor 'properties/${name}', ${JSON.stringify(value)} is not a${kind === 'array' ? 'n' : ''} ${kind}.`
    )
  return value as T
}
