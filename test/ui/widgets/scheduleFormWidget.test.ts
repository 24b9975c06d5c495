import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { emptyScheduleForm } from '../../../src/models/scheduleForm';
import { ScheduleForm } from '../../../src/widgets/ScheduleForm';

const trans = nullTranslator.load('jupyterlab_model_monitor');
const backends = [
  { name: 'local', available: true, reason: null },
  { name: 'spark', available: false, reason: 'no Spark here' }
];

describe('ScheduleForm', () => {
  it('says what is wrong with the name while it is typed (#18 item 21)', () => {
    const form = new ScheduleForm(emptyScheduleForm(), {}, backends, trans);
    Widget.attach(form, document.body);
    const name = form.node.querySelector('input[name="name"]') as HTMLInputElement;
    const error = form.node.querySelector('[data-error-for="name"]') as HTMLElement;
    const type = (text: string) => {
      name.value = text;
      name.dispatchEvent(new Event('input'));
    };
    type('churn/hourly');
    expect(error.hidden).toBe(false);
    expect(error.textContent).toContain("letters, digits, spaces, '.', '_' or '-'");
    expect(name.getAttribute('aria-invalid')).toBe('true');
    type('churn hourly');
    expect(error.hidden).toBe(true);
    expect(name.hasAttribute('aria-invalid')).toBe(false);
    type('-churn');
    expect(error.hidden).toBe(false); // starts with a letter or digit, as the server requires
    form.dispose();
  });

  it('takes fractional numbers (#18 item 2: 0.5 as probability threshold greyed out Create)', () => {
    const form = new ScheduleForm(emptyScheduleForm(), {}, backends, trans);
    Widget.attach(form, document.body);
    for (const name of ['probabilityThreshold', 'labelLatenessHours', 'windowHours']) {
      const input = form.node.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = '0.5';
      // The browser's step check would make the form invalid with no message; the server
      // checks the values and its 400 names the field.
      expect([name, input.checkValidity()]).toEqual([name, true]);
    }
    form.dispose();
  });

  it('round-trips its values and previews the next runs as the schedule changes', () => {
    const values = { ...emptyScheduleForm(), name: 'churn', webhookUrl: 'https://h/x' };
    const form = new ScheduleForm(values, {}, backends, trans);
    Widget.attach(form, document.body);
    expect(form.getValue()).toEqual(values);
    expect(form.node.querySelectorAll('.jp-ModelMonitor-schedulePreview li')).toHaveLength(3);
    const custom = form.node.querySelector('[data-field="customCron"]') as HTMLElement;
    expect(custom.hidden).toBe(true);

    const preset = form.node.querySelector('select[name="preset"]') as HTMLSelectElement;
    preset.value = 'custom';
    preset.dispatchEvent(new Event('input'));
    expect(custom.hidden).toBe(false);
    const cron = form.node.querySelector('input[name="customCron"]') as HTMLInputElement;
    cron.value = '0 0 * *';
    cron.dispatchEvent(new Event('input'));
    expect(form.node.querySelector('.jp-ModelMonitor-schedulePreview')!.textContent).toContain(
      '5 fields'
    );
    preset.value = 'manual';
    preset.dispatchEvent(new Event('input'));
    expect(form.node.querySelector('.jp-ModelMonitor-schedulePreview')!.textContent).toBe(
      'Runs only when you click Run now.'
    );
    const spark = form.node.querySelector('option[value="spark"]')!;
    expect(spark.textContent).toBe('spark (unavailable)');
    form.dispose();
  });

  it('shows each error next to its field, and a refused schedule with the custom field', () => {
    const form = new ScheduleForm(
      emptyScheduleForm(),
      { webhookUrl: 'only http:// and https:// URLs', customCron: 'bad cron', form: 'Conflict' },
      backends,
      trans
    );
    const error = (field: string) =>
      form.node.querySelector(`[data-error-for="${field}"]`) as HTMLElement;
    expect(error('webhookUrl').hidden).toBe(false);
    expect(error('webhookUrl').textContent).toBe('only http:// and https:// URLs');
    expect(form.node.querySelector('input[name="webhookUrl"]')!.getAttribute('aria-invalid')).toBe(
      'true'
    );
    expect(error('form').textContent).toBe('Conflict');
    expect(error('name').hidden).toBe(true);
    expect(form.getValue().preset).toBe('custom');
    form.dispose();
  });
});
