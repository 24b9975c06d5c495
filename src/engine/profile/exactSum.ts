/**
 * Spark sums an Integral column as a Java long: exact, unlike a double sum past 2^53. A plain number
 * is used while the sum is safely representable, a BigInt after that.
 */
export class ExactSum {
  private small = 0;
  private big: bigint | null = null;

  add(value: number | bigint): void {
    if (this.big === null && typeof value === 'number' && Number.isSafeInteger(value)) {
      const next = this.small + value;
      if (Number.isSafeInteger(next)) {
        this.small = next;
        return;
      }
    }
    this.big = this.toBigInt() + BigInt(value);
  }

  /** The sum while it is a safe integer (a plain number), else null. */
  safeValue(): number | null {
    return this.big === null ? this.small : null;
  }

  /** Sets the sum to a safe integer. */
  setSafe(value: number): void {
    this.small = value;
    this.big = null;
  }

  merge(other: ExactSum): void {
    this.add(other.toBigInt());
  }

  toBigInt(): bigint {
    return this.big ?? BigInt(this.small);
  }

  /** The sum as Java converts a (wrapped) long to double. */
  toDouble(): number {
    return this.big === null ? this.small : Number(BigInt.asIntN(64, this.big));
  }

  toJSON(): string {
    return this.toBigInt().toString();
  }

  static fromJSON(text: string): ExactSum {
    const sum = new ExactSum();
    sum.add(BigInt(text));
    return sum;
  }
}
