import { StartDocumentAnalysisCommand, type TextractClient } from '@aws-sdk/client-textract';
import { clientRequestToken } from './client-request-token.ts';
import { TextractError } from './textract-error.ts';
import { type BackoffOptions, withBackoff } from './with-backoff.ts';

export type TextractSender = Pick<TextractClient, 'send'>;

export interface StartAnalysisInput {
  bucket: string;
  key: string;
  /** of the document's bytes, hex; makes the request idempotent */
  sha256: string;
  /** SNS topic Textract publishes the completion to */
  snsTopicArn: string;
  /** role Textract assumes to publish to the topic */
  roleArn: string;
  /** where Textract also writes its raw output, if wanted */
  outputPrefix?: { bucket: string; prefix: string };
}

/** Tag on every job, so completions of this tool can be told apart (1–64 of [a-zA-Z0-9_.\-:]). */
export const JOB_TAG = 'gouji';

/**
 * Starts an asynchronous Textract analysis (TABLES and LAYOUT) of a document in S3 and returns
 * the job id. A retry with the same sha256 gets the same job back instead of a second one.
 */
export async function startAnalysis(client: TextractSender, input: StartAnalysisInput, options: BackoffOptions = {}): Promise<string> {
  const command = new StartDocumentAnalysisCommand({
    DocumentLocation: { S3Object: { Bucket: input.bucket, Name: input.key } },
    FeatureTypes: ['TABLES', 'LAYOUT'],
    ClientRequestToken: clientRequestToken(input.sha256),
    JobTag: JOB_TAG,
    NotificationChannel: { SNSTopicArn: input.snsTopicArn, RoleArn: input.roleArn },
    ...(input.outputPrefix ? { OutputConfig: { S3Bucket: input.outputPrefix.bucket, S3Prefix: input.outputPrefix.prefix } } : {}),
  });
  const response = await withBackoff('StartDocumentAnalysis', () => client.send(command), options);
  if (!response.JobId) throw new TextractError('StartDocumentAnalysis returned no JobId', true);
  return response.JobId;
}
