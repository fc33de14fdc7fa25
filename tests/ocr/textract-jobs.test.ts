import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block } from '@aws-sdk/client-textract';
import { clientRequestToken, identityOfToken, jobIdentity } from '../../lib/adapters/ocr/textract/client-request-token.ts';
import { failureMessage, getAllResults } from '../../lib/adapters/ocr/textract/get-all-results.ts';
import { startAnalysis } from '../../lib/adapters/ocr/textract/start-analysis.ts';
import { TextractError } from '../../lib/adapters/ocr/textract/textract-error.ts';
import { analysisResponses } from '../support/textract-analysis.ts';
import { TextractDouble } from '../support/textract-double.ts';
import { twoPageAnalysis } from './textract-blocks.ts';

const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CHANNEL = {
  snsTopicArn: 'arn:aws:sns:cn-north-1:123456789012:textract-done',
  roleArn: 'arn:aws:iam::123456789012:role/textract-publish',
};
const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('the job token', () => {
  it('differs for the same bytes under two keys, for another version, and per attempt; fits Textract’s 64 characters', () => {
    const a = jobIdentity({ sha256: SHA, key: 'incoming/a.pdf', versionId: 'v1' });
    const tokens = [
      clientRequestToken(a, 1),
      clientRequestToken(a, 2),
      clientRequestToken(jobIdentity({ sha256: SHA, key: 'incoming/b.pdf', versionId: 'v1' }), 1),
      clientRequestToken(jobIdentity({ sha256: SHA, key: 'incoming/a.pdf', versionId: 'v2' }), 1),
    ];
    assert.equal(new Set(tokens).size, 4);
    for (const token of tokens) {
      assert.match(token, /^[a-zA-Z0-9-_]{1,64}$/, 'ClientRequestToken pattern');
      assert.match(token, /^[a-zA-Z0-9_.\-:]{1,64}$/, 'JobTag pattern');
    }
    assert.equal(
      clientRequestToken(a, 1),
      clientRequestToken(jobIdentity({ sha256: SHA.toUpperCase(), key: 'incoming/a.pdf', versionId: 'v1' }), 1),
    );
    assert.equal(identityOfToken(clientRequestToken(a, 12)), a);
    assert.equal(identityOfToken('gouji'), null);
    assert.throws(() => jobIdentity({ sha256: 'not-a-hash', key: 'k' }), TextractError);
  });
});

describe('startAnalysis', () => {
  const token = clientRequestToken(jobIdentity({ sha256: SHA, key: 'incoming/泉州 2020.pdf', versionId: 'v7' }), 1);

  it('starts one TABLES analysis (no LAYOUT) of the pinned version, tagged with its token, with the SNS channel', async () => {
    const textract = new TextractDouble();
    const jobId = await startAnalysis(textract.client, {
      bucket: 'reports',
      key: 'incoming/泉州 2020.pdf',
      versionId: 'v7',
      token,
      ...CHANNEL,
    });
    assert.equal(textract.jobsStarted, 1);
    assert.deepEqual(textract.calls[0]?.input, {
      DocumentLocation: { S3Object: { Bucket: 'reports', Name: 'incoming/泉州 2020.pdf', Version: 'v7' } },
      FeatureTypes: ['TABLES'],
      ClientRequestToken: token,
      JobTag: token,
      NotificationChannel: { SNSTopicArn: CHANNEL.snsTopicArn, RoleArn: CHANNEL.roleArn },
    });
    // a retry of the same request gets the same job; the same token with another version is refused for good
    assert.equal(
      await startAnalysis(textract.client, { bucket: 'reports', key: 'incoming/泉州 2020.pdf', versionId: 'v7', token, ...CHANNEL }),
      jobId,
    );
    await assert.rejects(
      startAnalysis(textract.client, { bucket: 'reports', key: 'incoming/泉州 2020.pdf', versionId: 'v8', token, ...CHANNEL }),
      (e: unknown) => e instanceof TextractError && !e.retryable && /IdempotentParameterMismatch/.test(e.message),
    );
    assert.equal(textract.jobsStarted, 1);
  });

  it('answers the open-job limit and the start rate as a quota wait, not a failure', async () => {
    const textract = new TextractDouble({ maxOpenJobs: 1, startsPerSecond: 5 });
    await startAnalysis(textract.client, { bucket: 'r', key: 'incoming/1.pdf', token: `${token.slice(0, -1)}1`, ...CHANNEL });
    await assert.rejects(
      startAnalysis(textract.client, { bucket: 'r', key: 'incoming/2.pdf', token: `${token.slice(0, -1)}2`, ...CHANNEL }),
      (e: unknown) => e instanceof TextractError && e.quota && e.retryable && /LimitExceeded/.test(e.message),
    );
    const rate = new TextractDouble({ startsPerSecond: 1, now: () => 1000 });
    await startAnalysis(rate.client, { bucket: 'r', key: 'incoming/1.pdf', token: `${token.slice(0, -1)}1`, ...CHANNEL });
    await assert.rejects(
      startAnalysis(rate.client, { bucket: 'r', key: 'incoming/2.pdf', token: `${token.slice(0, -1)}2`, ...CHANNEL }),
      (e: unknown) => e instanceof TextractError && e.quota && /ProvisionedThroughputExceeded/.test(e.message),
    );
  });
});

describe('getAllResults', () => {
  const blocks: Block[] = twoPageAnalysis();
  const finished = () => {
    const textract = new TextractDouble();
    textract.addFinishedJob('job-1', analysisResponses(blocks, 10));
    return textract;
  };

  it('follows NextToken over every result page and returns all blocks in order', async () => {
    const textract = finished();
    assert.deepEqual(await getAllResults(textract.client, 'job-1'), blocks);
    const tokens = textract.calls.map((c) => c.input['NextToken'] ?? null);
    assert.equal(tokens.length, Math.ceil(blocks.length / 10));
    assert.equal(tokens[0], null);
    assert.ok(textract.calls.every((c) => c.input['JobId'] === 'job-1' && c.input['MaxResults'] === 1000));
  });

  it('retries throttling with growing, jittered delays and then succeeds; gives up after a bound, as retryable', async () => {
    const textract = finished();
    textract.refuseNext(2, 'ProvisionedThroughputExceededException');
    const delays: number[] = [];
    const all = await getAllResults(textract.client, 'job-1', { sleep: async (ms) => void delays.push(ms), random: () => 1 });
    assert.equal(all.length, blocks.length);
    assert.deepEqual(delays, [200, 400]);

    const endless = finished();
    endless.refuseNext(10, 'ThrottlingException');
    await assert.rejects(
      getAllResults(endless.client, 'job-1', { ...noSleep, maxAttempts: 4 }),
      (e: unknown) => e instanceof TextractError && e.retryable,
    );
    assert.equal(endless.calls.length, 4);
  });

  it('does not retry other errors, and tells a failed job from one still running', async () => {
    const denied = finished();
    denied.refuseNext(1, 'AccessDeniedException');
    await assert.rejects(getAllResults(denied.client, 'job-1', noSleep), (e: unknown) => e instanceof TextractError && !e.retryable);
    assert.equal(denied.calls.length, 1);

    const textract = new TextractDouble({ failure: () => 'UNSUPPORTED_DOCUMENT', jobDurationMs: () => 0 });
    const jobId = await startAnalysis(textract.client, { bucket: 'r', key: 'incoming/x.pdf', token: 'g2-x-1', ...CHANNEL });
    await assert.rejects(getAllResults(textract.client, jobId), (e: unknown) => e instanceof TextractError && e.retryable, 'still running');
    await textract.completeDue();
    await assert.rejects(
      getAllResults(textract.client, jobId),
      (e: unknown) => e instanceof TextractError && !e.retryable && /UNSUPPORTED_DOCUMENT/.test(e.message),
    );
    assert.equal(await failureMessage(textract.client, jobId), 'UNSUPPORTED_DOCUMENT');
  });
});
