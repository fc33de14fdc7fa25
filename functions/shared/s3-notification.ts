import { z } from 'zod';

/**
 * The S3 event notification as S3 puts it in an SQS message body (event structure v2.1, see
 * "Event message structure" in the S3 user guide). Only the fields we use are required.
 */
export const S3EventRecordSchema = z.object({
  eventVersion: z.string(),
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  eventTime: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1), arn: z.string().optional() }),
    object: z.object({
      /** URL-encoded: `+` for a space, `%E5%B9%B4` for 年 */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof S3EventRecordSchema>;

export const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema) });

/** Sent once when a notification configuration is saved; carries no object. */
export const S3TestEventSchema = z.object({ Service: z.literal('Amazon S3'), Event: z.literal('s3:TestEvent'), Bucket: z.string() });

export const S3NotificationSchema = z.union([S3EventSchema, S3TestEventSchema]);

/** One object to process, with its key decoded. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size?: number;
  etag?: string;
  versionId?: string;
}

/** S3 keys in notifications are form-encoded: `+` is a space, then percent-decoding (UTF-8). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export { encodeS3Key } from '../../lib/enqueue.ts';

/**
 * Parses one SQS body: the ObjectCreated records it carries ([] for a test event or other event
 * types). Throws (zod or URIError) for a body that is not an S3 notification.
 */
export function parseS3Notification(body: string): ObjectCreated[] {
  const parsed = S3NotificationSchema.parse(JSON.parse(body));
  if (!('Records' in parsed)) return [];
  return parsed.Records.filter((record) => record.eventName.startsWith('ObjectCreated:')).map((record) => {
    const { size, eTag, versionId } = record.s3.object;
    return {
      bucket: record.s3.bucket.name,
      key: decodeS3Key(record.s3.object.key),
      ...(size === undefined ? {} : { size }),
      ...(eTag === undefined ? {} : { etag: eTag }),
      ...(versionId === undefined ? {} : { versionId }),
    };
  });
}
