/** Unit specs live next to the code; integration suites live in test/. */
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server/src', '<rootDir>/shared/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    // openid-client and its two dependencies ship only ES modules; Node loads them with require(),
    // jest's module system on Node 20 does not, so they are compiled to CommonJS for the tests.
    [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: { '^@mamori/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/resilience/', '<rootDir>/test/cluster/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
