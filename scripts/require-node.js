// Preloaded with `node --import` where a command may run outside npm scripts (cdk.json's app): npm
// scripts get Node 24 from the `node` dev dependency, a bare `node` may be the machine's older one.
// Plain JavaScript so that any Node can run it and say what is wrong instead of a stack trace.
const required = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < required) {
  console.error(
    `This project needs Node ${required} or newer (it runs TypeScript directly); this is Node ${process.version}.\n` +
      'Run it through npm (npm start, npm test, npm run …), which uses the Node 24 installed by `npm ci`,\n' +
      'or put node_modules/.bin first on PATH.',
  );
  process.exit(1);
}
