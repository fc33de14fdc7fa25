import { StartDocumentAnalysisCommand, type TextractClient } from '@aws-sdk/client-textract';
import { toTextractError } from './textract-error.ts';

export type TextractSender = Pick<TextractClient, 'send'>;

export interface StartAnalysisInput {
  /** the object Textract reads, pinned to the version the job is for */
  bucket: string;
  key: string;
  versionId?: string;
  /** ClientRequestToken, also the JobTag: how the completion finds its ledger record */
  token: string;
  /** SNS topic Textract publishes the completion to */
  snsTopicArn: string;
  /** role Textract assumes to publish to the topic */
  roleArn: string;
}

/**
 * Starts an asynchronous Textract analysis of the tables of a document in S3 and returns the job
 * id. TABLES only: gouji reads words and cells, and LAYOUT is billed per page without being read.
 * One call, no retries here: throttling and the open-job limit come back as a retryable
 * TextractError for the caller to wait on (the message goes back to the queue, not a busy loop).
 */
export async function startAnalysis(client: TextractSender, input: StartAnalysisInput): Promise<string> {
  const command = new StartDocumentAnalysisCommand({
    DocumentLocation: {
      S3Object: { Bucket: input.bucket, Name: input.key, ...(input.versionId === undefined ? {} : { Version: input.versionId }) },
    },
    FeatureTypes: ['TABLES'],
    ClientRequestToken: input.token,
    JobTag: input.token,
    NotificationChannel: { SNSTopicArn: input.snsTopicArn, RoleArn: input.roleArn },
  });
  const response = await client.send(command).catch((error: unknown) => {
    throw toTextractError('StartDocumentAnalysis', error);
  });
  if (!response.JobId) throw toTextractError('StartDocumentAnalysis', new Error('no JobId in the response'));
  return response.JobId;
}
