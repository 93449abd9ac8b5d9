// Native ESM Jest with SWC (ts-jest does not work with TypeScript 7; SWC is fast): docs/decisions.
// A jest started outside npm scripts may run on the machine's older Node: say so clearly.
import './scripts/require-node.js';
// The emulator package's settings (transform, timeout) are the base: one place for both.
import emulator from './infra/local/aws-emulator/jest.config.js';

export default {
  ...emulator,
  moduleNameMapper: {
    '^#(shared|functions|infra|test)/(.*)$': '<rootDir>/$1/$2',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // The emulator package's own tests run here too: this is what CI runs.
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/infra/local/aws-emulator/test/**/*.test.ts'],
};
