import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AccessDeniedException,
  type Block,
  GetDocumentAnalysisCommand,
  type GetDocumentAnalysisCommandOutput,
  ProvisionedThroughputExceededException,
  StartDocumentAnalysisCommand,
  ThrottlingException,
} from '@aws-sdk/client-textract';
import { clientRequestToken } from '../../lib/adapters/ocr/textract/client-request-token.ts';
import { getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { JOB_TAG, startAnalysis, type TextractSender } from '../../lib/adapters/ocr/textract/start-analysis.ts';
import { TextractError } from '../../lib/adapters/ocr/textract/textract-error.ts';
import { twoPageAnalysis } from './textract-blocks.ts';

const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const metadata = { httpStatusCode: 200, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 };

/** A Textract client double at the `send` level: answers in turn, records every command. */
function fakeClient(answers: (unknown | Error)[]): { client: TextractSender; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('unexpected call');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as TextractSender;
  return { client, sent };
}

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Provisioned rate exceeded', $metadata: { httpStatusCode: 400 } });
const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('startAnalysis', () => {
  it('starts one asynchronous TABLES + LAYOUT analysis with an idempotency token, tag and SNS channel', async () => {
    const { client, sent } = fakeClient([{ JobId: 'job-1', $metadata: metadata }]);
    const jobId = await startAnalysis(client, {
      bucket: 'reports',
      key: 'incoming/泉州 2020.pdf',
      sha256: SHA,
      snsTopicArn: 'arn:aws:sns:cn-north-1:123456789012:textract-done',
      roleArn: 'arn:aws:iam::123456789012:role/textract-publish',
    });
    assert.equal(jobId, 'job-1');
    assert.equal(sent.length, 1);
    assert.ok(sent[0] instanceof StartDocumentAnalysisCommand);
    assert.deepEqual(sent[0].input, {
      DocumentLocation: { S3Object: { Bucket: 'reports', Name: 'incoming/泉州 2020.pdf' } },
      FeatureTypes: ['TABLES', 'LAYOUT'],
      ClientRequestToken: clientRequestToken(SHA),
      JobTag: JOB_TAG,
      NotificationChannel: {
        SNSTopicArn: 'arn:aws:sns:cn-north-1:123456789012:textract-done',
        RoleArn: 'arn:aws:iam::123456789012:role/textract-publish',
      },
    });
  });

  it('sends the same token for the same document, so a retry cannot start a second job', async () => {
    const { client, sent } = fakeClient([{ JobId: 'job-1' }, { JobId: 'job-1' }]);
    const input = { bucket: 'b', key: 'k', sha256: SHA, snsTopicArn: 'arn:t', roleArn: 'arn:r' };
    await startAnalysis(client, input);
    await startAnalysis(client, { ...input, sha256: SHA.toUpperCase() });
    const tokens = sent.map((c) => (c as StartDocumentAnalysisCommand).input.ClientRequestToken);
    assert.equal(tokens[0], tokens[1]);
    assert.notEqual(clientRequestToken(SHA), clientRequestToken(SHA.replace('a3', 'a4')));
    // Textract: 1–64 characters of [a-zA-Z0-9-_]; JobTag 1–64 of [a-zA-Z0-9_.\-:]
    assert.match(tokens[0]!, /^[a-zA-Z0-9-_]{1,64}$/);
    assert.match(JOB_TAG, /^[a-zA-Z0-9_.\-:]{1,64}$/);
  });

  it('writes Textract output under a prefix when asked', async () => {
    const { client, sent } = fakeClient([{ JobId: 'job-2' }]);
    await startAnalysis(client, {
      bucket: 'b',
      key: 'k',
      sha256: SHA,
      snsTopicArn: 'arn:t',
      roleArn: 'arn:r',
      outputPrefix: { bucket: 'out', prefix: 'textract/' },
    });
    assert.deepEqual((sent[0] as StartDocumentAnalysisCommand).input.OutputConfig, { S3Bucket: 'out', S3Prefix: 'textract/' });
  });

  it('refuses a malformed sha256 and reports a refused start as not retryable', async () => {
    const { client } = fakeClient([new AccessDeniedException({ message: 'no', $metadata: {} })]);
    const input = { bucket: 'b', key: 'k', snsTopicArn: 'arn:t', roleArn: 'arn:r' };
    await assert.rejects(startAnalysis(client, { ...input, sha256: 'not-a-hash' }), TextractError);
    await assert.rejects(startAnalysis(client, { ...input, sha256: SHA }), (e: unknown) => e instanceof TextractError && !e.retryable);
  });
});

describe('getAllResults', () => {
  const blocks = twoPageAnalysis();
  const part = (from: number, to: number, nextToken?: string): GetDocumentAnalysisCommandOutput => ({
    $metadata: metadata,
    JobStatus: 'SUCCEEDED',
    DocumentMetadata: { Pages: 2 },
    AnalyzeDocumentModelVersion: '1.0',
    Blocks: blocks.slice(from, to),
    ...(nextToken ? { NextToken: nextToken } : {}),
  });

  it('follows NextToken over every result page and returns all blocks in order', async () => {
    const { client, sent } = fakeClient([part(0, 10, 'tok-1'), part(10, 20, 'tok-2'), part(20, blocks.length)]);
    const all: Block[] = await getAllResults(client, 'job-1');
    assert.deepEqual(all, blocks);
    assert.ok(sent.every((c) => c instanceof GetDocumentAnalysisCommand));
    assert.deepEqual(
      sent.map((c) => (c as GetDocumentAnalysisCommand).input),
      [
        { JobId: 'job-1', MaxResults: 1000 },
        { JobId: 'job-1', MaxResults: 1000, NextToken: 'tok-1' },
        { JobId: 'job-1', MaxResults: 1000, NextToken: 'tok-2' },
      ],
    );
  });

  it('retries throttling with growing, jittered delays and then succeeds', async () => {
    const delays: number[] = [];
    const { client, sent } = fakeClient([
      part(0, 10, 'tok-1'),
      throttled(),
      new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }),
      part(10, blocks.length),
    ]);
    const all = await getAllResults(client, 'job-1', { sleep: async (ms) => void delays.push(ms), random: () => 1 });
    assert.equal(all.length, blocks.length);
    assert.equal(sent.length, 4);
    // the retried request asks for the same page again
    assert.equal((sent[2] as GetDocumentAnalysisCommand).input.NextToken, 'tok-1');
    assert.deepEqual(delays, [200, 400]);
  });

  it('gives up on endless throttling after a bounded number of attempts, as retryable', async () => {
    const { client, sent } = fakeClient(Array.from({ length: 10 }, throttled));
    await assert.rejects(getAllResults(client, 'job-1', { ...noSleep, maxAttempts: 4 }), (e: unknown) => {
      assert.ok(e instanceof TextractError);
      assert.equal(e.retryable, true);
      assert.ok(e.cause instanceof ProvisionedThroughputExceededException);
      return true;
    });
    assert.equal(sent.length, 4);
  });

  it('does not retry other errors, and tells a failed job from one still running', async () => {
    const denied = fakeClient([new AccessDeniedException({ message: 'denied', $metadata: { httpStatusCode: 403 } })]);
    await assert.rejects(getAllResults(denied.client, 'job-1', noSleep), (e: unknown) => e instanceof TextractError && !e.retryable);
    assert.equal(denied.sent.length, 1);

    const failed = fakeClient([{ JobStatus: 'FAILED', StatusMessage: 'UNSUPPORTED_DOCUMENT' }]);
    await assert.rejects(
      getAllResults(failed.client, 'job-1'),
      (e: unknown) => e instanceof TextractError && !e.retryable && /UNSUPPORTED_DOCUMENT/.test(e.message),
    );

    const running = fakeClient([{ JobStatus: 'IN_PROGRESS' }]);
    await assert.rejects(getAllResults(running.client, 'job-1'), (e: unknown) => e instanceof TextractError && e.retryable);
  });
});
