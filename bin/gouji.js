#!/usr/bin/env node
// The compiled CLI in dist/ (built by `npm run build`, which npm runs at install as `prepare`).
// In development `npm run gouji -- …` runs the TypeScript itself through tsx.
let cli;
try {
  cli = await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write('gouji: the compiled CLI is missing (dist/main.js): run `npm run build` first.\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
