import { TranslationBundle } from '@jupyterlab/translation';
import type { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { Backend, MonitorType, ProblemType } from '../api/types';
import {
  nameProblem,
  PROBLEM_TYPES,
  ScheduleFormErrors,
  ScheduleFormField,
  ScheduleFormValues,
  SchedulePreset,
  previewSchedule
} from '../models/scheduleForm';
import { element } from './dom';
import { FormFields, pair, scrollToFirstError } from './FormFields';
import { segmentFields } from './segmentFields';

/**
 * The body of the create-schedule dialog: labelled inputs, each with room for its error, and a
 * preview of the next runs that follows the schedule as the user edits it.
 */
export class ScheduleForm extends Widget {
  constructor(
    values: ScheduleFormValues,
    errors: ScheduleFormErrors,
    private readonly _backends: Backend[],
    private readonly _trans: TranslationBundle
  ) {
    super({ node: element('form', { className: 'jp-ModelMonitor-scheduleForm' }) });
    this._build(values);
    this._showErrors(errors);
    if (errors.recordPreprocessorScript || errors.postAnalyticsProcessorScript) {
      this._scriptDetails!.open = true;
    }
    if (errors.batchS3Prefix || errors.batchFolder) {
      this._batchDetails!.open = true;
    }
    if (errors.segmentBy || errors.maxSegments || errors.segmentBaseline) {
      this._segmentDetails!.open = true;
    }
    this._updateSchedule();
    this._updateType();
    this.node.addEventListener('submit', event => event.preventDefault());
  }

  /** The dialog reads the values through this when the user confirms. */
  getValue(): ScheduleFormValues {
    const text = (field: ScheduleFormField) => this._fields.input(field).value;
    return {
      name: text('name'),
      dataset: text('dataset'),
      header: (this._fields.input('header') as HTMLInputElement).checked,
      baselineStatistics: text('baselineStatistics'),
      baselineConstraints: text('baselineConstraints'),
      preset: text('preset') as SchedulePreset,
      customCron: text('customCron'),
      windowHours: Number(text('windowHours')),
      backend: text('backend'),
      webhookUrl: text('webhookUrl'),
      monitorType: text('monitorType') as MonitorType,
      problemType: text('problemType') as ProblemType,
      groundTruth: text('groundTruth'),
      groundTruthAttribute: text('groundTruthAttribute'),
      inferenceAttribute: text('inferenceAttribute'),
      probabilityAttribute: text('probabilityAttribute'),
      probabilityThreshold: text('probabilityThreshold'),
      positiveLabel: text('positiveLabel'),
      labelLatenessHours: Number(text('labelLatenessHours')),
      recordPreprocessorScript: text('recordPreprocessorScript'),
      postAnalyticsProcessorScript: text('postAnalyticsProcessorScript'),
      batchS3Prefix: text('batchS3Prefix'),
      batchFolder: text('batchFolder'),
      segmentBy: text('segmentBy'),
      maxSegments: Number(text('maxSegments')),
      segmentBaseline: text('segmentBaseline') as ScheduleFormValues['segmentBaseline'],
      customScript: text('customScript'),
      customImage: text('customImage'),
      customArguments: text('customArguments')
    };
  }

  /** The dialog scrolls: bring the first error into view when the form opens again. */
  protected onAfterAttach(msg: Message): void {
    scrollToFirstError(this.node);
  }

  private _build(values: ScheduleFormValues): void {
    const trans = this._trans;
    this.node.append(
      this._fields.errorLine('form'),
      this._fields.textField('name', trans.__('Name'), values.name, 'churn-hourly'),
      this._fields.selectField('monitorType', trans.__('Monitor type'), values.monitorType, [
        ['data-quality', trans.__('Data quality (statistics against the baseline)')],
        ['model-quality', trans.__('Model quality (predictions against ground truth)')],
        ['custom', trans.__('Custom (your program or container)')]
      ]),
      this._fields.textField(
        'dataset',
        trans.__('Captures or dataset'),
        values.dataset,
        'captures/my-endpoint',
        trans.__(
          'Relative to the server root: a capture folder (captures/<endpoint>), of which each run reads the hours of its time window, or one data file, which each run reads whole.'
        )
      ),
      this._fields.checkbox('header', trans.__('CSV files start with a header row'), values.header),
      pair(
        this._fields.textField(
          'baselineStatistics',
          trans.__('Baseline statistics'),
          values.baselineStatistics,
          'baseline/statistics.json'
        ),
        this._fields.textField(
          'baselineConstraints',
          trans.__('Baseline constraints'),
          values.baselineConstraints,
          'baseline/constraints.json'
        )
      ),
      this._qualityFields(values),
      this._customFields(values),
      this._scriptFields(values),
      this._batchFields(values),
      this._segmentFields(values),
      this._scheduleFields(values),
      pair(
        this._fields.textField(
          'windowHours',
          trans.__('Time window (hours)'),
          String(values.windowHours),
          '1',
          trans.__('Each run checks the full hours just before it.'),
          'number'
        ),
        this._fields.selectField(
          'backend',
          trans.__('Backend'),
          values.backend,
          this._backends.map(b => [
            b.name,
            b.available ? b.name : trans.__('%1 (unavailable)', b.name)
          ])
        )
      ),
      this._fields.textField(
        'webhookUrl',
        trans.__('Alert webhook URL (optional)'),
        values.webhookUrl,
        'https://hooks.example.com/…',
        trans.__(
          'Gets a JSON POST when a run finds violations or fails. Once saved it shows as scheme://host/… (the rest is often a secret): leave it to keep it, or type a whole URL.'
        ),
        'url'
      )
    );
  }

  /** The model-quality settings; shown only for that monitor type. */
  private _qualityFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    const problems: Record<ProblemType, string> = {
      Regression: trans.__('Regression'),
      BinaryClassification: trans.__('Binary classification'),
      MulticlassClassification: trans.__('Multiclass classification')
    };
    const fieldset = element('fieldset', { className: 'jp-ModelMonitor-qualityFields' }, [
      element('legend', { text: trans.__('Model quality') }),
      this._fields.selectField(
        'problemType',
        trans.__('Problem type'),
        values.problemType,
        PROBLEM_TYPES.map(p => [p, problems[p]])
      ),
      this._fields.textField(
        'groundTruth',
        trans.__('Ground-truth folder'),
        values.groundTruth,
        'ground-truth/my-endpoint',
        trans.__('JSON lines of labels in yyyy/mm/dd/HH/ folders, relative to the server root.')
      ),
      pair(
        this._fields.textField(
          'inferenceAttribute',
          trans.__('Inference attribute'),
          values.inferenceAttribute,
          '0',
          trans.__('The predicted label or value: a CSV field index or a JSON key.')
        ),
        this._fields.textField(
          'groundTruthAttribute',
          trans.__('Ground-truth attribute (optional)'),
          values.groundTruthAttribute,
          'label'
        )
      ),
      pair(
        this._fields.textField(
          'probabilityAttribute',
          trans.__('Probability attribute'),
          values.probabilityAttribute,
          '1',
          trans.__('Binary only: the positive-class probability (ROC, PR, auc).')
        ),
        this._fields.textField(
          'probabilityThreshold',
          trans.__('Probability threshold'),
          values.probabilityThreshold,
          '0.5',
          undefined,
          'number'
        )
      ),
      pair(
        this._fields.textField(
          'positiveLabel',
          trans.__('Positive label'),
          values.positiveLabel,
          '1'
        ),
        this._fields.textField(
          'labelLatenessHours',
          trans.__('Label lateness (hours)'),
          String(values.labelLatenessHours),
          '24',
          trans.__('Labels may arrive this long after the window.'),
          'number'
        )
      )
    ]);
    this._qualityFieldset = fieldset;
    this._fields.input('monitorType').addEventListener('input', () => this._updateType());
    // As the cron field previews its runs, the name says what is wrong with it while typed.
    const name = this._fields.input('name');
    name.addEventListener('input', () =>
      this._fields.setError('name', name.value ? nameProblem(name.value, this._trans) : undefined)
    );
    this._fields.input('problemType').addEventListener('input', () => this._updateType());
    return fieldset;
  }

  /** A custom monitor's program: shown only for that monitor type. */
  private _customFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    this._customFieldset = element('fieldset', { className: 'jp-ModelMonitor-customFields' }, [
      element('legend', { text: trans.__('Custom monitor') }),
      this._fields.textField(
        'customScript',
        trans.__('Script or executable'),
        values.customScript,
        'monitors/my_monitor.py',
        trans.__(
          "Relative to the server root: a .py script (run by the server's Python) or an executable. It gets SageMaker's container environment (dataset_source, output_path, start_time, end_time, baseline_statistics, …) and writes constraint_violations.json to output_path."
        )
      ),
      this._fields.textField(
        'customImage',
        trans.__('Or a container image'),
        values.customImage,
        'my-registry/my-monitor:1.0',
        trans.__('Run with Docker or Podman, its folders mounted where SageMaker puts them.')
      ),
      this._fields.textField(
        'customArguments',
        trans.__('Arguments (optional)'),
        values.customArguments,
        '--threshold 0.2',
        trans.__('Space-separated.')
      )
    ]);
    return this._customFieldset;
  }

  /** SageMaker's processor scripts (data quality): open when the monitor has one. */
  private _scriptFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    const details = element('details', { className: 'jp-ModelMonitor-scriptFields' }, [
      element('summary', { text: trans.__('SageMaker processor scripts (optional)') }),
      this._fields.textField(
        'recordPreprocessorScript',
        trans.__('Record preprocessor'),
        values.recordPreprocessorScript,
        'scripts/preprocessor.py',
        trans.__(
          "SageMaker's record_preprocessor_script, unchanged: a .py file defining preprocess_handler(inference_record), run on each capture record (on the local backend also a .js module)."
        )
      ),
      this._fields.textField(
        'postAnalyticsProcessorScript',
        trans.__('Post-analytics processor'),
        values.postAnalyticsProcessorScript,
        'scripts/postprocessor.py',
        trans.__(
          "SageMaker's post_analytics_processor_script: a .py file whose postprocess_handler() runs after each successful run, with SageMaker's environment (output_path, …)."
        )
      )
    ]);
    details.open = Boolean(values.recordPreprocessorScript || values.postAnalyticsProcessorScript);
    this._scriptDetails = details;
    return details;
  }

  /** A batch transform capture (data quality): open when the monitor reads one. */
  private _batchFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    const details = element('details', { className: 'jp-ModelMonitor-batchFields' }, [
      element('summary', { text: trans.__('Batch transform capture (optional)') }),
      this._fields.textField(
        'batchS3Prefix',
        trans.__('S3 prefix its manifests name'),
        values.batchS3Prefix,
        's3://bucket/transform-input/',
        trans.__(
          "When the dataset is a batch transform's capture destination (input/ manifests in hour folders): the S3 prefix of the objects they name."
        )
      ),
      this._fields.textField(
        'batchFolder',
        trans.__('Folder with its copy'),
        values.batchFolder,
        'mirror/transform-input',
        trans.__('Relative to the server root, e.g. where aws s3 sync put the prefix.')
      )
    ]);
    details.open = Boolean(values.batchS3Prefix || values.batchFolder);
    this._batchDetails = details;
    return details;
  }

  /** Segments (data quality): open when the monitor is segmented. */
  private _segmentFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    const compareWith = this._fields.selectField(
      'segmentBaseline',
      trans.__('Compare with'),
      values.segmentBaseline,
      [
        ['own', trans.__('Its own segment of the baseline')],
        ['overall', trans.__('The whole baseline')]
      ]
    );
    this._segmentDetails = segmentFields(
      this._fields,
      values,
      trans.__(
        "Each run also checks the rows of each value of this column apart: a column name as in the baseline's statistics, or eventMetadata.<key> for a capture record's metadata."
      ),
      trans,
      compareWith
    );
    return this._segmentDetails;
  }

  /** Shows the model-quality settings for that type, and the binary-only ones for binary. */
  private _updateType(): void {
    const values = this.getValue();
    this._qualityFieldset!.hidden = values.monitorType !== 'model-quality';
    this._customFieldset!.hidden = values.monitorType !== 'custom';
    this._scriptDetails!.hidden = values.monitorType !== 'data-quality';
    this._batchDetails!.hidden = values.monitorType !== 'data-quality';
    this._segmentDetails!.hidden = values.monitorType !== 'data-quality';
    const binary = values.problemType === 'BinaryClassification';
    for (const field of [
      'probabilityAttribute',
      'probabilityThreshold',
      'positiveLabel'
    ] as const) {
      const row = this.node.querySelector<HTMLElement>(`[data-field="${field}"]`);
      if (row) {
        row.hidden = !binary;
      }
    }
  }

  private _scheduleFields(values: ScheduleFormValues): HTMLElement {
    const trans = this._trans;
    const presets: [SchedulePreset, string][] = [
      ['hourly', trans.__('Hourly (at minute 0)')],
      ['daily', trans.__('Daily (at 00:00 UTC)')],
      ['weekly', trans.__('Weekly (Mondays at 00:00 UTC)')],
      ['custom', trans.__('Custom cron expression')],
      ['manual', trans.__('No schedule (run manually)')]
    ];
    const preset = this._fields.selectField('preset', trans.__('Schedule'), values.preset, presets);
    const custom = this._fields.textField(
      'customCron',
      trans.__('Cron expression (UTC)'),
      values.customCron,
      '*/15 * * * *',
      trans.__('minute hour day-of-month month day-of-week')
    );
    this._customRow = custom;
    for (const field of ['preset', 'customCron'] as const) {
      this._fields.input(field).addEventListener('input', () => this._updateSchedule());
    }
    return element('fieldset', { className: 'jp-ModelMonitor-scheduleFields' }, [
      preset,
      custom,
      this._preview
    ]);
  }

  /** Shows the custom field only for "custom", and the next runs (or why there are none). */
  private _updateSchedule(): void {
    const values = this.getValue();
    this._customRow!.hidden = values.preset !== 'custom';
    const preview = previewSchedule(values, new Date());
    const trans = this._trans;
    if ('manual' in preview) {
      this._preview.replaceChildren(trans.__('Runs only when you click Run now.'));
    } else if ('error' in preview) {
      this._preview.replaceChildren(
        element('span', { className: 'jp-ModelMonitor-fieldError', text: preview.error })
      );
    } else {
      const items = preview.runs.map(run =>
        element('li', {
          text: run.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })
        })
      );
      this._preview.replaceChildren(
        element('span', { text: trans.__('Next runs (your local time):') }),
        element('ul', {}, items)
      );
    }
  }

  private _showErrors(errors: ScheduleFormErrors): void {
    for (const [field, message] of Object.entries(errors)) {
      if (message) {
        this._fields.setError(field as ScheduleFormField | 'form', message);
      }
    }
    if (errors.customCron && this.getValue().preset !== 'custom') {
      // A schedule refused by the server while a preset is chosen: show it with the preset.
      this._setValue('preset', 'custom');
    }
  }

  private _setValue(field: ScheduleFormField, value: string): void {
    this._fields.input(field).value = value;
    this._updateSchedule();
  }

  private _fields = new FormFields<ScheduleFormField>('jp-ModelMonitor-schedule', {
    anyNumber: true
  });
  private _customRow: HTMLElement | null = null;
  private _qualityFieldset: HTMLElement | null = null;
  private _scriptDetails: HTMLDetailsElement | null = null;
  private _batchDetails: HTMLDetailsElement | null = null;
  private _segmentDetails: HTMLDetailsElement | null = null;
  private _customFieldset: HTMLElement | null = null;
  private _preview = element('div', {
    className: 'jp-ModelMonitor-schedulePreview',
    attributes: { 'aria-live': 'polite' }
  });
}
