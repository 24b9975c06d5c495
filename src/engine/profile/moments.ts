/**
 * Count, sum, mean, population standard deviation, min and max of a numeric column, bit-exact with
 * the analyzer (FORMATS.md §7.2): Spark's CentralMomentAgg updates per row (Welford), mean is
 * sum / n, and row-split partials merge with Spark's formula.
 */
import { ExactSum } from './exactSum';
import { decodeDouble, encodeDouble, JsonDouble } from './jsonDouble';

export interface MomentsJSON {
  n: number;
  avg: JsonDouble;
  m2: JsonDouble;
  sum: JsonDouble;
  integralSum: string;
  min: JsonDouble;
  max: JsonDouble;
}

export class Moments {
  n = 0;
  private avg = 0;
  private m2 = 0;
  /** Sum of every value as a double, in row order (a Fractional column's sum). */
  private doubleSum = 0;
  /** Exact sum of the integral values (an Integral column's sum). */
  private integralSum = new ExactSum();
  min = Infinity;
  max = -Infinity;

  /** Adds one value; `exact` is the integer itself when the value is integral. */
  add(x: number, exact?: number | bigint): void {
    const n = this.n + 1;
    const delta = x - this.avg;
    const deltaN = delta / n;
    this.avg += deltaN;
    this.m2 += delta * (delta - deltaN);
    this.n = n;
    this.doubleSum += x;
    if (exact !== undefined) {
      this.integralSum.add(exact);
    }
    this.keepExtremes(x, x);
  }

  /**
   * Writes the running state as the byte-level core keeps it (n, avg, m2, sum, integral sum, min,
   * max); false, writing nothing, once the integral sum is past 2^53 (a BigInt, which it cannot hold).
   */
  writeState(into: Float64Array): boolean {
    const integralSum = this.integralSum.safeValue();
    if (integralSum === null) {
      return false;
    }
    into[0] = this.n;
    into[1] = this.avg;
    into[2] = this.m2;
    into[3] = this.doubleSum;
    into[4] = integralSum;
    into[5] = this.min;
    into[6] = this.max;
    return true;
  }

  /** Takes back the state `writeState` wrote, as the core left it. */
  readState(from: Float64Array): void {
    this.n = from[0];
    this.avg = from[1];
    this.m2 = from[2];
    this.doubleSum = from[3];
    this.integralSum.setSafe(from[4]);
    this.min = from[5];
    this.max = from[6];
  }

  /** Merges `other`, whose rows come after ours. */
  merge(other: Moments): void {
    if (other.n === 0) {
      return;
    }
    if (this.n === 0) {
      // Spark's formula would turn avg2 into (avg2 / n2) * n2; a copy keeps it exact.
      this.copyFrom(other);
      return;
    }
    const n1 = this.n;
    const n2 = other.n;
    const n = n1 + n2;
    const delta = other.avg - this.avg;
    const deltaN = delta / n;
    this.avg += deltaN * n2;
    this.m2 += other.m2 + delta * deltaN * n1 * n2;
    this.n = n;
    this.doubleSum += other.doubleSum;
    this.integralSum.merge(other.integralSum);
    this.keepExtremes(other.min, other.max);
  }

  /**
   * Spark's min and max: of -0.0 and 0.0 the one seen first stays (they compare equal); a NaN
   * sticks, as Math.min would keep it.
   */
  private keepExtremes(low: number, high: number): void {
    if (low < this.min || Number.isNaN(low)) {
      this.min = low;
    }
    if (high > this.max || Number.isNaN(high)) {
      this.max = high;
    }
  }

  /** The sum as written: exact for an Integral column, the row-order double sum otherwise. */
  sum(integral: boolean): number {
    return integral ? this.integralSum.toDouble() : this.doubleSum;
  }

  mean(integral: boolean): number {
    return this.sum(integral) / this.n;
  }

  /**
   * Population standard deviation, as Spark ends its aggregation: the final stage merges the
   * partial state into an empty one, adding `avg · (avg / n) · 0 · n` to m2 — zero, but NaN when
   * the product overflows (|mean| near 1e154 and beyond), which Spark then reports.
   */
  stdDev(): number {
    const n = this.n;
    const m2 = this.m2 + this.avg * (this.avg / n) * 0 * n;
    return Math.sqrt(m2 / n);
  }

  private copyFrom(other: Moments): void {
    this.n = other.n;
    this.avg = other.avg;
    this.m2 = other.m2;
    this.doubleSum = other.doubleSum;
    this.integralSum = new ExactSum();
    this.integralSum.merge(other.integralSum);
    this.min = other.min;
    this.max = other.max;
  }

  toJSON(): MomentsJSON {
    return {
      n: this.n,
      avg: encodeDouble(this.avg),
      m2: encodeDouble(this.m2),
      sum: encodeDouble(this.doubleSum),
      integralSum: this.integralSum.toJSON(),
      min: encodeDouble(this.min),
      max: encodeDouble(this.max)
    };
  }

  static fromJSON(json: MomentsJSON): Moments {
    const moments = new Moments();
    moments.n = json.n;
    moments.avg = decodeDouble(json.avg);
    moments.m2 = decodeDouble(json.m2);
    moments.doubleSum = decodeDouble(json.sum);
    moments.integralSum = ExactSum.fromJSON(json.integralSum);
    moments.min = decodeDouble(json.min);
    moments.max = decodeDouble(json.max);
    return moments;
  }
}
