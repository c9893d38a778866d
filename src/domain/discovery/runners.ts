/**
 * The platform a workflow job's containers run as, when its `runs-on` fixes the runner's
 * architecture. Job containers, service containers and `docker://` steps run Linux images,
 * so the platform is `linux/<arch>` of the runner; a container's own `--platform` option wins.
 *
 * GitHub-hosted labels, from "GitHub-hosted runners reference" and "Larger runners"
 * (docs.github.com/en/actions/reference/runners/github-hosted-runners,
 * docs.github.com/en/actions/using-github-hosted-runners/running-jobs-on-larger-runners),
 * read December 2026: `ubuntu-latest`, `ubuntu-2x.04`, `ubuntu-slim`, `windows-latest`,
 * `windows-20xx` are x64; `ubuntu-2x.04-arm` and `windows-11-arm` are arm64; macOS is arm64
 * (`macos-latest`, `macos-14`…, `-xlarge`) except `macos-13` and older, `-intel` and `-large`,
 * which are Intel. Self-hosted runners carry `X64`, `ARM` or `ARM64` among their labels.
 * An expression, or labels that name no architecture, fix nothing: the pin's own platform decides.
 */

const HOSTED: ReadonlyArray<[RegExp, string]> = [
  [/^ubuntu-(?:latest|slim|\d+\.\d+)$/, 'amd64'],
  [/^ubuntu-\d+\.\d+-arm$/, 'arm64'],
  [/^windows-(?:latest|\d{4})$/, 'amd64'],
  [/^windows-11-arm$/, 'arm64'],
  [/^macos-(?:latest|\d+(?:\.\d+)?)-(?:intel|large)$/, 'amd64'],
  [/^macos-(?:1[0-3]|10\.\d+)$/, 'amd64'],
  [/^macos-(?:latest|\d+)(?:-xlarge)?$/, 'arm64']
]

/** Self-hosted runners' architecture labels, which GitHub matches case-insensitively. */
const SELF_HOSTED: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64', arm: 'arm' }

function architecture(label: string): string | undefined {
  const lower = label.toLowerCase()
  if (SELF_HOSTED[lower]) return SELF_HOSTED[lower]
  if (lower.endsWith('-arm64')) return 'arm64'
  return HOSTED.find(([pattern]) => pattern.test(lower))?.[1]
}

/**
 * `linux/<arch>` when the labels fix one architecture; undefined for an expression, no
 * architecture, or two that disagree. A runner must carry every label, so one is enough.
 */
export function runnerPlatform(labels: readonly string[]): string | undefined {
  if (labels.length === 0 || labels.some(l => l.includes('${{'))) return undefined
  const found = new Set(labels.map(architecture).filter(a => a !== undefined))
  return found.size === 1 ? `linux/${[...found][0]!}` : undefined
}

const PLATFORM = /^[a-z0-9_.-]+\/[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)?$/i

/**
 * The `--platform` a container's `options` set: the platform, `null` when set to something
 * else (an expression, a list), so nothing is fixed, and undefined when not set.
 */
export function optionsPlatform(options: string): string | null | undefined {
  const flag = /(?:^|\s)--platform(?:=|\s+)(\S+)/.exec(options)
  if (!flag) return undefined
  const value = flag[1]!.replace(/^(["'])(.*)\1$/, '$2')
  return PLATFORM.test(value) ? value.toLowerCase() : null
}
