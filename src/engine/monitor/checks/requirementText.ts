import { formatJavaDouble } from '../../format/javaDouble';

/** The analyzer's generic text, trailing space included (real 2019 output, FORMATS.md §5.2). */
export function requirementNotMetText(observed: number): string {
  return `Value: ${formatJavaDouble(observed)} does not meet the constraint requirement! `;
}
