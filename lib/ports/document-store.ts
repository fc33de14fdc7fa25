/** Where documents are read from and results written to: the local filesystem or S3. */
export interface StoredDocument {
  key: string;
  /** s3://bucket/key or file:///abs/path */
  uri: string;
  bytes: Uint8Array;
  contentType?: string;
  /** without quotes */
  etag?: string;
  versionId?: string;
}

export interface StoredObjectInfo {
  key: string;
  size: number;
  /** without quotes */
  etag?: string;
  versionId?: string;
  lastModified?: Date;
}

export interface GetOptions {
  /** refuse (ObjectTooLargeError) before downloading anything larger */
  maxBytes: number;
}

export interface DocumentStore {
  /** the URI an object of this key has (s3://bucket/key, file:///abs/path) */
  uri(key: string): string;
  /** ObjectNotFoundError when absent, ObjectTooLargeError over `maxBytes`, StoreError otherwise */
  get(key: string, options: GetOptions): Promise<StoredDocument>;
  /** writes the whole object or nothing; metadata keys lower-case ASCII */
  put(key: string, body: Uint8Array | string, contentType: string, metadata?: Record<string, string>): Promise<void>;
  head(key: string): Promise<(StoredObjectInfo & { metadata: Record<string, string> }) | null>;
  /** removes the object; absent is not an error */
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<StoredObjectInfo>;
}
