/**
 * The cluster suite: a three-node MariaDB Galera cluster on loopback (Debian's
 * galera-4 and rsync), the built server on two of its nodes, a node killed and
 * restarted under load; `npm run test:cluster`. It needs no other database.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/cluster'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@mamori/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/cluster/global-setup.ts',
  globalTeardown: '<rootDir>/test/resilience/global-teardown.ts',
  testTimeout: 240000,
  maxWorkers: 1,
  forceExit: true,
};
