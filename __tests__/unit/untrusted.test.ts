import { describe, expect, it } from '@jest/globals'
import { registryErrorCode, untrustedText } from '../../src/domain/text/untrusted.js'

describe('untrusted text', () => {
  it('keeps short text as it is', () => {
    expect(untrustedText('application/json')).toBe('application/json')
  })

  it('puts text on one line, so it cannot start a workflow command', () => {
    expect(untrustedText('a\n::error::forged\r\nb\u2028c\u0000d')).toBe('a ::error::forged b c d')
  })

  it('cuts long text and marks the cut', () => {
    expect(untrustedText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('accepts only distribution-style error codes', () => {
    expect(registryErrorCode('MANIFEST_UNKNOWN')).toBe('MANIFEST_UNKNOWN')
    expect(registryErrorCode('denied')).toBeUndefined()
    expect(registryErrorCode('DENIED\n::error::x')).toBeUndefined()
    expect(registryErrorCode(42)).toBeUndefined()
    expect(registryErrorCode('A'.repeat(65))).toBeUndefined()
  })
})
