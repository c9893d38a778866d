/** Failures a test asks for with failNext(): the next matching requests get them instead. */
import { DOCS } from './http-errors.js'
import type { Reply } from './router.js'
import type { FailureSpec } from './types.js'

export class FailureQueue {
  private readonly pending: Array<{ remaining: number; spec: FailureSpec }> = []

  add(count: number, spec: FailureSpec): void {
    if (count > 0) this.pending.push({ remaining: count, spec })
  }

  /** The reply of the first failure that matches the request, consuming one of its count. */
  take(method: string, path: string): Reply | undefined {
    const index = this.pending.findIndex(f => {
      const m = f.spec.match
      if (!m) return true
      if (m.method && m.method.toUpperCase() !== method) return false
      if (m.path !== undefined) {
        if (typeof m.path === 'string' ? m.path !== path : !m.path.test(path)) return false
      }
      return true
    })
    if (index < 0) return undefined
    const failure = this.pending[index]!
    if (--failure.remaining <= 0) this.pending.splice(index, 1)
    const status = failure.spec.status ?? 403
    const limited = status === 403 || status === 429
    const message = limited
      ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      : status >= 500
        ? 'Server Error'
        : 'Injected failure'
    return {
      status,
      body: failure.spec.body ?? { message, documentation_url: DOCS, status: String(status) },
      // A body of the test's own (a permission refusal, say) is no rate limit unless it says so.
      headers: {
        ...(limited && !failure.spec.body ? { 'retry-after': '1' } : {}),
        ...failure.spec.headers
      }
    }
  }
}
