const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }]
  },
  testTimeout: 60000
}

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/__tests__/unit'] },
    {
      // These run the bundle: one ncc build of the current source per jest run, made only
      // when the run selects one of these tests (scripts/testkit/bundle.mjs says why).
      ...shared,
      displayName: 'bundle',
      roots: ['<rootDir>/__tests__/integration', '<rootDir>/__tests__/reliability'],
      globalSetup: '<rootDir>/scripts/testkit/jest-setup.mjs',
      globalTeardown: '<rootDir>/scripts/testkit/jest-teardown.mjs'
    }
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  verbose: false
}
