/**
 * An open-addressing hash index from strings to dense slot numbers, for the value counts. A JS Map
 * lookup was the largest cost of profiling once parsing and hashing were memoised: every cell is a
 * fresh string whose hash V8 computes in a runtime call. Here the hash is a few multiplications per
 * character in JS, and a probe compares stored hashes before comparing strings.
 *
 * The index does not store keys: `find` reads them from the caller's array of keys by slot.
 */
const EMPTY = 0;

/** FNV-1a over UTF-16 code units; a hash of 0 is mapped to 1 so the table can mark empty cells. */
export function stringHash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  h ^= h >>> 15;
  return h === EMPTY ? 1 : h;
}

export class StringTable {
  /**
   * Cell i is cells[2i] = slot + 1 (0 when empty) and cells[2i + 1] = the hash of the slot's key,
   * side by side so that a probe touches one cache line.
   */
  private cells: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity = 16) {
    const cellCount = tableSizeFor(capacity);
    this.cells = new Int32Array(2 * cellCount);
    this.mask = cellCount - 1;
  }

  /** The slot of `key` (whose hash is `hash`), or -1. */
  find(key: string, hash: number, keys: readonly string[]): number {
    const mask = this.mask;
    const cells = this.cells;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const cell = cells[2 * i];
      if (cell === EMPTY) {
        return -1;
      }
      if (cells[2 * i + 1] === hash && keys[cell - 1] === key) {
        return cell - 1;
      }
    }
  }

  /** The slot of the ASCII text bytes[start, end) (whose hash is `hash`), or -1. */
  findBytes(
    bytes: Uint8Array,
    start: number,
    end: number,
    hash: number,
    keys: readonly string[]
  ): number {
    const mask = this.mask;
    const cells = this.cells;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const cell = cells[2 * i];
      if (cell === EMPTY) {
        return -1;
      }
      if (cells[2 * i + 1] === hash && equalsBytes(keys[cell - 1], bytes, start, end)) {
        return cell - 1;
      }
    }
  }

  /** Indexes `slot` under `hash` (the key must not be indexed yet). */
  insert(hash: number, slot: number): void {
    if (2 * (this.size + 1) > this.mask + 1) {
      this.resize(2 * (this.mask + 1));
    }
    this.place(hash, slot);
    this.size++;
  }

  /** Forgets every slot. */
  clear(): void {
    this.cells.fill(EMPTY);
    this.size = 0;
  }

  private place(hash: number, slot: number): void {
    const mask = this.mask;
    let i = hash & mask;
    while (this.cells[2 * i] !== EMPTY) {
      i = (i + 1) & mask;
    }
    this.cells[2 * i] = slot + 1;
    this.cells[2 * i + 1] = hash;
  }

  private resize(cellCount: number): void {
    const old = this.cells;
    this.cells = new Int32Array(2 * cellCount);
    this.mask = cellCount - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== EMPTY) {
        this.place(old[i + 1], old[i] - 1);
      }
    }
  }
}

/** The power of two holding `capacity` entries at most half full. */
function tableSizeFor(capacity: number): number {
  let size = 16;
  while (size < 2 * capacity) {
    size *= 2;
  }
  return size;
}

function equalsBytes(key: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (key.length !== end - start) {
    return false;
  }
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) !== bytes[start + i]) {
      return false;
    }
  }
  return true;
}
