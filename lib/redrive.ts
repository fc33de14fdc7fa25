import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { MachineryError } from './ports/machinery-error.ts';

export type SqsSender = Pick<SQSClient, 'send'>;

export interface RedriveArgs {
  sqs: SqsSender;
  /** the dead-letter queue (stack output IncomingDlqUrl or TextractCompleteDlqUrl) */
  from: string;
  /** the queue it feeds (IncomingQueueUrl or TextractCompleteQueueUrl) */
  to: string;
  /** stop after this many messages (default: all) */
  max?: number;
  log?: (line: string) => void;
}

export class RedriveError extends MachineryError {
  override readonly name = 'RedriveError';
}

/** How long a message taken from the DLQ stays hidden while it is copied (then deleted). */
const HIDE_SECONDS = 120;

/**
 * `gouji redrive`: moves the messages of a dead-letter queue back to its queue, ten at a time —
 * each is sent (a new message: its receive count starts again) before it is deleted from the DLQ,
 * so a failure half-way leaves it in the DLQ, never lost. Returns how many were moved.
 */
export async function redrive(args: RedriveArgs): Promise<number> {
  let moved = 0;
  const max = args.max ?? Number.POSITIVE_INFINITY;
  while (moved < max) {
    const received = await args.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: args.from,
        MaxNumberOfMessages: Math.min(10, max - moved),
        WaitTimeSeconds: 1,
        VisibilityTimeout: HIDE_SECONDS,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = (received.Messages ?? []).filter(
      (m): m is Message & { Body: string; ReceiptHandle: string } => m.Body !== undefined && m.ReceiptHandle !== undefined,
    );
    if (messages.length === 0) break;
    const sent = await args.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: args.to,
        Entries: messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body,
          ...(m.MessageAttributes === undefined ? {} : { MessageAttributes: m.MessageAttributes as Record<string, MessageAttributeValue> }),
        })),
      }),
    );
    const ok = (sent.Successful ?? []).map((s) => messages[Number(s.Id)]!);
    if (ok.length > 0) {
      await args.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: args.from,
          Entries: ok.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
    for (const m of ok) args.log?.(`↩ ${describe(m.Body)}`);
    moved += ok.length;
    if ((sent.Failed ?? []).length > 0) {
      throw new RedriveError(
        `SQS refused ${sent.Failed?.length} messages (${sent.Failed?.[0]?.Code ?? 'unknown'}); they stay in the DLQ`,
        true,
      );
    }
  }
  return moved;
}

/** The S3 key (or Textract job) a message is about, for the operator's log. */
function describe(body: string): string {
  const key = /"key"\s*:\s*"([^"]+)"/.exec(body)?.[1];
  if (key !== undefined) return decodeURIComponent(key.replace(/\+/g, ' '));
  const job = /JobId\\?"\s*:\s*\\?"([^"\\]+)/.exec(body)?.[1];
  return job === undefined ? body.slice(0, 80) : `Textract job ${job}`;
}
