import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FsDocumentStore } from '../../lib/adapters/fs-document-store.ts';
import { S3DocumentStore } from '../../lib/adapters/s3-document-store.ts';
import { InvalidKeyError } from '../../lib/ports/store-errors.ts';
import { documentStoreContract } from './document-store-contract.ts';
import { startLocalS3 } from './local-s3.ts';

documentStoreContract(
  'FsDocumentStore',
  async () => {
    const root = await mkdtemp(join(tmpdir(), 'gouji-fs-store-'));
    return { store: new FsDocumentStore(root), close: () => rm(root, { recursive: true, force: true }) };
  },
  { keepsMetadata: false },
);

documentStoreContract(
  'S3DocumentStore on s3rver',
  async () => {
    const s3 = await startLocalS3();
    return { store: new S3DocumentStore(s3.client, s3.bucket), close: () => s3.stop() };
  },
  { keepsMetadata: true },
);

describe('FsDocumentStore stays inside its root', () => {
  it('rejects keys that climb out, absolute keys and hidden names', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'gouji-fs-root-'));
    const store = new FsDocumentStore(join(parent, 'root'));
    try {
      for (const key of [
        '../outside.json',
        'results/../../outside.json',
        '/etc/passwd',
        'a//b',
        'results/.hidden',
        'C:/x',
        'a\\..\\b',
        'a\0b',
      ]) {
        await assert.rejects(store.put(key, 'x', 'text/plain'), InvalidKeyError, key);
        await assert.rejects(store.get(key, { maxBytes: 10 }), InvalidKeyError, key);
      }
      assert.deepEqual(await readdir(parent), []);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('leaves nothing but the objects in the folder: no temp file, no hidden sidecar', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gouji-fs-tmp-'));
    try {
      const store = new FsDocumentStore(root);
      await store.put('results/r.json', '{}', 'application/json', { 'source-etag': 'e' });
      await writeFile(join(root, 'results', 'plain.txt'), 'dropped by hand');
      const keys: string[] = [];
      for await (const info of store.list('')) keys.push(info.key);
      assert.deepEqual(keys, ['results/plain.txt', 'results/r.json']);
      assert.deepEqual((await readdir(join(root, 'results'))).sort(), ['plain.txt', 'r.json']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
