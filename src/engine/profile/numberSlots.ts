/**
 * Where a typed column's numbers sit in the value counts, so that a repeated number is counted
 * without making its text (`String(x)`, the value counts' key) and hashing that again. Numbers are
 * keyed as their text identifies them: 0 and -0 are one key ("0"), and so is every NaN ("NaN").
 *
 * Bounded: once half full it starts over (a miss only costs the text and its lookup). The value
 * counts renumber their slots when they prune; the owner clears this cache then.
 */
const CELLS = 8192;
const MAX_SIZE = CELLS / 2;
const EMPTY = 0;

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

function hashOf(x: number): number {
  bits[0] = x;
  const h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 13);
}

export class NumberSlots {
  private readonly keys = new Float64Array(CELLS);
  /** Slot + 1 per cell; 0 is empty. */
  private readonly slots = new Int32Array(CELLS);
  private size = 0;
  private nanSlot = -1;

  /** The value-count slot of `x`, or -1 when not cached. */
  find(x: number): number {
    if (x !== x) {
      return this.nanSlot;
    }
    const key = x === 0 ? 0 : x;
    const keys = this.keys;
    const slots = this.slots;
    for (let i = hashOf(key) & (CELLS - 1); ; i = (i + 1) & (CELLS - 1)) {
      const cell = slots[i];
      if (cell === EMPTY) {
        return -1;
      }
      if (keys[i] === key) {
        return cell - 1;
      }
    }
  }

  /** Caches `slot` for `x` (not cached yet). */
  set(x: number, slot: number): void {
    if (x !== x) {
      this.nanSlot = slot;
      return;
    }
    if (this.size === MAX_SIZE) {
      this.clear();
    }
    const key = x === 0 ? 0 : x;
    let i = hashOf(key) & (CELLS - 1);
    while (this.slots[i] !== EMPTY) {
      i = (i + 1) & (CELLS - 1);
    }
    this.keys[i] = key;
    this.slots[i] = slot + 1;
    this.size++;
  }

  clear(): void {
    this.slots.fill(EMPTY);
    this.size = 0;
    this.nanSlot = -1;
  }
}
