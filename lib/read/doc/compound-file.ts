/**
 * A read-only OLE compound file (MS-CFB) reader for untrusted bytes: the container of Word 97–2003
 * `.doc`, WPS `.wps`, `.xls` and encrypted Office files. Written here rather than taken from the
 * `cfb` package because that one follows sector chains without a cycle check and rebuilds every
 * chain from every sector (quadratic on a legal file whose chains run backwards, endless on a
 * cyclic FAT). Here every chain is followed at most once per sector, every size is checked against
 * the bytes actually present, and nothing is allocated from a declared size. (One file a little
 * over 200 lines: header, FAT, directory and mini stream are one structure checked as one.)
 */

export class CompoundFileError extends Error {
  override readonly name = 'CompoundFileError';
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_BYTES = 512;
const HEADER_DIFAT_ENTRIES = 109;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
const STREAM_TYPE = 2;
const ROOT_TYPE = 5;
const NO_STREAM = 0xffffffff;

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The streams directly below the root storage, by name; contents read on demand. */
export class CompoundFile {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #sectorSize: number;
  readonly #sectorCount: number;
  readonly #miniCutoff: number;
  readonly #fat: Uint32Array;
  readonly #entries: DirectoryEntry[];
  #miniFat: Uint32Array | undefined;
  #miniStream: Uint8Array | undefined;

  constructor(bytes: Uint8Array) {
    if (!isCompoundFile(bytes) || bytes.length < HEADER_BYTES) throw new CompoundFileError('不是 OLE 复合文档（文件头无效）');
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.#u16(0x1e);
    if (shift !== 9 && shift !== 12) throw new CompoundFileError(`扇区大小无效（2^${shift}）`);
    if (this.#u16(0x20) !== 6) throw new CompoundFileError('迷你扇区大小无效');
    this.#sectorSize = 1 << shift;
    this.#sectorCount = Math.max(0, Math.ceil((bytes.length - this.#sectorSize) / this.#sectorSize));
    this.#miniCutoff = this.#u32(0x38);
    this.#fat = this.#readFat();
    const directory = this.#chainBytes(this.#u32(0x30), Number.POSITIVE_INFINITY);
    this.#entries = [];
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= directory.length; at += DIRECTORY_ENTRY_BYTES) {
      this.#entries.push(parseEntry(directory.subarray(at, at + DIRECTORY_ENTRY_BYTES)));
    }
    if (this.#entries[0]?.type !== ROOT_TYPE) throw new CompoundFileError('缺少根目录项');
  }

  /** Names of the streams directly below the root. */
  streamNames(): string[] {
    return this.#rootChildren()
      .filter((e) => e.type === STREAM_TYPE)
      .map((e) => e.name);
  }

  /** A stream below the root, or undefined when there is none of that name. */
  stream(name: string): Uint8Array | undefined {
    const entry = this.#rootChildren().find((e) => e.type === STREAM_TYPE && e.name === name);
    if (!entry) return undefined;
    if (entry.size < this.#miniCutoff) return this.#miniStreamBytes(entry.start, entry.size);
    return this.#chainBytes(entry.start, entry.size);
  }

  /** The root's children: the red-black tree walked with every entry visited at most once. */
  #rootChildren(): DirectoryEntry[] {
    const out: DirectoryEntry[] = [];
    const seen = new Set<number>();
    const stack = [this.#entries[0]!.child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NO_STREAM || id >= this.#entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.#entries[id]!;
      out.push(entry);
      stack.push(entry.left, entry.right);
    }
    return out;
  }

  #readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const fatCount = this.#u32(0x2c);
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatCount; i++) fatSectors.push(this.#u32(0x4c + 4 * i));
    // DIFAT sectors chain through their last entry; each may be visited once
    let difat = this.#u32(0x44);
    const seen = new Set<number>();
    const perSector = this.#sectorSize / 4 - 1;
    while (fatSectors.length < fatCount && difat <= MAX_REGULAR_SECTOR) {
      if (difat >= this.#sectorCount || seen.has(difat)) throw new CompoundFileError('DIFAT 链无效或成环');
      seen.add(difat);
      const base = this.#sectorOffset(difat);
      for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(this.#u32(base + 4 * i));
      difat = this.#u32(base + 4 * perSector);
    }
    if (fatSectors.length < fatCount) throw new CompoundFileError('FAT 扇区表不完整');
    // more FAT sectors than the file has sectors to describe is a lie: refuse before allocating
    const needed = Math.ceil(this.#sectorCount / (this.#sectorSize / 4));
    if (fatCount > needed + 1) throw new CompoundFileError(`声明了 ${fatCount} 个 FAT 扇区，文件只需 ${needed} 个`);
    const fat = new Uint32Array(fatCount * (this.#sectorSize / 4));
    fatSectors.forEach((sector, k) => {
      if (sector >= this.#sectorCount) throw new CompoundFileError('FAT 扇区号超出文件范围');
      const base = this.#sectorOffset(sector);
      for (let i = 0; i < this.#sectorSize / 4; i++) fat[k * (this.#sectorSize / 4) + i] = this.#u32(base + 4 * i);
    });
    return fat;
  }

  /** The sectors of a chain in the FAT; a cycle or a sector outside the file is an error. */
  #chain(start: number, table: Uint32Array, count: number): number[] {
    const chain: number[] = [];
    const seen = new Uint8Array(count);
    for (let sector = start; sector !== END_OF_CHAIN && sector !== FREE_SECTOR; sector = table[sector] ?? END_OF_CHAIN) {
      if (sector >= count) throw new CompoundFileError('扇区链指向文件之外');
      if (seen[sector]) throw new CompoundFileError('扇区链成环');
      seen[sector] = 1;
      chain.push(sector);
    }
    return chain;
  }

  /** A regular-sector chain's bytes, cut to `size`; a chain shorter than `size` is corrupt. */
  #chainBytes(start: number, size: number): Uint8Array {
    const chain = this.#chain(start, this.#fat, this.#sectorCount);
    const available = chain.length * this.#sectorSize;
    if (Number.isFinite(size) && size > available) throw new CompoundFileError('流的声明长度超过其扇区链');
    const length = Number.isFinite(size) ? size : available;
    const out = new Uint8Array(length);
    chain.forEach((sector, i) => {
      const from = this.#sectorOffset(sector);
      const take = Math.min(this.#sectorSize, length - i * this.#sectorSize, this.#bytes.length - from);
      if (take > 0) out.set(this.#bytes.subarray(from, from + take), i * this.#sectorSize);
    });
    return out;
  }

  #miniStreamBytes(start: number, size: number): Uint8Array {
    if (this.#miniStream === undefined || this.#miniFat === undefined) {
      const root = this.#entries[0]!;
      this.#miniStream = this.#chainBytes(root.start, Math.min(root.size, Number.MAX_SAFE_INTEGER));
      const miniFatBytes = this.#chainBytes(this.#u32(0x3c), Number.POSITIVE_INFINITY);
      this.#miniFat = new Uint32Array(Math.floor(miniFatBytes.length / 4));
      const view = new DataView(miniFatBytes.buffer);
      for (let i = 0; i < this.#miniFat.length; i++) this.#miniFat[i] = view.getUint32(4 * i, true);
    }
    const sectors = Math.floor(this.#miniStream.length / MINI_SECTOR_BYTES);
    const chain = this.#chain(start, this.#miniFat, sectors);
    if (size > chain.length * MINI_SECTOR_BYTES) throw new CompoundFileError('迷你流的声明长度超过其扇区链');
    const out = new Uint8Array(size);
    chain.forEach((sector, i) => {
      const take = Math.min(MINI_SECTOR_BYTES, size - i * MINI_SECTOR_BYTES);
      if (take > 0)
        out.set(this.#miniStream!.subarray(sector * MINI_SECTOR_BYTES, sector * MINI_SECTOR_BYTES + take), i * MINI_SECTOR_BYTES);
    });
    return out;
  }

  #sectorOffset(sector: number): number {
    return (sector + 1) * this.#sectorSize;
  }

  #u16(at: number): number {
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    if (at + 4 > this.#bytes.length) throw new CompoundFileError('文件被截断');
    return this.#view.getUint32(at, true);
  }
}

function parseEntry(raw: Uint8Array): DirectoryEntry {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const nameBytes = Math.min(view.getUint16(64, true), 64);
  const name = new TextDecoder('utf-16le').decode(raw.subarray(0, Math.max(0, nameBytes - 2)));
  return {
    name,
    type: raw[66]!,
    left: view.getUint32(68, true),
    right: view.getUint32(72, true),
    child: view.getUint32(76, true),
    start: view.getUint32(116, true),
    // version 3 files keep only the low 32 bits meaningful; the high half may hold garbage
    size: view.getUint32(120, true),
  };
}
