import { z } from 'zod';

/**
 * What Textract publishes to the job's SNS topic when an asynchronous analysis ends (Textract
 * developer guide, "Calling Amazon Textract asynchronous operations").
 */
export const TextractCompletionSchema = z.object({
  JobId: z.string().min(1),
  Status: z.enum(['SUCCEEDED', 'FAILED', 'ERROR', 'PARTIAL_SUCCESS']),
  API: z.string(),
  JobTag: z.string().optional(),
  Timestamp: z.number().optional(),
  DocumentLocation: z.object({ S3ObjectName: z.string().min(1), S3Bucket: z.string().min(1) }),
});
export type TextractCompletion = z.infer<typeof TextractCompletionSchema>;

/** The SNS envelope SQS receives from a topic subscription without raw message delivery. */
const SnsEnvelopeSchema = z.object({ Type: z.literal('Notification'), TopicArn: z.string(), Message: z.string() });

/** Parses one SQS body from the completion queue (SNS envelope, or the raw message). */
export function parseTextractCompletion(body: string): TextractCompletion {
  const json: unknown = JSON.parse(body);
  const envelope = SnsEnvelopeSchema.safeParse(json);
  return TextractCompletionSchema.parse(envelope.success ? JSON.parse(envelope.data.Message) : json);
}
