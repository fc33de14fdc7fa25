// A faithful in-process model of SQS and of Lambda's SQS event source, for the drill and `npm run
// local` (SQS cannot run here). What it keeps from the service (SQS developer guide): a received
// message is invisible for the visibility timeout, then visible again unless deleted;
// ApproximateReceiveCount grows with every receive; a message received more than maxReceiveCount
// times goes to the dead-letter queue; DelaySeconds (≤ 900) hides a new message; a delete or a
// visibility change needs the latest receipt handle. From Lambda's event source: batches of up to
// batchSize, at most maxConcurrency invocations, ReportBatchItemFailures (only the failed records
// stay), a thrown error or a late answer (past the timeout) leaves the whole batch in the queue.
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** Model time: real time, plus the jumps made while nothing runs (a retry 30 minutes later costs nothing). */
export class ModelClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advanceTo(at: number): void {
    if (at > this.now()) this.offset += at - this.now();
  }
}

interface Message {
  id: string;
  body: string;
  attributes: Record<string, { DataType: string; StringValue?: string }>;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  receipt?: string;
}

export interface QueueOptions {
  visibilityTimeoutS: number;
  maxReceiveCount?: number;
  deadLetter?: SqsQueue;
}

export class SqsQueue {
  private readonly messages = new Map<string, Message>();
  private counter = 0;
  /** received (first or again), sent, deleted, moved to the dead-letter queue */
  readonly stats = { sent: 0, received: 0, deleted: 0, deadLettered: 0 };

  constructor(
    readonly name: string,
    private readonly clock: ModelClock,
    private readonly options: QueueOptions,
  ) {}

  get arn(): string {
    return `arn:aws:sqs:us-east-1:000000000000:${this.name}`;
  }

  send(body: string, options: { delaySeconds?: number; attributes?: Message['attributes'] } = {}): string {
    const delay = options.delaySeconds ?? 0;
    if (!Number.isInteger(delay) || delay < 0 || delay > 900) throw new Error(`InvalidParameterValue: DelaySeconds ${delay}`);
    const id = `${this.name}-${++this.counter}`;
    const now = this.clock.now();
    this.messages.set(id, { id, body, attributes: options.attributes ?? {}, sentAt: now, visibleAt: now + delay * 1000, receiveCount: 0 });
    this.stats.sent += 1;
    return id;
  }

  /** Up to `max` visible messages, now invisible for the visibility timeout; over-received ones go to the DLQ. */
  receive(max: number): SQSRecord[] {
    const now = this.clock.now();
    const records: SQSRecord[] = [];
    for (const message of this.messages.values()) {
      if (records.length >= max) break;
      if (message.visibleAt > now) continue;
      const limit = this.options.maxReceiveCount;
      if (limit !== undefined && message.receiveCount >= limit && this.options.deadLetter !== undefined) {
        this.messages.delete(message.id);
        this.options.deadLetter.send(message.body, { attributes: message.attributes });
        this.stats.deadLettered += 1;
        continue;
      }
      message.receiveCount += 1;
      message.firstReceiveAt ??= now;
      message.visibleAt = now + this.options.visibilityTimeoutS * 1000;
      message.receipt = `${message.id}#${message.receiveCount}`;
      this.stats.received += 1;
      records.push(this.recordOf(message));
    }
    return records;
  }

  delete(receipt: string): void {
    const message = this.messages.get(receipt.slice(0, receipt.lastIndexOf('#')));
    if (message?.receipt === receipt) {
      this.messages.delete(message.id);
      this.stats.deleted += 1;
    }
  }

  changeVisibility(receipt: string, seconds: number): void {
    const message = this.messages.get(receipt.slice(0, receipt.lastIndexOf('#')));
    if (message?.receipt === receipt) message.visibleAt = this.clock.now() + seconds * 1000;
  }

  /** Messages in the queue: visible, in flight or delayed. */
  get depth(): number {
    return this.messages.size;
  }

  get visible(): number {
    const now = this.clock.now();
    return [...this.messages.values()].filter((m) => m.visibleAt <= now).length;
  }

  /** When the next message becomes visible (none: undefined). */
  nextVisibleAt(): number | undefined {
    let next: number | undefined;
    for (const m of this.messages.values()) next = next === undefined ? m.visibleAt : Math.min(next, m.visibleAt);
    return next;
  }

  /** Every message body, oldest first (for a redrive or a report). */
  drain(): { body: string; attributes: Message['attributes'] }[] {
    const all = [...this.messages.values()].map((m) => ({ body: m.body, attributes: m.attributes }));
    this.messages.clear();
    return all;
  }

  private recordOf(message: Message): SQSRecord {
    return {
      messageId: message.id,
      receiptHandle: message.receipt!,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'AIDAMODEL',
        ApproximateFirstReceiveTimestamp: String(message.firstReceiveAt),
      },
      messageAttributes: Object.fromEntries(
        Object.entries(message.attributes).map(([name, value]) => [
          name,
          {
            dataType: value.DataType,
            ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
            stringListValues: [],
            binaryListValues: [],
          },
        ]),
      ),
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: 'us-east-1',
    };
  }
}

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface EventSourceOptions {
  functionName: string;
  batchSize: number;
  maxConcurrency: number;
  timeoutMs: number;
  /** told the records of each invocation as it starts */
  onStart?: (records: SQSRecord[]) => void;
}

/** Lambda's SQS event source over a model queue: receives batches, invokes the handler, deletes what succeeded. */
export class EventSource {
  private running = 0;
  private invocations = 0;
  readonly stats = { invocations: 0, failedRecords: 0, failedInvocations: 0, lateAnswers: 0 };
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    readonly queue: SqsQueue,
    private readonly handler: SqsHandler,
    private readonly clock: ModelClock,
    private readonly options: EventSourceOptions,
    private readonly onBatch?: (records: SQSRecord[], response: SQSBatchResponse | undefined, error: unknown) => void,
  ) {}

  get busy(): boolean {
    return this.running > 0;
  }

  /** Starts invocations while there is room and there are visible messages; returns how many started. */
  fill(): number {
    let started = 0;
    while (this.running < this.options.maxConcurrency) {
      const records = this.queue.receive(this.options.batchSize);
      if (records.length === 0) break;
      started += 1;
      void this.invoke(records);
    }
    return started;
  }

  /** Resolves when an invocation ends (or at once when none runs). */
  settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async invoke(records: SQSRecord[]): Promise<void> {
    this.running += 1;
    this.stats.invocations += 1;
    this.options.onStart?.(records);
    const deadline = this.clock.now() + this.options.timeoutMs;
    const context = lambdaContext(this.options.functionName, ++this.invocations, () => Math.max(0, deadline - this.clock.now()));
    let response: SQSBatchResponse | undefined;
    let failure: unknown;
    try {
      response = (await this.handler({ Records: records }, context)) ?? { batchItemFailures: [] };
    } catch (error) {
      failure = error;
    }
    if (failure === undefined && this.clock.now() > deadline) {
      // Lambda would have stopped the function: its answer never reaches the event source.
      this.stats.lateAnswers += 1;
      failure = new Error('Task timed out');
    }
    if (failure === undefined && response !== undefined) {
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      this.stats.failedRecords += failed.size;
      for (const record of records) if (!failed.has(record.messageId)) this.queue.delete(record.receiptHandle);
    } else {
      this.stats.failedInvocations += 1;
    }
    this.onBatch?.(records, response, failure);
    this.running -= 1;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

export function lambdaContext(functionName: string, n: number, remaining: () => number): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '3584',
    awsRequestId: `${functionName}-${n}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'model',
    getRemainingTimeInMillis: remaining,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The SQS client the handlers are given: SendMessage (with DelaySeconds and attributes) into the model's queues by URL. */
export function modelSqsClient(queues: SqsQueue[]): { send(command: { input: unknown; constructor: { name: string } }): Promise<unknown> } {
  const byName = new Map(queues.map((q) => [q.name, q]));
  const queueOf = (url: unknown): SqsQueue => {
    const queue = byName.get(String(url).slice(String(url).lastIndexOf('/') + 1));
    if (queue === undefined) throw Object.assign(new Error(`no queue ${String(url)}`), { name: 'QueueDoesNotExist' });
    return queue;
  };
  return {
    async send(command) {
      const input = command.input as Record<string, unknown>;
      switch (command.constructor.name) {
        case 'SendMessageCommand': {
          const id = queueOf(input['QueueUrl']).send(String(input['MessageBody']), {
            ...(input['DelaySeconds'] === undefined ? {} : { delaySeconds: Number(input['DelaySeconds']) }),
            ...(input['MessageAttributes'] === undefined ? {} : { attributes: input['MessageAttributes'] as Message['attributes'] }),
          });
          return { MessageId: id, $metadata: { httpStatusCode: 200 } };
        }
        case 'SendMessageBatchCommand': {
          const queue = queueOf(input['QueueUrl']);
          const entries = (input['Entries'] ?? []) as {
            Id: string;
            MessageBody: string;
            DelaySeconds?: number;
            MessageAttributes?: Message['attributes'];
          }[];
          const Successful = entries.map((e) => ({
            Id: e.Id,
            MessageId: queue.send(e.MessageBody, {
              ...(e.DelaySeconds === undefined ? {} : { delaySeconds: e.DelaySeconds }),
              ...(e.MessageAttributes === undefined ? {} : { attributes: e.MessageAttributes }),
            }),
          }));
          return { Successful, Failed: [], $metadata: { httpStatusCode: 200 } };
        }
        case 'ReceiveMessageCommand': {
          const queue = queueOf(input['QueueUrl']);
          const records = queue.receive(Number(input['MaxNumberOfMessages'] ?? 1));
          const seconds = input['VisibilityTimeout'];
          if (seconds !== undefined) for (const r of records) queue.changeVisibility(r.receiptHandle, Number(seconds));
          const Messages = records.map((r) => ({
            MessageId: r.messageId,
            ReceiptHandle: r.receiptHandle,
            Body: r.body,
            MessageAttributes: Object.fromEntries(
              Object.entries(r.messageAttributes).map(([k, v]) => [
                k,
                { DataType: v.dataType, ...(v.stringValue === undefined ? {} : { StringValue: v.stringValue }) },
              ]),
            ),
          }));
          return { Messages, $metadata: { httpStatusCode: 200 } };
        }
        case 'DeleteMessageCommand':
          queueOf(input['QueueUrl']).delete(String(input['ReceiptHandle']));
          return { $metadata: { httpStatusCode: 200 } };
        case 'DeleteMessageBatchCommand': {
          const queue = queueOf(input['QueueUrl']);
          const entries = (input['Entries'] ?? []) as { Id: string; ReceiptHandle: string }[];
          for (const e of entries) queue.delete(e.ReceiptHandle);
          return { Successful: entries.map((e) => ({ Id: e.Id })), Failed: [], $metadata: { httpStatusCode: 200 } };
        }
        case 'ChangeMessageVisibilityCommand':
          queueOf(input['QueueUrl']).changeVisibility(String(input['ReceiptHandle']), Number(input['VisibilityTimeout']));
          return { $metadata: { httpStatusCode: 200 } };
        default:
          throw Object.assign(new Error(`the SQS model does not do ${command.constructor.name}`), { name: 'UnsupportedOperation' });
      }
    },
  };
}
