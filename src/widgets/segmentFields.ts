import { TranslationBundle } from '@jupyterlab/translation';

import { SegmentValues } from '../models/segmentForm';
import { element } from './dom';
import { FormFields, pair } from './FormFields';

/**
 * The "Segments (optional)" section of the schedule and build-baseline forms, open when a column
 * is set. `beside` sits next to the number of segments.
 */
export function segmentFields<F extends string>(
  fields: FormFields<F | keyof SegmentValues>,
  values: SegmentValues,
  segmentByHelp: string,
  trans: TranslationBundle,
  beside?: HTMLElement
): HTMLDetailsElement {
  const segmentBy = fields.textField(
    'segmentBy',
    trans.__('Segment by column'),
    values.segmentBy,
    'region',
    segmentByHelp
  );
  const maxSegments = fields.textField(
    'maxSegments',
    trans.__('Most segments'),
    String(values.maxSegments),
    '20',
    trans.__('The first values seen get a segment each; later ones share "other".'),
    'number'
  );
  const details = element('details', { className: 'jp-ModelMonitor-segmentFields' }, [
    element('summary', { text: trans.__('Segments (optional)') }),
    segmentBy,
    beside ? pair(maxSegments, beside) : maxSegments
  ]);
  details.open = Boolean(values.segmentBy);
  return details;
}
