// Preloaded into a benchmarked `gouji` process (node --import): prints the process's peak resident
// memory (all its threads) on stderr as it exits, for bench/batch.ts to read.
process.on('exit', () => {
  process.stderr.write(`\nbench:maxRSS=${process.resourceUsage().maxRSS}\n`);
});
