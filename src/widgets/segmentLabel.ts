import { TranslationBundle } from '@jupyterlab/translation';

/** A segment as people read it: its value as written, or what the missing and other ones hold. */
export function segmentLabel(
  segment: { kind: 'value' | 'missing' | 'other'; value: string | null },
  trans: TranslationBundle
): string {
  switch (segment.kind) {
    case 'value':
      return segment.value ? segment.value : '""';
    case 'missing':
      return trans.__('(missing)');
    default:
      return trans.__('(other values)');
  }
}
