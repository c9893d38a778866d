import { describe, expect, it } from '@jest/globals'
import { announcedReference, readEventHint } from '../../src/domain/event.js'

const DIGEST = `sha256:${'c'.repeat(64)}`

function registryPackage(tag: string, extra: Record<string, unknown> = {}) {
  return {
    action: 'published',
    registry_package: {
      name: 'Rust-Musl-Cross',
      namespace: 'rust-cross',
      package_type: 'CONTAINER',
      package_version: {
        version: DIGEST,
        container_metadata: { tag: { name: tag, digest: DIGEST } }
      },
      ...extra
    }
  }
}

describe('readEventHint', () => {
  it('ignores events that announce nothing', () => {
    expect(readEventHint('schedule', {})).toEqual({ kind: 'none' })
    expect(readEventHint('workflow_dispatch', { inputs: {} })).toEqual({ kind: 'none' })
  })

  it('reads a repository_dispatch announcement and canonicalises the image', () => {
    const hint = readEventHint('repository_dispatch', {
      action: 'image_published',
      client_payload: { image: 'nginx', tag: '1.27', digest: DIGEST }
    })
    expect(hint).toMatchObject({
      kind: 'announcement',
      announcement: { image: 'docker.io/library/nginx', tag: '1.27', digest: DIGEST }
    })
    if (hint.kind !== 'announcement') throw new Error('expected an announcement')
    expect(announcedReference(hint.announcement)).toBe('docker.io/library/nginx:1.27')
  })

  it('reads a tagged registry_package event as a GHCR image, lower-cased', () => {
    expect(
      readEventHint('registry_package', registryPackage('x86_64-unknown-linux-musl'))
    ).toMatchObject({
      kind: 'announcement',
      announcement: {
        event: 'registry_package',
        image: 'ghcr.io/rust-cross/rust-musl-cross',
        tag: 'x86_64-unknown-linux-musl',
        digest: DIGEST
      }
    })
  })

  it('takes the registry from package_url, as a GitHub Enterprise Server sends it', () => {
    const payload = registryPackage('1.0')
    const version = payload.registry_package.package_version as Record<string, unknown>
    version.package_url = 'containers.ghe.example.com/Rust-Cross/rust-musl-cross:1.0'
    expect(readEventHint('registry_package', payload)).toMatchObject({
      kind: 'announcement',
      announcement: { image: 'containers.ghe.example.com/rust-cross/rust-musl-cross', tag: '1.0' }
    })
  })

  it('ignores a registry_package event whose package_url is not a reference', () => {
    const payload = registryPackage('1.0')
    const version = payload.registry_package.package_version as Record<string, unknown>
    version.package_url = 'https://evil.example/?x=1'
    const hint = readEventHint('registry_package', payload)
    expect(hint).toMatchObject({ kind: 'ignored' })
    if (hint.kind === 'ignored') expect(hint.warning).toMatch(/package_url is not a valid image/)
  })

  it('does nothing for a package that was not published or updated', () => {
    const payload = { ...registryPackage('1.0'), action: 'deleted' }
    expect(readEventHint('registry_package', payload)).toMatchObject({ kind: 'skip' })
  })

  it('skips the untagged per-platform events of a multi-arch push', () => {
    expect(readEventHint('registry_package', registryPackage('')).kind).toBe('skip')
  })

  it('skips packages that are not container images', () => {
    const payload = registryPackage('1.0', { package_type: 'npm' })
    expect(readEventHint('registry_package', payload)).toMatchObject({ kind: 'skip' })
  })

  it.each([
    ['no payload', undefined],
    ['image of the wrong type', { client_payload: { image: 42 } }],
    ['an oversized image', { client_payload: { image: 'a'.repeat(600) } }],
    ['an invalid reference', { client_payload: { image: 'UPPER/Case Space' } }],
    ['a short digest', { client_payload: { image: 'nginx', digest: 'sha256:abc' } }],
    ['a bad tag', { client_payload: { image: 'nginx', tag: '-bad' } }]
  ])('ignores a repository_dispatch payload with %s, with a warning', (_what, payload) => {
    const hint = readEventHint('repository_dispatch', payload)
    expect(hint.kind).toBe('ignored')
    if (hint.kind === 'ignored')
      expect(hint.warning).toMatch(/^ignoring the repository_dispatch payload: /)
  })
})
