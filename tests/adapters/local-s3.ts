import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  client: S3Client;
  /** a client for another endpoint (a fault-injecting proxy in front of this server) */
  clientFor(endpoint: string): S3Client;
  stop(): Promise<void>;
}

/** A real S3 API (s3rver) on 127.0.0.1, a random port and a temp folder, with one bucket. */
export async function startLocalS3(bucket = 'gouji-test'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'gouji-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const clientFor = (url: string): S3Client =>
    new S3Client({
      endpoint: url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      // s3rver predates flexible checksums (aws-chunked bodies); send them only when required.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
    });
  const client = clientFor(endpoint);
  return {
    endpoint,
    bucket,
    client,
    clientFor,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The environment the Lambda handlers read, pointed at a local S3 endpoint, OCR off, quiet. */
export function useLocalLambdaEnv(endpoint: string): void {
  Object.assign(process.env, {
    GOUJI_S3_ENDPOINT: endpoint,
    GOUJI_OCR_ENGINE: 'none',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  });
}
