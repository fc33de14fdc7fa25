import { type Block, GetDocumentAnalysisCommand } from '@aws-sdk/client-textract';
import type { TextractSender } from './start-analysis.ts';
import { TextractError, toTextractError } from './textract-error.ts';
import { type BackoffOptions, withBackoff } from './with-backoff.ts';

/** Textract's page size limit for GetDocumentAnalysis (MaxResults, 1–1000). */
const MAX_RESULTS = 1000;
// a runaway NextToken chain must end: 1000 blocks × 10 000 pages is far past any report
const MAX_PAGES = 10_000;

export interface FetchOptions extends BackoffOptions {
  /** the caller's time budget: the fetch stops when it aborts */
  signal?: AbortSignal;
}

/**
 * Every Block of a finished analysis job, following NextToken over all result pages. Throws a
 * TextractError: retryable while the job is still running, not when it failed.
 */
export async function getAllResults(client: TextractSender, jobId: string, options: FetchOptions = {}): Promise<Block[]> {
  const blocks: Block[] = [];
  let nextToken: string | undefined;
  const sendOptions = options.signal === undefined ? {} : { abortSignal: options.signal };
  for (let page = 0; page < MAX_PAGES; page++) {
    options.signal?.throwIfAborted();
    const command = new GetDocumentAnalysisCommand({
      JobId: jobId,
      MaxResults: MAX_RESULTS,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    const response = await withBackoff('GetDocumentAnalysis', () => client.send(command, sendOptions), options);
    if (response.JobStatus === 'IN_PROGRESS') throw new TextractError(`Textract job ${jobId} is still running`, true);
    if (response.JobStatus === 'FAILED') {
      throw new TextractError(`Textract job ${jobId} failed: ${response.StatusMessage ?? 'no message'}`, false);
    }
    blocks.push(...(response.Blocks ?? []));
    nextToken = response.NextToken;
    if (!nextToken) return blocks;
  }
  throw new TextractError(`Textract job ${jobId} returned more than ${MAX_PAGES} result pages`, false);
}

/** Textract's own words on why a job failed (StatusMessage), for the result's finding. */
export async function failureMessage(client: TextractSender, jobId: string, signal?: AbortSignal): Promise<string> {
  const response = await client
    .send(new GetDocumentAnalysisCommand({ JobId: jobId, MaxResults: 1 }), signal === undefined ? {} : { abortSignal: signal })
    .catch((error: unknown) => {
      throw toTextractError('GetDocumentAnalysis', error);
    });
  return response.StatusMessage ?? response.JobStatus ?? 'no message';
}
