/**
 * The resilience suites: the built server run as child processes on MariaDB,
 * killed, cut off from its database, doubled. One suite at a time (each drives
 * its own load on a two-core machine); `npm run test:resilience`.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/resilience'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@mamori/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/resilience/global-setup.ts',
  globalTeardown: '<rootDir>/test/resilience/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
  // every suite stops its servers in afterAll; a stray keep-alive socket must not hold CI
  forceExit: true,
};
