import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GetDocumentAnalysisCommandOutput } from '@aws-sdk/client-textract';

export interface TextractHttpFake {
  /** for AWS_ENDPOINT_URL_TEXTRACT or a client's `endpoint` */
  endpoint: string;
  /** the JSON bodies of the GetDocumentAnalysis requests received */
  requests: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Textract's wire protocol (AWS JSON 1.1: POST /, `X-Amz-Target: Textract.GetDocumentAnalysis`)
 * on 127.0.0.1, serving finished jobs' responses by JobId and NextToken, so a real TextractClient
 * built by the handler itself talks to it. Anything else gets Textract's InvalidParameterException.
 */
export async function startTextractHttpFake(jobs: Record<string, readonly GetDocumentAnalysisCommandOutput[]>): Promise<TextractHttpFake> {
  const requests: Record<string, unknown>[] = [];
  const served = new Map<string, GetDocumentAnalysisCommandOutput>();
  for (const [jobId, responses] of Object.entries(jobs)) {
    responses.forEach((response, i) => {
      served.set(`${jobId} ${i === 0 ? '' : (responses[i - 1]!.NextToken ?? '')}`, response);
    });
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const answer = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `fake-${requests.length}` });
        response.end(JSON.stringify(json));
      };
      if (request.headers['x-amz-target'] !== 'Textract.GetDocumentAnalysis') {
        answer(400, { __type: 'InvalidParameterException', Message: `unexpected ${String(request.headers['x-amz-target'])}` });
        return;
      }
      requests.push(body);
      const found = served.get(`${String(body['JobId'])} ${typeof body['NextToken'] === 'string' ? body['NextToken'] : ''}`);
      if (found === undefined) {
        answer(400, { __type: 'InvalidJobIdException', Message: 'An invalid job identifier was passed.' });
        return;
      }
      const { $metadata: _, ...output } = found;
      answer(200, output);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
