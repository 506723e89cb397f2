/**
 * Browser tests: build the task pane with webpack (production), serve dist/ on a free localhost port and drive
 * it in headless Chromium (Debian's /usr/bin/chromium through playwright-core). Run with `npm run test:browser`.
 * Set JUESUAN_SKIP_BUILD=1 to reuse an existing dist/ while iterating, CHROMIUM_PATH to use another Chromium.
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
