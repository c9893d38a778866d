/** Platforms as Docker writes them: `os/architecture[/variant]`. */
export interface Platform {
  os: string
  architecture: string
  variant?: string
  /** Canonical text form, for messages and keys. */
  text: string
}

const PART = /^[a-z0-9_.-]+$/

export function parsePlatform(input: string): Platform {
  const parts = input.trim().toLowerCase().split('/')
  if (parts.length < 2 || parts.length > 3 || !parts.every(p => PART.test(p))) {
    throw new Error(
      `invalid platform "${input}": expected os/architecture[/variant], like linux/arm64 or linux/arm/v7`
    )
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return { os, architecture, variant, text: parts.join('/') }
}

export interface PlatformDescriptor {
  os?: string
  architecture?: string
  variant?: string
}

/** arm64 manifests often omit their `v8` variant; arm without a variant means v7. */
function normalisedVariant(architecture: string, variant: string | undefined): string | undefined {
  if (architecture === 'arm64' && (variant === undefined || variant === 'v8')) return 'v8'
  if (architecture === 'arm' && variant === undefined) return 'v7'
  return variant
}

export function platformMatches(
  wanted: Platform,
  candidate: PlatformDescriptor | undefined
): boolean {
  if (!candidate || candidate.os !== wanted.os || candidate.architecture !== wanted.architecture)
    return false
  if (wanted.variant === undefined && wanted.architecture !== 'arm') return true
  return (
    normalisedVariant(wanted.architecture, wanted.variant) ===
    normalisedVariant(candidate.architecture, candidate.variant)
  )
}

export function formatPlatform(p: PlatformDescriptor | undefined): string {
  if (!p || !p.os) return 'unknown'
  return [p.os, p.architecture ?? 'unknown', p.variant].filter(Boolean).join('/')
}
