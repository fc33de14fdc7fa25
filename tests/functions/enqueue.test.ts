import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { parseS3Notification } from '../../functions/shared/s3-notification.ts';
import { EnqueueError, enqueueExisting } from '../../lib/enqueue.ts';
import { GOUJI_VERSION } from '../../lib/version.ts';
import { type LocalS3, startLocalS3 } from '../adapters/local-s3.ts';

/** SQS cannot run here: a client whose `send` records SendMessageBatch inputs (documented shape). */
function recordingSqs(failIds: string[] = []): { client: SQSClient; bodies: string[]; calls: number } {
  const state = { bodies: [] as string[], calls: 0 };
  const client = {
    send: async (command: unknown) => {
      assert.ok(command instanceof SendMessageBatchCommand);
      state.calls += 1;
      const entries = command.input.Entries ?? [];
      assert.ok(entries.length >= 1 && entries.length <= 10);
      const ok = entries.filter((e) => !failIds.includes(e.Id ?? ''));
      state.bodies.push(...ok.map((e) => e.MessageBody ?? ''));
      return {
        Successful: ok.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: 'x' })),
        Failed: entries.filter((e) => failIds.includes(e.Id ?? '')).map((e) => ({ Id: e.Id, Code: 'InternalError', SenderFault: false })),
      };
    },
  } as unknown as SQSClient;
  return Object.assign(state, { client });
}

describe('enqueueExisting (backfill)', () => {
  let s3: LocalS3;
  const put = (key: string, body: string, metadata?: Record<string, string>) =>
    s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, ...(metadata === undefined ? {} : { Metadata: metadata }) }),
    );

  before(async () => {
    s3 = await startLocalS3();
    for (let i = 0; i < 12; i += 1) await put(`incoming/2023/报告 ${String(i).padStart(2, '0')}.txt`, `report ${i}`);
    const current = await put('incoming/current.txt', 'already done');
    await put('results/current.txt.json', '{}', {
      'source-etag': (current.ETag ?? '').replaceAll('"', ''),
      'gouji-version': GOUJI_VERSION,
    });
    // made by this version, but from an older object
    const older = await put('incoming/older-version.txt', 'done by an older gouji');
    await put('results/older-version.txt.json', '{}', { 'source-etag': (older.ETag ?? '').replaceAll('"', ''), 'gouji-version': '0.0.1' });
    const stale = await put('incoming/stale.txt', 'changed since');
    assert.ok(stale.ETag);
    await put('results/stale.txt.json', '{}', { 'source-etag': 'an-older-etag' });
    await put('results/not-an-input.json', '{}');
  });
  after(() => s3?.stop());

  it('sends one notification-shaped message per object lacking a current result', async () => {
    const sqs = recordingSqs();
    const summary = await enqueueExisting({
      s3: s3.client,
      sqs: sqs.client,
      bucket: s3.bucket,
      prefix: 'incoming/',
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/gouji-incoming',
    });
    assert.deepEqual(summary.skipped, ['incoming/current.txt']);
    assert.equal(summary.enqueued.length, 14);
    assert.equal(sqs.calls, 2); // 10 + 4
    const keys = sqs.bodies.flatMap((body) => parseS3Notification(body)).map((o) => `${o.bucket}/${o.key}`);
    assert.deepEqual(keys.sort(), summary.enqueued.map((key) => `${s3.bucket}/${key}`).sort());
    assert.ok(keys.includes(`${s3.bucket}/incoming/2023/报告 00.txt`));
    assert.ok(keys.includes(`${s3.bucket}/incoming/stale.txt`));
    assert.ok(keys.includes(`${s3.bucket}/incoming/older-version.txt`), 'a result of another gouji version is redone');
  });

  it('limits itself to the prefix given', async () => {
    const sqs = recordingSqs();
    const summary = await enqueueExisting({ s3: s3.client, sqs: sqs.client, bucket: s3.bucket, prefix: 'incoming/2023/', queueUrl: 'q' });
    assert.equal(summary.enqueued.length, 12);
  });

  it('refuses a prefix outside incoming/ and reports messages SQS refused', async () => {
    await assert.rejects(
      enqueueExisting({ s3: s3.client, sqs: recordingSqs().client, bucket: s3.bucket, prefix: 'results/', queueUrl: 'q' }),
      EnqueueError,
    );
    await assert.rejects(
      enqueueExisting({ s3: s3.client, sqs: recordingSqs(['3']).client, bucket: s3.bucket, queueUrl: 'q' }),
      (error: unknown) => error instanceof EnqueueError && error.retryable && /1 of 10/.test(error.message),
    );
  });
});
