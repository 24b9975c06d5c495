/**
 * Problems found in input data. Nothing is dropped silently: every bad record is counted by kind,
 * and the first few of each kind are kept with file, line and field so a user can find them.
 */
export type DiagnosticKind =
  | 'malformed_json'
  | 'malformed_csv'
  | 'column_count'
  | 'bad_base64'
  | 'unknown_encoding'
  | 'unsupported_content_type'
  | 'encoding_mismatch'
  | 'invalid_utf8'
  | 'missing_field'
  | 'template_time'
  | 'empty_input'
  | 'unreadable_file'
  | 'preprocessor_error'
  | 'row_count_mismatch'
  | 'too_many_fields'
  | 'record_too_long';

export interface Diagnostic {
  kind: DiagnosticKind;
  file: string;
  /** 1-based line number in `file`; 0 when the problem concerns the whole file. */
  line: number;
  field?: string;
  message: string;
}

export interface DiagnosticsSummary {
  counts: Partial<Record<DiagnosticKind, number>>;
  examples: Diagnostic[];
}

export class DiagnosticsCollector {
  private readonly counts: Partial<Record<DiagnosticKind, number>> = {};
  private readonly examples: Diagnostic[] = [];

  constructor(private readonly examplesPerKind = 5) {}

  report(diagnostic: Diagnostic): void {
    const seen = this.counts[diagnostic.kind] ?? 0;
    this.counts[diagnostic.kind] = seen + 1;
    if (seen < this.examplesPerKind) {
      this.examples.push(diagnostic);
    }
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  }

  merge(other: DiagnosticsSummary): void {
    for (const [kind, n] of Object.entries(other.counts) as [DiagnosticKind, number][]) {
      const before = this.counts[kind] ?? 0;
      this.counts[kind] = before + n;
      const room = Math.max(0, this.examplesPerKind - before);
      this.examples.push(...other.examples.filter(d => d.kind === kind).slice(0, room));
    }
  }

  summary(): DiagnosticsSummary {
    return { counts: { ...this.counts }, examples: [...this.examples] };
  }
}

/** Formats a diagnostic the way the CLI prints it: `file:line: field: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const field = d.field ? ` ${d.field}:` : '';
  return `${where}:${field} ${d.message} [${d.kind}]`;
}
