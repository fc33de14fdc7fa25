import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentStore, GetOptions, StoredDocument, StoredObjectInfo } from '../ports/document-store.ts';
import { InvalidKeyError, ObjectNotFoundError, ObjectTooLargeError, StoreError } from '../ports/store-errors.ts';

// A folder holds only what a user expects to see: no sidecars. Files have no user metadata (results
// record their source themselves) and their content type follows the extension.
const isHiddenOrTemp = (name: string): boolean => name.startsWith('.');
const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  parquet: 'application/vnd.apache.parquet',
};
const contentTypeOf = (key: string): string | undefined => CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()];

/**
 * A DocumentStore over one folder: keys are `/`-separated paths below it, never outside.
 * Its file calls are synchronous inside the async interface: `gouji process` runs it in worker
 * threads that have nothing else to do meanwhile, and each awaited step (mkdir, open, write,
 * close, rename) was a thread-pool round trip — about a tenth of a batch's time spent idle.
 * A file is written whole or not at all (a temporary file renamed into place), whenever the process
 * stops. Nothing is fsynced: on this machine an fsync per output cost a batch of 60 PDFs 0.7 s of
 * its 4 s while other work wrote to the disk; after a power cut a result the OS had not yet
 * written may be empty, and an empty result does not parse, so the next run reads that document again.
 */
export class FsDocumentStore implements DocumentStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  uri(key: string): string {
    return pathToFileURL(this.pathOf(key)).href;
  }

  /** Resolves a key to a path below the root; rejects `..`, absolute keys, NUL and dot-names. */
  private pathOf(key: string): string {
    const parts = key.split('/');
    if (
      key === '' ||
      key.includes('\0') ||
      key.includes('\\') ||
      posix.isAbsolute(key) ||
      /^[a-zA-Z]:/.test(key) ||
      parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))
    ) {
      throw new InvalidKeyError(key);
    }
    const path = resolve(this.root, ...parts);
    if (!path.startsWith(this.root + sep)) throw new InvalidKeyError(key);
    return path;
  }

  async get(key: string, options: GetOptions): Promise<StoredDocument> {
    const path = this.pathOf(key);
    // Check the size on the open handle, then read at most maxBytes + 1 from it.
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw wrap(error, key);
    }
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) throw new ObjectNotFoundError(key);
      if (info.size > options.maxBytes) throw new ObjectTooLargeError(key, info.size, options.maxBytes);
      const buffer = Buffer.alloc(Math.min(info.size, options.maxBytes) + 1);
      let length = 0;
      for (;;) {
        const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > options.maxBytes) throw new ObjectTooLargeError(key, length, options.maxBytes);
      }
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
      const contentType = contentTypeOf(key);
      return {
        key,
        uri: pathToFileURL(path).href,
        bytes,
        etag: etagOf(info.size, info.mtimeMs),
        ...(contentType === undefined ? {} : { contentType }),
      };
    } finally {
      closeSync(fd);
    }
  }

  /** The content type follows the extension and files keep no user metadata: both are ignored here. */
  async put(key: string, body: Uint8Array | string, _contentType?: string, _metadata?: Record<string, string>): Promise<void> {
    const path = this.pathOf(key);
    try {
      mkdirSync(dirname(path), { recursive: true });
      atomicWrite(path, body);
    } catch (error) {
      throw wrap(error, key);
    }
  }

  async head(key: string): Promise<(StoredObjectInfo & { metadata: Record<string, string> }) | null> {
    const path = this.pathOf(key);
    let info: Stats | null;
    try {
      info = statSync(path);
    } catch (error) {
      if (!isNotFound(error)) throw wrap(error, key);
      info = null;
    }
    if (info === null || !info.isFile()) return null;
    return { key, size: info.size, etag: etagOf(info.size, info.mtimeMs), lastModified: info.mtime, metadata: {} };
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      rmSync(path, { force: true });
    } catch (error) {
      throw wrap(error, key);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObjectInfo> {
    const keys: string[] = [];
    await collect(this.root, '', keys);
    for (const key of keys.sort()) {
      if (!key.startsWith(prefix)) continue;
      const info = await this.head(key);
      if (info !== null)
        yield {
          key,
          size: info.size,
          ...(info.etag === undefined ? {} : { etag: info.etag }),
          ...(info.lastModified === undefined ? {} : { lastModified: info.lastModified }),
        };
    }
  }
}

async function collect(dir: string, prefix: string, keys: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (isNotFound(error)) return [];
    throw wrap(error, prefix);
  });
  for (const entry of entries) {
    if (isHiddenOrTemp(entry.name)) continue;
    if (entry.isDirectory()) await collect(join(dir, entry.name), `${prefix}${entry.name}/`, keys);
    else if (entry.isFile()) keys.push(`${prefix}${entry.name}`);
  }
}

/** Temp file in the same folder, then rename: readers see the old object or the new, never half. */
function atomicWrite(path: string, body: Uint8Array | string): void {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, body);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A cheap change marker (size + mtime), like a weak HTTP ETag. */
function etagOf(size: number, mtimeMs: number): string {
  return createHash('sha256').update(`${size}:${mtimeMs}`).digest('hex').slice(0, 32);
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function wrap(error: unknown, key: string): Error {
  if (error instanceof StoreError) return error;
  if (isNotFound(error)) return new ObjectNotFoundError(key, error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A full disk or too many open files may clear up; permissions and the like will not.
  const retryable = code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE' || code === 'EBUSY' || code === 'EAGAIN';
  return new StoreError(`filesystem ${code ?? 'error'} on ${key}`, { cause: error, retryable });
}
