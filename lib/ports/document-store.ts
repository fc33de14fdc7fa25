/** Where documents are read from and results written to: the local filesystem or S3. */
export interface StoredDocument {
  key: string;
  /** s3://bucket/key or file:///abs/path */
  uri: string;
  bytes: Uint8Array;
  contentType?: string;
  etag?: string;
  versionId?: string;
}

export interface StoredObjectInfo {
  key: string;
  size: number;
  etag?: string;
  lastModified?: Date;
}

export interface GetOptions {
  /** refuse (ObjectTooLargeError) before downloading anything larger */
  maxBytes: number;
}

export interface DocumentStore {
  get(key: string, options: GetOptions): Promise<StoredDocument>;
  /** writes the whole object or nothing */
  put(key: string, body: Uint8Array | string, contentType: string, metadata?: Record<string, string>): Promise<void>;
  head(key: string): Promise<(StoredObjectInfo & { metadata: Record<string, string> }) | null>;
  list(prefix: string): AsyncIterable<StoredObjectInfo>;
}
