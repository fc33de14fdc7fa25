import CFB from 'cfb';

/**
 * OLE compound files for tests, written by SheetJS's `cfb` (a writer made for the job), and the
 * offsets a test needs to damage one the way a corrupt or hostile file is damaged.
 */

/** A compound file whose root holds these streams (under 4096 bytes they go to the mini stream). */
export function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const file = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(file, `/${name}`, Buffer.from(content));
  return new Uint8Array(CFB.write(file, { type: 'buffer' }) as Buffer);
}

/** The streams of a compound file (a benign one: this uses the same library to read). */
export function oleStreams(bytes: Uint8Array): Record<string, Uint8Array> {
  const file = CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const out: Record<string, Uint8Array> = {};
  file.FileIndex.forEach((entry, i) => {
    const path = file.FullPaths[i]!;
    if (entry.type === 2 && path.split('/').length === 2 && entry.content) out[entry.name] = new Uint8Array(entry.content as Buffer);
  });
  return out;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Geometry of a (version 3, 512-byte sector) compound file as written above. */
export function oleGeometry(bytes: Uint8Array) {
  const v = view(bytes);
  const sectorSize = 1 << v.getUint16(0x1e, true);
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const firstFatSector = v.getUint32(0x4c, true);
  /** byte offset of the FAT entry of `sector` (the first FAT sector holds 128 entries) */
  const fatEntry = (sector: number) => {
    if (sector >= sectorSize / 4) throw new Error('test helper: only the first FAT sector is mapped');
    return sectorOffset(firstFatSector) + 4 * sector;
  };
  /** byte offset of the directory entry named `name`, following the directory's chain */
  const directoryEntry = (name: string) => {
    const seen = new Set<number>();
    for (let sector = v.getUint32(0x30, true); sector < 0xfffffffa && !seen.has(sector); sector = v.getUint32(fatEntry(sector), true)) {
      seen.add(sector);
      const base = sectorOffset(sector);
      for (let at = base; at < base + sectorSize; at += 128) {
        const length = v.getUint16(at + 64, true);
        const entryName = Buffer.from(bytes.subarray(at, at + Math.max(0, length - 2))).toString('utf16le');
        if (entryName === name) return at;
      }
    }
    throw new Error(`test helper: no directory entry ${name}`);
  };
  const streamStart = (name: string) => v.getUint32(directoryEntry(name) + 116, true);
  return { sectorSize, fatEntry, directoryEntry, streamStart };
}

export function setUint32(bytes: Uint8Array, at: number, value: number): void {
  view(bytes).setUint32(at, value, true);
}
