import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { S3DocumentStore } from '../../lib/adapters/s3-document-store.ts';
import type { DocumentStore } from '../../lib/ports/document-store.ts';

/** Settings the functions need beyond the core's Config; set by the CDK stack. */
export const FunctionEnvSchema = z.object({
  GOUJI_TEXTRACT_TOPIC_ARN: z.string().optional(),
  GOUJI_TEXTRACT_ROLE_ARN: z.string().optional(),
  /** the DynamoDB table of Textract jobs (partition key `id`) */
  GOUJI_JOB_TABLE: z.string().optional(),
  /** the queue this function reads: a message waiting for a Textract slot is sent here again */
  GOUJI_INCOMING_QUEUE_URL: z.string().optional(),
  /** at most this many Textract jobs open at once (at or below the account's quota) */
  GOUJI_TEXTRACT_MAX_OPEN_JOBS: z.coerce.number().int().positive().default(100),
  /** at most this many StartDocumentAnalysis calls a second (at or below the account's quota) */
  GOUJI_TEXTRACT_STARTS_PER_SECOND: z.coerce.number().int().positive().default(2),
  /** for `npm run local`, the drill and tests: an S3-compatible endpoint (path-style) */
  GOUJI_S3_ENDPOINT: z.url().optional(),
  /** for the drill and tests: a DynamoDB-compatible endpoint (dynalite) */
  GOUJI_DYNAMODB_ENDPOINT: z.url().optional(),
});
export type FunctionEnv = z.infer<typeof FunctionEnvSchema>;

/** Parses the function's own variables; throws naming the variable. */
export function functionEnv(env: Record<string, string | undefined>): FunctionEnv {
  const parsed = FunctionEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid setting ${String(issue?.path[0])}: ${issue?.message ?? 'invalid value'}`);
}

/** An S3 client for the region of the function, or a local endpoint. */
export function s3ClientFor(env: FunctionEnv): S3Client {
  if (env.GOUJI_S3_ENDPOINT === undefined) return new S3Client({});
  return new S3Client({
    endpoint: env.GOUJI_S3_ENDPOINT,
    forcePathStyle: true,
    region: process.env['AWS_REGION'] ?? 'us-east-1',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** One store per bucket, reused across invocations. */
export function storesFor(s3: S3Client): (bucket: string) => DocumentStore {
  const stores = new Map<string, DocumentStore>();
  return (bucket) => {
    let store = stores.get(bucket);
    if (store === undefined) {
      store = new S3DocumentStore(s3, bucket);
      stores.set(bucket, store);
    }
    return store;
  };
}

/** `name` must be set: the stack sets it for the engine chosen. */
export function required(env: FunctionEnv, name: keyof FunctionEnv): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`GOUJI_OCR_ENGINE=textract needs ${name}`);
  return String(value);
}
