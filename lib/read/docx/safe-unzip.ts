import { type UnzipFileInfo, unzipSync } from 'fflate';

/** Limits against zip bombs: checked on the declared sizes before anything is inflated. */
export interface ZipLimits {
  maxEntries: number;
  /** largest declared uncompressed size of one extracted entry */
  maxEntryBytes: number;
  /** largest sum of declared uncompressed sizes over every entry of the archive */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

export type ZipRead = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; problem: 'notZip' | 'tooLarge'; detail: string };

class LimitExceeded extends Error {}

/**
 * Extracts the named entries of a zip archive, refusing archives with too many entries or whose
 * declared sizes exceed the limits. fflate inflates into a buffer of the declared size, so a
 * lying header cannot make it allocate more.
 */
export function unzipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limits = DEFAULT_ZIP_LIMITS): ZipRead {
  const infos: UnzipFileInfo[] = [];
  try {
    // first pass: read the central directory only (the filter declines every entry)
    unzipSync(bytes, {
      filter: (info) => {
        infos.push(info);
        if (infos.length > limits.maxEntries) throw new LimitExceeded(`超过 ${limits.maxEntries} 个压缩条目`);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, problem: 'tooLarge', detail: error.message };
    return { ok: false, problem: 'notZip', detail: error instanceof Error ? error.message : String(error) };
  }
  const total = infos.reduce((sum, info) => sum + info.originalSize, 0);
  if (total > limits.maxTotalBytes) {
    return { ok: false, problem: 'tooLarge', detail: `解压后共 ${total} 字节，超过上限 ${limits.maxTotalBytes}` };
  }
  const big = infos.find((info) => wanted(info.name) && info.originalSize > limits.maxEntryBytes);
  if (big) return { ok: false, problem: 'tooLarge', detail: `${big.name} 解压后 ${big.originalSize} 字节，超过上限` };
  try {
    const files = unzipSync(bytes, { filter: (info) => wanted(info.name) });
    return { ok: true, entries: new Map(Object.entries(files)) };
  } catch (error) {
    return { ok: false, problem: 'notZip', detail: error instanceof Error ? error.message : String(error) };
  }
}
