import { CapturedPrediction, GroundTruthLabel } from './eventRecords';
import { emptyPairs, QualityPairs } from './qualityPairs';

export interface JoinCounts {
  captures: number;
  labels: number;
  matched: number;
  /** Captures no label arrived for (yet). */
  unmatchedCaptures: number;
  /** Labels whose event is not among the captures read. */
  unmatchedLabels: number;
  duplicateCaptures: number;
  duplicateLabels: number;
}

/**
 * Joins captured predictions with ground-truth labels, captures by `inferenceId` else `eventId`.
 * Captures (the window's side) are hashed; labels stream past, so memory is bounded by the captures.
 * A matched capture leaves the table, so a second label for it counts as a duplicate.
 */
export class LabelJoin {
  private readonly waiting = new Map<string, CapturedPrediction>();
  private readonly matchedKeys = new Set<string>();
  private readonly pairs: QualityPairs;
  private readonly counts: JoinCounts = {
    captures: 0,
    labels: 0,
    matched: 0,
    unmatchedCaptures: 0,
    unmatchedLabels: 0,
    duplicateCaptures: 0,
    duplicateLabels: 0
  };

  constructor(withProbability: boolean) {
    this.pairs = emptyPairs(withProbability);
  }

  /** Captures and labels added so far. */
  get recordsRead(): number {
    return this.counts.captures + this.counts.labels;
  }

  addCapture(capture: CapturedPrediction): void {
    this.counts.captures++;
    const key = capture.inferenceId ?? capture.eventId!;
    if (this.waiting.has(key) || this.matchedKeys.has(key)) {
      this.counts.duplicateCaptures++;
      return;
    }
    this.waiting.set(key, capture);
  }

  addLabel(label: GroundTruthLabel): void {
    this.counts.labels++;
    const key = [label.eventId, label.inferenceId].find(
      id => id !== undefined && (this.waiting.has(id) || this.matchedKeys.has(id))
    );
    if (key === undefined) {
      this.counts.unmatchedLabels++;
      return;
    }
    const capture = this.waiting.get(key);
    if (!capture) {
      this.counts.duplicateLabels++;
      return;
    }
    this.waiting.delete(key);
    this.matchedKeys.add(key);
    this.counts.matched++;
    this.pairs.actual.push(label.label);
    this.pairs.predicted.push(capture.prediction);
    if (this.pairs.probability) {
      this.pairs.probability.push(capture.probability ?? NaN);
    }
  }

  result(): { pairs: QualityPairs; counts: JoinCounts } {
    return {
      pairs: this.pairs,
      counts: { ...this.counts, unmatchedCaptures: this.waiting.size }
    };
  }
}
