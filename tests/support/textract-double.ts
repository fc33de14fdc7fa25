// The one Textract double of the tests and the drill. Textract cannot run here: this answers
// StartDocumentAnalysis and GetDocumentAnalysis at the client's `send` (or over Textract's wire
// protocol on loopback) as the API reference documents them — the open-job limit
// (LimitExceededException), the start rate (ProvisionedThroughputExceededException), a token
// re-used with other parameters (IdempotentParameterMismatchException), the same token and
// parameters giving the same job, jobs IN_PROGRESS until they finish, FAILED jobs with a
// StatusMessage, results paged by NextToken — and publishes each completion as Textract does
// (SNS message with JobId, Status, API, JobTag, Timestamp, DocumentLocation).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Block,
  GetDocumentAnalysisCommand,
  type GetDocumentAnalysisCommandOutput,
  StartDocumentAnalysisCommand,
  type StartDocumentAnalysisCommandInput,
} from '@aws-sdk/client-textract';
import type { TextractSender } from '../../lib/adapters/ocr/textract/start-analysis.ts';
import { analysisResponses } from './textract-analysis.ts';

export interface RecordedCall {
  name: string;
  input: Record<string, unknown>;
}

export interface TextractDoubleOptions {
  /** the account's quota of open asynchronous jobs (default: no limit) */
  maxOpenJobs?: number;
  /** the account's StartDocumentAnalysis transactions per second (default: no limit) */
  startsPerSecond?: number;
  /** the clock (the drill's model clock); default Date.now */
  now?: () => number;
  /** the bytes of the object a job reads (S3, at the version given) */
  readObject?: (bucket: string, key: string, version?: string) => Promise<Uint8Array>;
  /** what Textract reads on those bytes */
  analyse?: (bytes: Uint8Array) => Promise<Block[]>;
  /** how long a job runs (default 0: it is finished at the next `completeDue`) */
  jobDurationMs?: (jobId: string) => number;
  /** a StatusMessage for the jobs that FAIL (null: it succeeds) */
  failure?: (input: StartDocumentAnalysisCommandInput, jobId: string) => string | null;
  /** SNS: receives each completion message (the JSON string Textract publishes) */
  publish?: (message: string) => void;
  /** blocks per GetDocumentAnalysis response (the service pages them) */
  perResponse?: number;
  /** jobs of other applications of the account, open now: they count towards the limit */
  otherOpenJobs?: () => number;
}

interface Job {
  id: string;
  input: StartDocumentAnalysisCommandInput;
  paramsKey: string;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  dueAt: number;
  message?: string;
  responses?: GetDocumentAnalysisCommandOutput[];
}

const serviceError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

export class TextractDouble {
  readonly calls: RecordedCall[] = [];
  /** most jobs IN_PROGRESS at once, as the service counted them */
  maxOpenSeen = 0;
  /** quota answers given: LimitExceeded and ProvisionedThroughputExceeded */
  refusals = { limit: 0, rate: 0, mismatch: 0 };
  private readonly jobs = new Map<string, Job>();
  private readonly byToken = new Map<string, Job>();
  private readonly startTimes: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: TextractDoubleOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Jobs ever started (distinct JobIds). */
  get jobsStarted(): number {
    return this.jobs.size;
  }

  /** open jobs as the account's quota counts them: ours and other applications' */
  get openJobs(): number {
    return [...this.jobs.values()].filter((j) => j.status === 'IN_PROGRESS').length + (this.options.otherOpenJobs?.() ?? 0);
  }

  /** A finished job served as given, without a start (tests of the reading side). */
  addFinishedJob(
    jobId: string,
    responses: readonly GetDocumentAnalysisCommandOutput[],
    input: StartDocumentAnalysisCommandInput = {} as StartDocumentAnalysisCommandInput,
  ): void {
    this.jobs.set(jobId, { id: jobId, input, paramsKey: '', status: 'SUCCEEDED', dueAt: 0, responses: [...responses] });
  }

  /** The client the code under test is given. */
  readonly client: TextractSender = {
    send: (async (command: unknown) => this.answer(command)) as TextractSender['send'],
  };

  /** The time the next running job finishes (for a model clock that jumps while idle). */
  nextDueAt(): number | undefined {
    const due = [...this.jobs.values()].filter((j) => j.status === 'IN_PROGRESS').map((j) => j.dueAt);
    return due.length === 0 ? undefined : Math.min(...due);
  }

  /** Finishes every job whose time has come and publishes its completion. */
  async completeDue(): Promise<number> {
    let finished = 0;
    for (const job of this.jobs.values()) {
      if (job.status !== 'IN_PROGRESS' || job.dueAt > this.now()) continue;
      const message = this.options.failure?.(job.input, job.id) ?? null;
      if (message !== null) {
        job.status = 'FAILED';
        job.message = message;
      } else {
        const location = job.input.DocumentLocation?.S3Object;
        const bytes = await this.options.readObject?.(location?.Bucket ?? '', location?.Name ?? '', location?.Version);
        const blocks = bytes === undefined || this.options.analyse === undefined ? [] : await this.options.analyse(bytes);
        job.responses = analysisResponses(blocks, this.options.perResponse ?? 300);
        job.status = 'SUCCEEDED';
      }
      finished += 1;
      this.options.publish?.(
        JSON.stringify({
          JobId: job.id,
          Status: job.status,
          API: 'StartDocumentAnalysis',
          ...(job.input.JobTag === undefined ? {} : { JobTag: job.input.JobTag }),
          Timestamp: this.now(),
          DocumentLocation: {
            S3ObjectName: job.input.DocumentLocation?.S3Object?.Name,
            S3Bucket: job.input.DocumentLocation?.S3Object?.Bucket,
          },
        }),
      );
    }
    return finished;
  }

  private readonly refusalsQueued: Error[] = [];

  /** The next `count` calls fail with the service error `name` (e.g. ThrottlingException, InternalServerError). */
  refuseNext(count: number, name: string, status = 400): void {
    for (let i = 0; i < count; i++) this.refusalsQueued.push(serviceError(name, `${name} (injected)`, status));
  }

  private async answer(command: unknown): Promise<unknown> {
    const name = (command as object | undefined)?.constructor?.name ?? 'unknown';
    const input = { ...((command as { input?: object } | undefined)?.input ?? {}) } as Record<string, unknown>;
    this.calls.push({ name, input });
    const refused = this.refusalsQueued.shift();
    if (refused !== undefined) throw refused;
    if (command instanceof StartDocumentAnalysisCommand) return this.start(command.input);
    if (command instanceof GetDocumentAnalysisCommand) return this.get(command.input.JobId ?? '', command.input.NextToken);
    throw serviceError('InvalidParameterException', `unexpected command ${name}`);
  }

  private start(input: StartDocumentAnalysisCommandInput): { JobId: string; $metadata: object } {
    const { ClientRequestToken: token, ...rest } = input;
    const paramsKey = JSON.stringify(rest);
    const known = token === undefined ? undefined : this.byToken.get(token);
    if (known !== undefined) {
      if (known.paramsKey !== paramsKey) {
        this.refusals.mismatch += 1;
        throw serviceError('IdempotentParameterMismatchException', 'The request token was used with different parameters.');
      }
      return { JobId: known.id, $metadata: { httpStatusCode: 200 } };
    }
    const now = this.now();
    while (this.startTimes.length > 0 && this.startTimes[0]! <= now - 1000) this.startTimes.shift();
    if (this.options.startsPerSecond !== undefined && this.startTimes.length >= this.options.startsPerSecond) {
      this.refusals.rate += 1;
      throw serviceError('ProvisionedThroughputExceededException', 'Provisioned rate exceeded');
    }
    if (this.options.maxOpenJobs !== undefined && this.openJobs >= this.options.maxOpenJobs) {
      this.refusals.limit += 1;
      throw serviceError('LimitExceededException', 'Limit exceeded: too many open asynchronous jobs');
    }
    this.startTimes.push(now);
    const id = `${(this.jobs.size + 1).toString(16).padStart(8, '0')}${'0'.repeat(56)}`.slice(0, 64);
    const job: Job = { id, input, paramsKey, status: 'IN_PROGRESS', dueAt: now + (this.options.jobDurationMs?.(id) ?? 0) };
    this.jobs.set(id, job);
    if (token !== undefined) this.byToken.set(token, job);
    this.maxOpenSeen = Math.max(this.maxOpenSeen, this.openJobs);
    return { JobId: id, $metadata: { httpStatusCode: 200 } };
  }

  private get(jobId: string, nextToken: string | undefined): GetDocumentAnalysisCommandOutput {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw serviceError('InvalidJobIdException', 'An invalid job identifier was passed.');
    if (job.status !== 'SUCCEEDED') {
      return {
        $metadata: { httpStatusCode: 200 },
        JobStatus: job.status,
        ...(job.message === undefined ? {} : { StatusMessage: job.message }),
      };
    }
    const responses = job.responses ?? [];
    const index = nextToken === undefined ? 0 : responses.findIndex((_, i) => i > 0 && responses[i - 1]!.NextToken === nextToken);
    const found = responses[index];
    if (found === undefined) throw serviceError('InvalidParameterException', 'Request has invalid parameters');
    return structuredClone(found);
  }

  /** Textract's wire protocol (AWS JSON 1.1, X-Amz-Target) on 127.0.0.1, for a client the handler builds itself. */
  async serveHttp(): Promise<{ endpoint: string; requests: Record<string, unknown>[]; stop(): Promise<void> }> {
    const requests: Record<string, unknown>[] = [];
    const server: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        const reply = (status: number, json: unknown) => {
          response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `double-${requests.length}` });
          response.end(JSON.stringify(json));
        };
        requests.push(body);
        const target = String(request.headers['x-amz-target']);
        const command =
          target === 'Textract.GetDocumentAnalysis'
            ? new GetDocumentAnalysisCommand(body as never)
            : target === 'Textract.StartDocumentAnalysis'
              ? new StartDocumentAnalysisCommand(body as never)
              : undefined;
        (command === undefined
          ? Promise.reject(serviceError('InvalidParameterException', `unexpected ${target}`))
          : this.answer(command)
        ).then(
          (output) => {
            const { $metadata: _, ...rest } = output as Record<string, unknown>;
            reply(200, rest);
          },
          (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
            reply(error.$metadata?.httpStatusCode ?? 400, { __type: error.name, Message: error.message }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requests,
      stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
    };
  }
}
