// Native ESM Jest with SWC (ts-jest does not work with TypeScript 7; SWC is fast): docs/decisions.
// A jest started outside npm scripts may run on the machine's older Node: say so clearly.
import './scripts/require-node.js';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      { jsc: { target: 'es2024', parser: { syntax: 'typescript' } }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: {
    '^#(shared|functions|infra|test)/(.*)$': '<rootDir>/$1/$2',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // The emulator package's own tests run here too: this is what CI runs.
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/infra/local/aws-emulator/test/**/*.test.ts'],
  testTimeout: 30000,
};
