/** Unit and workbook tests (Node). Browser tests live in jest.browser.config.js. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Heavy setup (building fixture workbooks, generated layouts) must pass on a loaded 2-core machine.
  testTimeout: 120000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
