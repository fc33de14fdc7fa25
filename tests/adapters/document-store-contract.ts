import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentStore } from '../../lib/ports/document-store.ts';
import { InvalidKeyError, ObjectNotFoundError, ObjectTooLargeError } from '../../lib/ports/store-errors.ts';

/** The behaviour every DocumentStore promises; run against each implementation. */
export function documentStoreContract(
  name: string,
  open: () => Promise<{ store: DocumentStore; close: () => Promise<void> }>,
  /** S3 keeps user metadata on an object; a folder of files does not (results record their source) */
  traits: { keepsMetadata: boolean },
): void {
  describe(`${name} (DocumentStore contract)`, () => {
    const withStore = (fn: (store: DocumentStore) => Promise<void>) => async () => {
      const { store, close } = await open();
      try {
        await fn(store);
      } finally {
        await close();
      }
    };

    it(
      'reads back what it wrote, with content type, metadata and an ETag',
      withStore(async (store) => {
        const key = 'results/2023/金水区 商务局.json';
        await store.put(key, '{"status":"valid"}', 'application/json; charset=utf-8', { 'source-etag': 'abc123' });
        const doc = await store.get(key, { maxBytes: 1000 });
        assert.equal(new TextDecoder().decode(doc.bytes), '{"status":"valid"}');
        assert.equal(doc.key, key);
        assert.match(doc.contentType ?? '', /^application\/json/);
        assert.ok(doc.etag !== undefined && doc.etag.length > 0 && !doc.etag.includes('"'));
        assert.equal(doc.uri, store.uri(key));
        const head = await store.head(key);
        assert.equal(head?.size, Buffer.byteLength('{"status":"valid"}'));
        assert.equal(head?.metadata['source-etag'], traits.keepsMetadata ? 'abc123' : undefined);
        assert.equal(head?.etag, doc.etag);
      }),
    );

    it(
      'keeps binary bytes intact',
      withStore(async (store) => {
        const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
        await store.put('incoming/scan.pdf', bytes, 'application/pdf');
        const doc = await store.get('incoming/scan.pdf', { maxBytes: 100_000 });
        assert.deepEqual(Buffer.from(doc.bytes), Buffer.from(bytes));
      }),
    );

    it(
      'refuses an object over maxBytes with ObjectTooLargeError',
      withStore(async (store) => {
        await store.put('incoming/big.txt', 'x'.repeat(2_000), 'text/plain');
        await assert.rejects(store.get('incoming/big.txt', { maxBytes: 1_999 }), (error: unknown) => {
          assert.ok(error instanceof ObjectTooLargeError);
          assert.equal(error.size, 2_000);
          assert.equal(error.retryable, false);
          return true;
        });
        const doc = await store.get('incoming/big.txt', { maxBytes: 2_000 });
        assert.equal(doc.bytes.byteLength, 2_000);
      }),
    );

    it(
      'reports a missing object as null on head and ObjectNotFoundError on get',
      withStore(async (store) => {
        assert.equal(await store.head('incoming/nothing.pdf'), null);
        await assert.rejects(store.get('incoming/nothing.pdf', { maxBytes: 10 }), ObjectNotFoundError);
      }),
    );

    it(
      'replaces an object whole and changes its ETag',
      withStore(async (store) => {
        await store.put('results/a.json', 'first', 'application/json');
        const first = await store.head('results/a.json');
        await new Promise((r) => setTimeout(r, 5));
        await store.put('results/a.json', 'second version', 'application/json');
        const second = await store.head('results/a.json');
        assert.notEqual(first?.etag, second?.etag);
        assert.equal(new TextDecoder().decode((await store.get('results/a.json', { maxBytes: 100 })).bytes), 'second version');
      }),
    );

    it(
      'lists the objects under a prefix only, and deletes',
      withStore(async (store) => {
        await store.put('incoming/2023/报告 一.pdf', 'a', 'application/pdf');
        await store.put('incoming/b.txt', 'bb', 'text/plain');
        await store.put('results/b.json', '{}', 'application/json');
        const listed: string[] = [];
        for await (const info of store.list('incoming/')) listed.push(`${info.key}:${info.size}`);
        assert.deepEqual(listed.sort(), ['incoming/2023/报告 一.pdf:1', 'incoming/b.txt:2']);
        await store.delete('incoming/b.txt');
        await store.delete('incoming/b.txt');
        assert.equal(await store.head('incoming/b.txt'), null);
      }),
    );

    it(
      'rejects an empty key',
      withStore(async (store) => {
        await assert.rejects(store.put('', 'x', 'text/plain'), InvalidKeyError);
      }),
    );
  });
}
