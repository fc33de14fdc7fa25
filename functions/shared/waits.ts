import type { SQSRecord } from 'aws-lambda';

/**
 * A message that waits for a Textract slot is sent to its queue again with a delay and this
 * attribute counting the waits: SQS counts every receive towards the dead-letter queue, so a
 * message put back with a failure (or ChangeMessageVisibility) would reach the DLQ after
 * maxReceiveCount waits for a quota, which is no fault of the document.
 */
export const WAITS_ATTRIBUTE = 'gouji-waits';
/** first wait; doubles with each wait */
const FIRST_WAIT_S = 30;
/** SQS's longest DelaySeconds */
export const MAX_DELAY_S = 900;

export function waitsOf(record: Pick<SQSRecord, 'messageAttributes'>): number {
  const value = Number(record.messageAttributes?.[WAITS_ATTRIBUTE]?.stringValue ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** Growing delay with jitter: 30 s, 60 s, 120 s … up to 15 minutes, each ±20 %. */
export function waitDelaySeconds(waits: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_S, FIRST_WAIT_S * 2 ** Math.max(0, waits - 1));
  return Math.min(MAX_DELAY_S, Math.max(1, Math.round(base * (0.8 + 0.4 * random()))));
}
