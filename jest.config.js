/** Unit specs live next to the code; integration suites live in test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server/src', '<rootDir>/shared/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@mamori/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/resilience/', '<rootDir>/test/cluster/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
