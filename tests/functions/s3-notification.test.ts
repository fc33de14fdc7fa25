import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SQSEvent } from 'aws-lambda';
import { decodeS3Key, encodeS3Key, parseS3Notification } from '../../functions/shared/s3-notification.ts';
import { parseTextractCompletion } from '../../functions/shared/textract-notification.ts';
import { loadEvent } from './events.ts';

const body = (name: string): string => loadEvent<SQSEvent>(name).Records[0]?.body ?? '';

describe('S3 notifications in SQS', () => {
  it('decodes a Chinese key with a space (%E5… and +)', () => {
    assert.deepEqual(
      parseS3Notification(body('sqs-s3-put-chinese-key.json')).map((o) => o.key),
      ['incoming/2023/金水区商务局 年度报告.txt'],
    );
  });

  it('decodes spaces and parentheses', () => {
    const [object] = parseS3Notification(body('sqs-s3-put-key-with-spaces.json'));
    assert.equal(object?.key, 'incoming/annual report 2023 (final).html');
    assert.equal(object?.bucket, 'gouji-reports-123456789012-cn-north-1');
    assert.equal(object?.size, 18120);
  });

  it('yields nothing for s3:TestEvent', () => {
    assert.deepEqual(parseS3Notification(body('sqs-s3-test-event.json')), []);
  });

  it('keeps a literal + in a key apart from a space', () => {
    assert.equal(decodeS3Key(encodeS3Key('incoming/a+b c%.pdf')), 'incoming/a+b c%.pdf');
    assert.equal(encodeS3Key('incoming/a+b c.pdf'), 'incoming/a%2Bb+c.pdf');
  });

  it('rejects a body that is not an S3 notification', () => {
    assert.throws(() => parseS3Notification('{"hello":"world"}'));
    assert.throws(() => parseS3Notification('not json'));
  });
});

describe('Textract completions via SNS in SQS', () => {
  it('reads the job id, status and document location', () => {
    const completion = parseTextractCompletion(body('sqs-textract-completion.json'));
    assert.equal(completion.Status, 'SUCCEEDED');
    assert.equal(completion.DocumentLocation.S3ObjectName, 'incoming/2023/金水区商务局 年度报告.scan.pdf');
    assert.match(completion.JobId, /^[0-9a-f]{64}$/);
  });
});
