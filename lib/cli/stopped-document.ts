import type { Result, Source } from '../model/result.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { detectKind, mediaTypeOf } from '../read/detect-kind.ts';
import { writeOutputs } from '../result-outputs.ts';
import { sha256Of } from '../sha256.ts';
import { unreadableResult } from '../unreadable-result.ts';
import type { PoolOutcome } from './document-pool.ts';

/**
 * The result of a document whose worker had to be stopped: `document.timeout` for a document over
 * its time or memory budget (it never finished), `document.internalError` for a worker that died.
 * Written like any result, so the batch's outputs stay complete and a rerun skips it.
 */
export async function writeStoppedResult(
  source: DocumentStore,
  key: string,
  target: DocumentStore,
  stem: string,
  stopped: Extract<PoolOutcome, { kind: 'stopped' }>,
  budget: { timeoutMs: number; memoryMb: number; maxBytes: number },
): Promise<Result> {
  const document = await source.get(key, { maxBytes: budget.maxBytes });
  const name = key.slice(key.lastIndexOf('/') + 1);
  const identity: Source = {
    uri: document.uri,
    sha256: sha256Of(document.bytes),
    bytes: document.bytes.length,
    mediaType: mediaTypeOf(detectKind(document.bytes, name), name),
    ...(document.etag === undefined ? {} : { etag: document.etag }),
  };
  const result =
    stopped.why === 'time'
      ? unreadableResult(identity, 'timeout', `处理超过 ${budget.timeoutMs / 1000} 秒仍未完成，已强制停止；文件可能异常。`)
      : stopped.why === 'memory'
        ? unreadableResult(identity, 'timeout', `处理时内存超过 ${budget.memoryMb} MB 上限，已强制停止；文件可能异常。`)
        : unreadableResult(identity, 'internalError', `读取此文件时处理进程意外终止（${stopped.detail}），文件可能已损坏或格式异常。`);
  await writeOutputs(target, stem, result);
  return result;
}
