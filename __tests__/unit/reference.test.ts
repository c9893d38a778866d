import { describe, expect, it } from '@jest/globals'
import {
  formatImageReference,
  parseImageReference,
  registryApiHost
} from '../../src/domain/oci/reference.js'

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined],
    ['nginx:1.25', 'docker.io', 'library/nginx', '1.25'],
    ['library/nginx', 'docker.io', 'library/nginx', undefined],
    ['docker.io/nginx', 'docker.io', 'library/nginx', undefined],
    ['index.docker.io/library/nginx:latest', 'docker.io', 'library/nginx', 'latest'],
    ['registry-1.docker.io/bitnami/redis', 'docker.io', 'bitnami/redis', undefined],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7'],
    [
      'ghcr.io/rust-cross/rust-musl-cross:x86_64-unknown-linux-musl',
      'ghcr.io',
      'rust-cross/rust-musl-cross',
      'x86_64-unknown-linux-musl'
    ],
    ['localhost/foo', 'localhost', 'foo', undefined],
    ['localhost:5000/a/b/c:v1', 'localhost:5000', 'a/b/c', 'v1'],
    ['127.0.0.1:5000/team/app', '127.0.0.1:5000', 'team/app', undefined],
    ['Registry/app', 'Registry', 'app', undefined],
    ['[::1]:5000/app:tag', '[::1]:5000', 'app', 'tag'],
    ['quay.io/prometheus/node-exporter', 'quay.io', 'prometheus/node-exporter', undefined],
    [
      'us-docker.pkg.dev/proj/repo/img__x:1.0-rc.1',
      'us-docker.pkg.dev',
      'proj/repo/img__x',
      '1.0-rc.1'
    ]
  ])('%s', (input, registry, repository, tag) => {
    const ref = parseImageReference(input)
    expect(ref).toEqual({ registry, repository, tag, digest: undefined })
  })

  it('keeps a digest and formats the full reference', () => {
    const digest = `sha256:${'ab'.repeat(32)}`
    const ref = parseImageReference(`nginx:1@${digest}`)
    expect(ref.digest).toBe(digest)
    expect(formatImageReference(ref)).toBe(`docker.io/library/nginx:1@${digest}`)
  })

  it.each([
    ['', /empty/],
    ['Nginx', /invalid repository/],
    ['ghcr.io/Owner/app', /invalid repository/],
    ['nginx:bad tag', /white space/],
    ['nginx:-tag', /invalid tag/],
    ['nginx@sha256:abc', /malformed digest/],
    ['ghcr.io/', /invalid repository/],
    ['a..b.io/x/y', /invalid registry host/],
    ['host:port/x', /invalid registry host/]
  ])('rejects %j', (input, message) => {
    expect(() => parseImageReference(input)).toThrow(message)
  })

  it('maps Docker Hub to its API host and leaves others alone', () => {
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io')
    expect(registryApiHost('ghcr.io')).toBe('ghcr.io')
  })
})
