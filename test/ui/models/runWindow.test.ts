import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { CaptureSummary } from '../../../src/api/captures';
import { suggestedWindow, windowOf } from '../../../src/models/runWindow';
import { RunWindowForm } from '../../../src/widgets/RunWindowForm';

// #18 item 3: a run over the captures' own hours, whatever today's date.
const trans = nullTranslator.load('jupyterlab_model_monitor');

function summary(fields: Partial<CaptureSummary>): CaptureSummary {
  return { first_hour: null, last_hour: null, ...fields } as unknown as CaptureSummary;
}

describe('the window of a run over past captures', () => {
  it('covers the whole hours of the captures, from their records or else their folders', () => {
    const records = summary({
      first_inference_time: '2026-11-01T00:12:31Z',
      last_inference_time: '2026-11-01T23:59:02Z',
      first_hour: '2026-11-01T00:00:00Z',
      last_hour: '2026-11-01T23:00:00Z'
    });
    expect(suggestedWindow(records)).toEqual({
      start: '2026-11-01T00:00',
      end: '2026-11-02T00:00'
    });
    const folders = summary({
      first_hour: '2026-11-01T05:00:00Z',
      last_hour: '2026-11-01T05:00:00Z'
    });
    expect(suggestedWindow(folders)).toEqual({
      start: '2026-11-01T05:00',
      end: '2026-11-01T06:00'
    });
    expect(suggestedWindow(summary({}))).toBeNull();
    expect(suggestedWindow(null)).toBeNull();
  });

  it('reads the form as UTC and refuses an end before the start', () => {
    expect(windowOf({ start: '2026-11-01T00:00', end: '2026-11-02T00:00' })).toEqual({
      window_start: '2026-11-01T00:00:00Z',
      window_end: '2026-11-02T00:00:00Z'
    });
    expect(windowOf({ start: '2026-11-02T00:00', end: '2026-11-01T00:00' })).toEqual({
      error: 'the end comes after the start'
    });
    expect(windowOf({ start: '', end: '2026-11-01T00:00' })).toHaveProperty('error');
  });

  it('prefills the fields the user has not changed', () => {
    const form = new RunWindowForm(trans, 'Looking…');
    Widget.attach(form, document.body);
    const end = form.node.querySelector('input[name="end"]') as HTMLInputElement;
    end.value = '2026-11-01T12:00';
    end.dispatchEvent(new Event('input'));
    form.suggest({ start: '2026-11-01T00:00', end: '2026-11-02T00:00' }, 'From the captures.');
    expect(form.getValue()).toEqual({ start: '2026-11-01T00:00', end: '2026-11-01T12:00' });
    expect(form.node.textContent).toContain('From the captures.');
    form.dispose();
  });
});
