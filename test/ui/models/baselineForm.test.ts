import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { BaselineJob } from '../../../src/api/baselines';
import {
  defaultOutput,
  formFieldOf,
  formatOfPath,
  initialBaselineForm,
  toBaselineRequest,
  validateBaselineForm
} from '../../../src/models/baselineForm';
import { isRunning, percentOf } from '../../../src/models/baselineJob';
import { BuildBaselineForm } from '../../../src/widgets/BuildBaselineForm';

const trans = nullTranslator.load('jupyterlab_model_monitor');

describe('build-baseline form model', () => {
  it('puts the results next to the data set', () => {
    expect(defaultOutput('data/training.csv')).toBe('data/training-baseline');
    expect(defaultOutput('captures/churn-endpoint/')).toBe('captures/churn-endpoint-baseline');
    expect(defaultOutput('train')).toBe('train-baseline');
    expect(defaultOutput('.hidden')).toBe('.hidden-baseline');
    expect(defaultOutput('  ')).toBe('');
  });

  it('guesses the format from the extension, else lets the engine detect it', () => {
    expect(formatOfPath('a/b.CSV')).toBe('csv');
    expect(formatOfPath('b.jsonl')).toBe('jsonlines');
    expect(formatOfPath('b.arrows')).toBe('arrow');
    expect(formatOfPath('captures/ep')).toBe('auto');
    expect(initialBaselineForm('data/x.csv')).toEqual({
      dataset: 'data/x.csv',
      format: 'csv',
      header: true,
      output: 'data/x-baseline',
      overwrite: false,
      segmentBy: '',
      maxSegments: 20
    });
    expect(initialBaselineForm('x.jsonl').header).toBe(false);
  });

  it('names the field of each problem', () => {
    const valid = initialBaselineForm('data/x.csv');
    expect(validateBaselineForm(valid, trans)).toEqual({});
    expect(validateBaselineForm({ ...valid, dataset: ' ', output: 'o' }, trans)).toEqual({
      dataset: 'Required.'
    });
    expect(validateBaselineForm({ ...valid, dataset: '/etc/passwd' }, trans).dataset).toContain(
      'relative to the Jupyter root'
    );
    expect(validateBaselineForm({ ...valid, output: 'a/../../b' }, trans).output).toContain('..');
    expect(validateBaselineForm({ ...valid, output: 'data/x.csv/' }, trans).output).toContain(
      'other than the data set'
    );
  });

  it('maps the choices to the request and server fields back to the form', () => {
    const values = { ...initialBaselineForm('cap/'), format: 'capture' as const, overwrite: true };
    expect(toBaselineRequest(values)).toEqual({
      dataset: 'cap',
      dataset_format: 'sagemaker_capture_json',
      header: true,
      output: 'cap-baseline',
      overwrite: true
    });
    expect(toBaselineRequest(initialBaselineForm('a.json'))).toMatchObject({
      dataset_format: 'json'
    });
    expect(toBaselineRequest(initialBaselineForm('a'))).not.toHaveProperty('overwrite');
    expect(toBaselineRequest(initialBaselineForm('a'))).not.toHaveProperty('segment');
    expect(formFieldOf('dataset_format')).toBe('format');
    expect(formFieldOf('output')).toBe('output');
    expect(formFieldOf(null)).toBe('form');
  });
});

describe('a segmented baseline', () => {
  it('sends the column and its most segments, checked first', () => {
    const values = { ...initialBaselineForm('data/x.csv'), segmentBy: ' region ', maxSegments: 8 };
    expect(toBaselineRequest(values).segment).toEqual({ by: 'region', max_segments: 8 });
    expect(validateBaselineForm(values, trans)).toEqual({});
    expect(validateBaselineForm({ ...values, maxSegments: 1.5 }, trans)).toEqual({
      maxSegments: '1 to 1000 segments.'
    });
    expect(validateBaselineForm({ ...values, segmentBy: 'eventMetadata.' }, trans).segmentBy).toBe(
      'Name the metadata key, e.g. eventMetadata.region.'
    );
    expect(formFieldOf('segment.by')).toBe('segmentBy');
    expect(formFieldOf('segment.max_segments')).toBe('maxSegments');
  });

  it('opens the Segments section where the server refused them', () => {
    const values = { ...initialBaselineForm('d.csv'), segmentBy: 'r', maxSegments: 3 };
    const form = new BuildBaselineForm(values, {}, trans);
    const details = form.node.querySelector('.jp-ModelMonitor-segmentFields') as HTMLDetailsElement;
    expect(details.open).toBe(true);
    expect(form.getValue()).toMatchObject({ segmentBy: 'r', maxSegments: 3 });
    form.dispose();
    const closed = new BuildBaselineForm(initialBaselineForm('d.csv'), {}, trans);
    expect(closed.node.querySelector<HTMLDetailsElement>('details')!.open).toBe(false);
    closed.dispose();
    const refused = new BuildBaselineForm(
      initialBaselineForm('d.csv'),
      { maxSegments: 'too many' },
      trans
    );
    expect(refused.node.querySelector<HTMLDetailsElement>('details')!.open).toBe(true);
    refused.dispose();
  });
});

describe('BuildBaselineForm', () => {
  it('round-trips its values and lets the output follow the data set until edited', () => {
    const form = new BuildBaselineForm(initialBaselineForm('data/x.csv'), {}, trans);
    Widget.attach(form, document.body);
    expect(form.getValue()).toEqual(initialBaselineForm('data/x.csv'));
    const input = (name: string) => form.node.querySelector(`[name="${name}"]`) as HTMLInputElement;
    input('dataset').value = 'data/events.jsonl';
    input('dataset').dispatchEvent(new Event('input'));
    expect(form.getValue()).toMatchObject({ output: 'data/events-baseline', format: 'jsonlines' });
    input('output').value = 'mine';
    input('output').dispatchEvent(new Event('input'));
    input('dataset').value = 'other.csv';
    input('dataset').dispatchEvent(new Event('input'));
    expect(form.getValue()).toMatchObject({ output: 'mine', format: 'csv' });
    form.dispose();
  });

  it('shows each error next to its field', () => {
    const errors = { output: 'output/statistics.json exists', form: 'server down' };
    const form = new BuildBaselineForm(initialBaselineForm('d.csv'), errors, trans);
    const line = form.node.querySelector('[data-error-for="output"]') as HTMLElement;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe('output/statistics.json exists');
    expect(form.node.querySelector('[name="output"]')!.getAttribute('aria-invalid')).toBe('true');
    expect((form.node.querySelector('[data-error-for="dataset"]') as HTMLElement).hidden).toBe(
      true
    );
    expect(form.node.querySelector('[data-error-for="form"]')!.textContent).toBe('server down');
    form.dispose();
  });
});

function job(state: BaselineJob['state'], progress: number): BaselineJob {
  return {
    id: 'j',
    dataset: 'd.csv',
    dataset_format: null,
    header: true,
    output: 'o',
    backend: 'local',
    state,
    progress,
    message: null,
    created_at: '2026-11-25T07:00:00Z',
    finished_at: null,
    claimed_by: null,
    heartbeat_at: null
  };
}

describe('a baseline job', () => {
  it('runs until its state says otherwise; its percentage stays in range', () => {
    expect(isRunning(job('running', 0.4))).toBe(true);
    expect(isRunning(job('failed', 0.3))).toBe(false);
    expect(percentOf(job('running', 0.4))).toBe(40);
    expect(percentOf(job('running', 1.7))).toBe(100);
    expect(percentOf(job('running', NaN))).toBe(0);
  });
});
