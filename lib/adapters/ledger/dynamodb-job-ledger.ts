import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { JobLedger, JobState, OcrJobRecord } from '../../ports/job-ledger.ts';
import { LedgerError } from './ledger-error.ts';

export type DynamoSender = Pick<DynamoDBClient, 'send'>;

/** The one item holding the open-job slots and the start counter of the current second. */
const SLOTS_ID = '#slots';
/** A slot whose job never reported back (a lost completion) is freed after this long. */
export const SLOT_STALE_MS = 6 * 60 * 60 * 1000;
/** Job records expire (DynamoDB TTL) after a month; a result is what lasts. */
const RECORD_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * The job ledger in one DynamoDB table (partition key `id`, TTL attribute `expiresAt`): one item per
 * document identity, and one item whose map `open` holds the tokens of open jobs, so the cap is a
 * condition on `size(open)` and every start and release is one conditional write.
 */
export class DynamoJobLedger implements JobLedger {
  constructor(
    private readonly dynamo: DynamoSender,
    readonly table: string,
  ) {}

  async get(id: string): Promise<OcrJobRecord | null> {
    const response = await this.call('GetItem', new GetItemCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    const json = response.Item?.['record']?.S;
    return json === undefined ? null : (JSON.parse(json) as OcrJobRecord);
  }

  async put(record: OcrJobRecord, expected: { state: JobState | null; attempt?: number }): Promise<boolean> {
    const values: Record<string, AttributeValue> = {};
    let condition = 'attribute_not_exists(id)';
    if (expected.state !== null) {
      condition = '#state = :state';
      values[':state'] = { S: expected.state };
      if (expected.attempt !== undefined) {
        condition += ' AND attempt = :attempt';
        values[':attempt'] = { N: String(expected.attempt) };
      }
    }
    return this.conditional(
      new PutItemCommand({
        TableName: this.table,
        Item: {
          id: { S: record.id },
          state: { S: record.state },
          attempt: { N: String(record.attempt) },
          record: { S: JSON.stringify(record) },
          expiresAt: { N: String(Math.floor(record.updatedAt / 1000) + RECORD_TTL_SECONDS) },
        },
        ConditionExpression: condition,
        ...(expected.state === null ? {} : { ExpressionAttributeNames: { '#state': 'state' } }),
        ...(Object.keys(values).length === 0 ? {} : { ExpressionAttributeValues: values }),
      }),
    );
  }

  async acquireSlot(token: string, limits: { cap: number; perSecond: number }, nowMs: number): Promise<boolean> {
    const second = Math.floor(nowMs / 1000);
    const names = { '#open': 'open', '#t': token, '#sec': 'second' };
    const base = { ':now': { N: String(nowMs) }, ':cap': { N: String(limits.cap) }, ':one': { N: '1' }, ':sec': { N: String(second) } };
    let purged = false;
    // A few rounds: a write can lose to another one that only moved the second on.
    for (let round = 0; round < 4; round++) {
      // Same second: one more start if the rate and the cap allow.
      const sameSecond = new UpdateItemCommand({
        TableName: this.table,
        Key: key(SLOTS_ID),
        UpdateExpression: 'SET #open.#t = :now, starts = starts + :one',
        ConditionExpression: '#sec = :sec AND starts < :rate AND size(#open) < :cap AND attribute_not_exists(#open.#t)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...base, ':rate': { N: String(limits.perSecond) } },
      });
      if (await this.conditional(sameSecond)) return true;
      // A new second: the counter starts again.
      const newSecond = new UpdateItemCommand({
        TableName: this.table,
        Key: key(SLOTS_ID),
        UpdateExpression: 'SET #open.#t = :now, #sec = :sec, starts = :one',
        ConditionExpression: '#sec < :sec AND size(#open) < :cap AND attribute_not_exists(#open.#t)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: base,
      });
      if (await this.conditional(newSecond)) return true;
      const slots = await this.call('GetItem', new GetItemCommand({ TableName: this.table, Key: key(SLOTS_ID), ConsistentRead: true }));
      const item = slots.Item;
      if (item === undefined) {
        await this.conditional(
          new PutItemCommand({
            TableName: this.table,
            Item: { id: { S: SLOTS_ID }, open: { M: {} }, second: { N: '0' }, starts: { N: '0' } },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        );
        continue;
      }
      const open = item['open']?.M ?? {};
      if (open[token] !== undefined) return true;
      const rateSpent = Number(item['second']?.N) >= second && Number(item['starts']?.N) >= limits.perSecond;
      if (rateSpent) return false;
      if (Object.keys(open).length < limits.cap) continue;
      // Full: free the slots of jobs whose completion never came, then try again.
      const stale = Object.entries(open).filter(([, at]) => nowMs - Number(at.N) > SLOT_STALE_MS);
      if (stale.length === 0 || purged) return false;
      for (const [held, at] of stale) await this.removeSlot(held, at);
      purged = true;
    }
    return false;
  }

  async releaseSlot(token: string): Promise<void> {
    await this.removeSlot(token);
  }

  private async removeSlot(token: string, heldSince?: AttributeValue): Promise<void> {
    await this.conditional(
      new UpdateItemCommand({
        TableName: this.table,
        Key: key(SLOTS_ID),
        UpdateExpression: 'REMOVE #open.#t',
        ConditionExpression: heldSince === undefined ? 'attribute_exists(#open)' : '#open.#t = :at',
        ExpressionAttributeNames: { '#open': 'open', '#t': token },
        ...(heldSince === undefined ? {} : { ExpressionAttributeValues: { ':at': heldSince } }),
      }),
    );
  }

  /** Sends a conditional write: true when written, false when its condition did not hold. */
  private async conditional(command: PutItemCommand | UpdateItemCommand): Promise<boolean> {
    try {
      await this.dynamo.send(command as PutItemCommand);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw LedgerError.of(command.constructor.name.replace(/Command$/, ''), error);
    }
  }

  private async call(action: string, command: GetItemCommand) {
    try {
      return await this.dynamo.send(command);
    } catch (error) {
      throw LedgerError.of(action, error);
    }
  }
}

const key = (id: string): Record<string, AttributeValue> => ({ id: { S: id } });
