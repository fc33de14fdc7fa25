import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { DocumentStore, GetOptions, StoredDocument, StoredObjectInfo } from '../ports/document-store.ts';
import { InvalidKeyError, ObjectNotFoundError, ObjectTooLargeError, StoreError } from '../ports/store-errors.ts';

/** A DocumentStore over one S3 bucket. Keys are object keys as stored (already URL-decoded). */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  uri(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  async get(key: string, options: GetOptions): Promise<StoredDocument> {
    checkKey(key);
    // Size from HeadObject before downloading anything; then pin the GET to that ETag so the
    // object cannot be swapped for a bigger one in between.
    const head = await this.head(key);
    if (head === null) throw new ObjectNotFoundError(key);
    if (head.size > options.maxBytes) throw new ObjectTooLargeError(key, head.size, options.maxBytes);
    const response = await this.s3
      .send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(head.etag === undefined ? {} : { IfMatch: quote(head.etag) }),
          ...(head.versionId === undefined ? {} : { VersionId: head.versionId }),
        }),
      )
      .catch((error: unknown) => {
        throw toStoreError(error, key, 'GetObject');
      });
    const declared = response.ContentLength ?? 0;
    if (declared > options.maxBytes) throw new ObjectTooLargeError(key, declared, options.maxBytes);
    const bytes = await readCapped(response.Body as AsyncIterable<Uint8Array> | undefined, key, options.maxBytes);
    const etag = unquote(response.ETag) ?? head.etag;
    const versionId = response.VersionId ?? head.versionId;
    return {
      key,
      uri: this.uri(key),
      bytes,
      ...(response.ContentType === undefined ? {} : { contentType: response.ContentType }),
      ...(etag === undefined ? {} : { etag }),
      ...(versionId === undefined ? {} : { versionId }),
    };
  }

  async put(key: string, body: Uint8Array | string, contentType: string, metadata: Record<string, string> = {}): Promise<void> {
    checkKey(key);
    // One PutObject is atomic in S3: readers see the old object or the new one.
    await this.s3
      .send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }))
      .catch((error: unknown) => {
        throw toStoreError(error, key, 'PutObject');
      });
  }

  async head(key: string): Promise<(StoredObjectInfo & { metadata: Record<string, string> }) | null> {
    checkKey(key);
    try {
      const response = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const etag = unquote(response.ETag);
      return {
        key,
        size: response.ContentLength ?? 0,
        metadata: response.Metadata ?? {},
        ...(etag === undefined ? {} : { etag }),
        ...(response.VersionId === undefined ? {} : { versionId: response.VersionId }),
        ...(response.LastModified === undefined ? {} : { lastModified: response.LastModified }),
      };
    } catch (error) {
      const stored = toStoreError(error, key, 'HeadObject');
      if (stored instanceof ObjectNotFoundError) return null;
      throw stored;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch((error: unknown) => {
      throw toStoreError(error, key, 'DeleteObject');
    });
  }

  async *list(prefix: string): AsyncIterable<StoredObjectInfo> {
    let token: string | undefined;
    do {
      const page = await this.s3
        .send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }),
        )
        .catch((error: unknown) => {
          throw toStoreError(error, prefix, 'ListObjectsV2');
        });
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        const etag = unquote(object.ETag);
        yield {
          key: object.Key,
          size: object.Size ?? 0,
          ...(etag === undefined ? {} : { etag }),
          ...(object.LastModified === undefined ? {} : { lastModified: object.LastModified }),
        };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }
}

/** Reads a body stream, stopping as soon as it passes `maxBytes` (a lying Content-Length). */
async function readCapped(body: AsyncIterable<Uint8Array> | undefined, key: string, maxBytes: number): Promise<Uint8Array> {
  if (body === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      length += chunk.byteLength;
      if (length > maxBytes) {
        (body as { destroy?: () => void }).destroy?.();
        throw new ObjectTooLargeError(key, length, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw error instanceof StoreError ? error : new StoreError(`reading ${key} failed`, { cause: error, retryable: true });
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function checkKey(key: string): void {
  if (key === '' || key.length > 1024) throw new InvalidKeyError(key);
}

function quote(etag: string): string {
  return `"${etag}"`;
}

function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^(W\/)?"(.*)"$/, '$2');
}

const THROTTLING = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'InternalError',
  'ServiceUnavailable',
]);

/** Maps an SDK error to a StoreError; 5xx, throttling and network errors are retryable. */
function toStoreError(error: unknown, key: string, operation: string): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown } | undefined;
  const status = e?.$metadata?.httpStatusCode;
  const name = e?.name ?? 'Error';
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) return new ObjectNotFoundError(key, error);
  const retryable = status === undefined || status >= 500 || status === 429 || THROTTLING.has(name) || e?.$retryable !== undefined;
  return new StoreError(`S3 ${operation} ${key} failed: ${name}${status === undefined ? '' : ` (${status})`}`, { cause: error, retryable });
}
