/** Tests are transpiled without type checking (fast); `npm run lint` type-checks the whole tree. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 60000,
  maxWorkers: 2,
  setupFilesAfterEnv: ['<rootDir>/test/setup/temp-dirs.ts', '<rootDir>/test/setup/record-findings.ts'],
};
