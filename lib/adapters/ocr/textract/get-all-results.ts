import { type Block, GetDocumentAnalysisCommand } from '@aws-sdk/client-textract';
import type { TextractSender } from './start-analysis.ts';
import { TextractError } from './textract-error.ts';
import { type BackoffOptions, withBackoff } from './with-backoff.ts';

/** Textract's page size limit for GetDocumentAnalysis (MaxResults, 1–1000). */
const MAX_RESULTS = 1000;
// a runaway NextToken chain must end: 1000 blocks × 10 000 pages is far past any report
const MAX_PAGES = 10_000;

/**
 * Every Block of a finished analysis job, following NextToken over all result pages. Throws a
 * TextractError: retryable while the job is still running, not when it failed.
 */
export async function getAllResults(client: TextractSender, jobId: string, options: BackoffOptions = {}): Promise<Block[]> {
  const blocks: Block[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const command = new GetDocumentAnalysisCommand({
      JobId: jobId,
      MaxResults: MAX_RESULTS,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    const response = await withBackoff('GetDocumentAnalysis', () => client.send(command), options);
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
