import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DynamoJobLedger, SLOT_STALE_MS } from '../../lib/adapters/ledger/dynamodb-job-ledger.ts';
import type { OcrJobRecord } from '../../lib/ports/job-ledger.ts';
import { type LocalDynamo, startLocalDynamo } from '../support/local-dynamodb.ts';

// The ledger against a real DynamoDB implementation (dynalite on loopback): conditional writes
// are what keep two deliveries from starting two jobs and the open-job cap from being passed.
describe('DynamoJobLedger on dynalite', () => {
  let dynamo: LocalDynamo;
  let ledger: DynamoJobLedger;
  before(async () => {
    dynamo = await startLocalDynamo();
    ledger = new DynamoJobLedger(dynamo.client, dynamo.table);
  });
  after(() => dynamo?.stop());

  const record = (id: string, patch: Partial<OcrJobRecord> = {}): OcrJobRecord => ({
    id,
    token: `t-${id}-1`,
    attempt: 1,
    state: 'starting',
    bucket: 'b',
    key: `incoming/${id}.pdf`,
    sha256: 'a'.repeat(64),
    pages: [2, 3],
    input: { key: `ocr-input/t-${id}-1.pdf`, versionId: 'v1' },
    updatedAt: 1_700_000_000_000,
    ...patch,
  });

  it('writes a record once: a second writer expecting none loses, one expecting its state wins', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ledger.put(record('doc1'), { state: null })));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await ledger.put(record('doc1', { state: 'open', jobId: 'j1' }), { state: 'open' }), false);
    assert.equal(await ledger.put(record('doc1', { state: 'open', jobId: 'j1' }), { state: 'starting', attempt: 1 }), true);
    assert.equal(await ledger.put(record('doc1', { state: 'failed' }), { state: 'open', attempt: 2 }), false);
    assert.deepEqual(await ledger.get('doc1'), record('doc1', { state: 'open', jobId: 'j1' }));
    assert.equal(await ledger.get('nothing'), null);
  });

  it('never hands out more slots than the cap, however many ask at once', async () => {
    const now = 5_000_000;
    const asks = await Promise.all(Array.from({ length: 40 }, (_, i) => ledger.acquireSlot(`cap-${i}`, { cap: 7, perSecond: 100 }, now)));
    assert.equal(asks.filter(Boolean).length, 7);
    const holder = asks.indexOf(true);
    assert.equal(await ledger.acquireSlot(`cap-${holder}`, { cap: 7, perSecond: 100 }, now + 1000), true, 'a holder keeps its slot');
    assert.equal(await ledger.acquireSlot('late', { cap: 7, perSecond: 100 }, now + 2000), false);
    await ledger.releaseSlot(`cap-${holder}`);
    await ledger.releaseSlot('never-held');
    assert.equal(await ledger.acquireSlot('late', { cap: 7, perSecond: 100 }, now + 3000), true);
    for (let i = 0; i < 40; i++) await ledger.releaseSlot(`cap-${i}`);
    await ledger.releaseSlot('late');
  });

  it('starts at most perSecond jobs in one second, and more in the next', async () => {
    const now = 9_000_000;
    const asks = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.acquireSlot(`rate-${i}`, { cap: 100, perSecond: 3 }, now)));
    assert.equal(asks.filter(Boolean).length, 3);
    assert.equal(await ledger.acquireSlot('rate-next', { cap: 100, perSecond: 3 }, now + 1000), true);
    for (let i = 0; i < 10; i++) await ledger.releaseSlot(`rate-${i}`);
    await ledger.releaseSlot('rate-next');
  });

  it('frees the slot of a job whose completion never came, after SLOT_STALE_MS', async () => {
    const now = 20_000_000;
    assert.equal(await ledger.acquireSlot('lost', { cap: 1, perSecond: 10 }, now), true);
    assert.equal(await ledger.acquireSlot('waiting', { cap: 1, perSecond: 10 }, now + 60_000), false);
    assert.equal(await ledger.acquireSlot('waiting', { cap: 1, perSecond: 10 }, now + SLOT_STALE_MS + 1000), true);
    await ledger.releaseSlot('waiting');
  });
});
