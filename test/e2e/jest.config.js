/**
 * The browser suite: builds the UI once, then each file boots the real server
 * on a fresh SQLite database and drives Debian's Chromium through it.
 * Run with `npm run test:e2e` (one file at a time: the machine has two cores).
 */
const main = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json', diagnostics: false }],
    // openid-client's ES modules, compiled as in the main suite
    ...Object.fromEntries(Object.entries(main.transform).filter(([pattern]) => pattern.includes('node_modules'))),
  },
  transformIgnorePatterns: main.transformIgnorePatterns,
  moduleNameMapper: { '^@mamori/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
