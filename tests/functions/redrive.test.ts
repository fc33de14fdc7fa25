import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { objectCreatedMessage } from '../../lib/enqueue.ts';
import { redrive } from '../../lib/redrive.ts';
import { EventSource, ModelClock, modelSqsClient, SqsQueue } from '../../scripts/local-aws/sqs-model.ts';

// Messages that failed maxReceiveCount times sit in the DLQ; once the cause is mended, `gouji
// redrive` sends them back, where they start with a fresh receive count. On the SQS model.
describe('gouji redrive on the SQS model', () => {
  it('moves every DLQ message back to its queue, keeping body and attributes, and the retry succeeds', async () => {
    const clock = new ModelClock();
    const dlq = new SqsQueue('gouji-incoming-dlq', clock, { visibilityTimeoutS: 30 });
    const queue = new SqsQueue('gouji-incoming', clock, { visibilityTimeoutS: 1800, maxReceiveCount: 5, deadLetter: dlq });
    const keys = Array.from({ length: 13 }, (_, i) => `incoming/2023/报告 ${i}.pdf`);
    for (const key of keys)
      queue.send(objectCreatedMessage('b', key, 10, undefined), {
        attributes: { 'gouji-waits': { DataType: 'Number', StringValue: '2' } },
      });

    let broken = true;
    const handled: string[] = [];
    const source = new EventSource(
      queue,
      async (event): Promise<SQSBatchResponse> => {
        if (broken) return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
        handled.push(...event.Records.map((r) => r.messageAttributes['gouji-waits']?.stringValue ?? 'none'));
        return { batchItemFailures: [] };
      },
      clock,
      { functionName: 'f', batchSize: 5, maxConcurrency: 2, timeoutMs: 60_000 },
    );
    const drain = async () => {
      for (;;) {
        source.fill();
        await source.settled();
        if (!source.busy && queue.visible === 0) {
          const next = queue.nextVisibleAt();
          if (next === undefined) break;
          clock.advanceTo(next);
        }
      }
    };
    await drain();
    assert.equal(queue.depth, 0);
    assert.equal(dlq.depth, 13, 'each failed 5 times, then went to the DLQ');
    assert.equal(queue.stats.received, 13 * 5);

    broken = false;
    const lines: string[] = [];
    const sqs = modelSqsClient([queue, dlq]) as unknown as SQSClient;
    const moved = await redrive({
      sqs,
      from: 'https://sqs/000/gouji-incoming-dlq',
      to: 'https://sqs/000/gouji-incoming',
      log: (l) => lines.push(l),
    });
    assert.equal(moved, 13);
    assert.equal(dlq.depth, 0);
    assert.deepEqual(lines.map((l) => l.slice(2)).sort(), [...keys].sort());
    await drain();
    assert.equal(handled.length, 13);
    assert.ok(
      handled.every((w) => w === '2'),
      'attributes kept',
    );
    assert.equal(dlq.depth, 0);
  });
});
