import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const RUN_POOL = fileURLToPath(new URL('../fixtures/workers/run-pool.ts', import.meta.url));

/** The pool over a worker whose documents misbehave on purpose, in a process without the runner's heap flag. */
function runPool(size: number, timeoutMs: number, ...keys: string[]): Record<string, unknown>[] {
  const { NODE_OPTIONS: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', RUN_POOL, String(size), String(timeoutMs), ...keys], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the document worker pool', () => {
  it('terminates a worker stuck in a synchronous loop, and one over its heap budget, and goes on with the others', () => {
    const outcomes = runPool(2, 5_000, 'a', 'spin', 'b', 'hog', 'c', 'd');
    const byKey = Object.fromEntries(outcomes.map((o) => [o.key, `${o.kind}${o.why ? ` ${o.why}` : ''}`]));
    assert.deepEqual(byKey, { a: 'done', b: 'done', c: 'done', d: 'done', spin: 'stopped time', hog: 'stopped memory' });
    const spin = outcomes.find((o) => o.key === 'spin')!;
    assert.ok((spin.ms as number) >= 5_000, 'stopped once its budget ran out, not before');
  });

  it('stops the batch on a machinery failure a worker reports, starting no further document', () => {
    const outcomes = runPool(1, 10_000, 'a', 'fail', 'b', 'c');
    assert.deepEqual(
      outcomes.map((o) => o.key ?? o.error),
      ['a', 'WorkerTaskError'],
    );
    assert.match(String(outcomes[1]?.message), /StoreError: disk full/);
  });
});
