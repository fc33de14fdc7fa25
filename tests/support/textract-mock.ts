import { GetDocumentAnalysisCommand, type GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';
import type { TextractSender } from '../../lib/adapters/ocr/textract/start-analysis.ts';

export interface RecordedCall {
  name: string;
  input: Record<string, unknown>;
}

/**
 * Textract cannot run here: a client whose `send` serves finished jobs' GetDocumentAnalysis
 * responses (`jobs`: job id → its responses in order) by JobId and NextToken, and records every
 * command it is given. An unknown job or token gets InvalidParameterException, as from the service.
 */
export function textractJobsMock(jobs: Record<string, readonly GetDocumentAnalysisCommandOutput[]>): {
  client: TextractSender;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const served = new Map<string, GetDocumentAnalysisCommandOutput>();
  for (const [jobId, responses] of Object.entries(jobs)) {
    responses.forEach((response, i) => {
      served.set(`${jobId} ${i === 0 ? '' : (responses[i - 1]!.NextToken ?? '')}`, response);
    });
  }
  const send = async (command: unknown) => {
    const name = (command as object | undefined)?.constructor?.name ?? 'unknown';
    calls.push({ name, input: { ...((command as { input?: object } | undefined)?.input ?? {}) } });
    if (!(command instanceof GetDocumentAnalysisCommand)) throw new Error(`unexpected command ${name}`);
    const response = served.get(`${command.input.JobId} ${command.input.NextToken ?? ''}`);
    if (response === undefined) {
      throw Object.assign(new Error('Request has invalid parameters'), {
        name: 'InvalidParameterException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    return structuredClone(response);
  };
  return { client: { send } as unknown as TextractSender, calls };
}
