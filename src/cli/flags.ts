/**
 * The command line's flags as data, and the help text made from them: one table that
 * parsing (./args.ts) and --help both read, so they cannot disagree.
 */

import {
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  MAX_REQUEST_TIMEOUT_SECONDS,
  MIN_REQUEST_TIMEOUT_SECONDS
} from '../adapters/registry/create-client.js'
import { DEFAULT_SIZE_WARN_INCREASE } from '../run/review.js'

export const DEFAULT_CONFIG = '.github/containers.yml'
export const DEFAULT_CONCURRENCY = 8
export const MAX_CONCURRENCY = 64
export const DEFAULT_MAX_ATTEMPTS = 3
export const MAX_MAX_ATTEMPTS = 10

interface FlagSpec {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  /** Shown after the flag in --help, for flags that take a value. */
  value?: string
  help: string
}

/** Every flag, in the order --help lists them. */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  config: {
    type: 'string',
    short: 'c',
    value: 'path',
    help: `Config file to read and rewrite (default ${DEFAULT_CONFIG}).`
  },
  image: {
    type: 'string',
    value: 'repository',
    help: "Default repository for entries that name none (the file's top-level image wins)."
  },
  platform: {
    type: 'string',
    value: 'os/arch[/variant]',
    help: 'Default platform for entries: pin that manifest instead of the index.'
  },
  mode: {
    type: 'string',
    value: 'update|matrix',
    help: 'update (default): resolve, rewrite, report. matrix: print the committed matrix; no network.'
  },
  'dry-run': {
    type: 'boolean',
    short: 'n',
    help: 'Resolve and report; write nothing.'
  },
  concurrency: {
    type: 'string',
    value: 'n',
    help: `Requests in flight at once, 1-${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY}).`
  },
  'max-attempts': {
    type: 'string',
    value: 'n',
    help: `Attempts per request on network errors, 408, 429 and 5xx, 1-${MAX_MAX_ATTEMPTS} (default ${DEFAULT_MAX_ATTEMPTS}).`
  },
  'request-timeout': {
    type: 'string',
    value: 'seconds',
    help: `Time one request may take, headers and body, ${MIN_REQUEST_TIMEOUT_SECONDS}-${MAX_REQUEST_TIMEOUT_SECONDS} s (default ${DEFAULT_REQUEST_TIMEOUT_SECONDS}).`
  },
  'fail-on-error': {
    type: 'boolean',
    help: 'Exit 1 when any image cannot be resolved (the default).'
  },
  'no-fail-on-error': {
    type: 'boolean',
    help: 'Exit 1 only when no image can be resolved, as the action does by default.'
  },
  'registry-auth-file': {
    type: 'string',
    value: 'path',
    help: 'YAML or JSON map of registry host to {username, password}; read before the Docker config.'
  },
  'insecure-registry': {
    type: 'string',
    multiple: true,
    value: 'host',
    help: 'Host that may be reached over plain HTTP; repeat for several. Loopback needs none.'
  },
  files: {
    type: 'string',
    multiple: true,
    value: 'glob',
    help: 'Other files pinning the same images (Dockerfiles, compose, manifests), relative to the working directory; repeat or separate with commas.'
  },
  json: {
    type: 'boolean',
    help: 'Print one JSON object {matrix, changed, updates, failed, held} instead of the table.'
  },
  'show-pull-request': {
    type: 'boolean',
    help: 'Also print the pull request the action would propose: title, body and diff.'
  },
  verbose: {
    type: 'boolean',
    short: 'v',
    help: 'Print debug messages (retries, credential fallbacks) on stderr.'
  },
  'size-warn-increase': {
    type: 'string',
    value: 'percent',
    help: `Flag a move whose compressed size grows by more than this on any platform (default ${DEFAULT_SIZE_WARN_INCREASE}).`
  },
  'auto-merge': {
    type: 'string',
    value: 'merge|squash|rebase',
    help: "With --show-pull-request: preview the action's auto-merge input, whose line in the body says whether every update passed every gate."
  },
  'min-age': {
    type: 'string',
    value: 'duration',
    help: "Propose a new digest only once it is this old (3d, 72h, 90m); an entry's min_age wins."
  },
  'min-age-unknown': {
    type: 'string',
    value: 'first-seen|hold|allow',
    help: 'When no push or build time is known. The CLI keeps no first-seen times, so first-seen (the default) waits as hold does.'
  },
  'allow-rewind': {
    type: 'boolean',
    help: 'Propose a new digest even when it was created before the pinned one.'
  },
  'immutable-tag': {
    type: 'string',
    multiple: true,
    value: 'regex',
    help: 'Tags matching this must never move: a moved one fails its entry. Repeat for several.'
  },
  'size-limit-increase': {
    type: 'string',
    value: 'percent',
    help: "How much a platform's size may grow against the pinned digest, e.g. 20%."
  },
  'size-policy': {
    type: 'string',
    value: 'warn|block',
    help: "Over --size-limit-increase or an entry's max_size: warn (default) flags, block refuses."
  },
  'check-pins': {
    type: 'boolean',
    help: 'Also ask the registry whether every pinned digest is still served (one HEAD each); a gone one exits 1.'
  },
  discover: {
    type: 'boolean',
    help: 'Find image references in the --files (default every Dockerfile and YAML file); the config becomes optional.'
  },
  pin: {
    type: 'boolean',
    help: 'With --discover: add the digest to tag-only references (nginx:1.27 becomes nginx:1.27@sha256:…).'
  },
  'pin-untagged': {
    type: 'boolean',
    help: 'With --discover: also pin references with neither tag nor digest, as their latest tag.'
  },
  ignore: {
    type: 'string',
    multiple: true,
    value: 'glob',
    help: 'With --discover: leave references to these repositories alone (docker.io/library/*, ghcr.io/acme/**); repeatable.'
  },
  'registry-map': {
    type: 'string',
    multiple: true,
    value: 'mirror=upstream',
    help: "With --discover: resolve a mirror's references at the upstream and write them back as the mirror's; repeatable."
  },
  version: {
    type: 'boolean',
    short: 'V',
    help: 'Print the version and exit.'
  },
  help: {
    type: 'boolean',
    short: 'h',
    help: 'Print this help and exit.'
  },
  'verify-signatures': {
    type: 'string',
    value: 'off|warn|require',
    help: 'Check who signed each moved digest, old against new (default off); see docs/signatures.md.'
  },
  'signature-key': {
    type: 'string',
    multiple: true,
    value: 'path',
    help: 'PEM public key file that key-based cosign signatures must verify with; repeat for several.'
  },
  'sigstore-trusted-root': {
    type: 'string',
    value: 'path',
    help: 'Sigstore trusted-root JSON for keyless checks (default: the shipped public-good root).'
  }
}

export const PROGRAM = 'image-digest-updater'
const HELP_WIDTH = 92

export function helpText(): string {
  const rows = Object.entries(FLAGS).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    '
    return [`  ${short}--${name}${spec.value ? ` <${spec.value}>` : ''}`, spec.help]
  })
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2
  const wrap = (text: string) => {
    const lines: string[] = []
    for (const word of text.split(' ')) {
      const last = lines.length - 1
      if (last >= 0 && width + lines[last]!.length + 1 + word.length <= HELP_WIDTH)
        lines[last] += ` ${word}`
      else lines.push(word)
    }
    return lines.join(`\n${' '.repeat(width)}`)
  }
  return [
    `Usage: ${PROGRAM} [options]`,
    `       ${PROGRAM} pin [options] FILE…  (pin and refresh the references in them)`,
    '',
    'Resolves the current digest of every image in a containers config, rewrites the digests',
    'that moved (nothing else in the file changes) and prints what happened. Never opens a pull',
    'request.',
    '',
    'Options:',
    ...rows.map(([flag, help]) => flag!.padEnd(width) + wrap(help!)),
    '',
    'Credentials: --registry-auth-file, then the Docker config that `docker login` writes',
    '($DOCKER_CONFIG/config.json or ~/.docker/config.json: credHelpers, credsStore, auths),',
    'then anonymous access.',
    '',
    'Exit status: 0 when every image resolved, 1 when any could not be (its old digest is',
    'kept), 2 on bad usage or a bad config (nothing is written).',
    '',
    'Other commands:',
    `  ${PROGRAM} digest REF…  print each reference pinned (see digest --help)`,
    ''
  ].join('\n')
}
