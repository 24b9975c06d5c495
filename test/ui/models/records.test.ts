import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { RecordQuery, RecordRow, RecordsPage } from '../../../src/api/records';
import { ComparisonModel } from '../../../src/models/ComparisonModel';
import { RecordsModel } from '../../../src/models/RecordsModel';
import { recordsNotebookCode } from '../../../src/models/recordsNotebookCode';
import { ComparisonView } from '../../../src/widgets/ComparisonView';
import { RecordsView, shortPath } from '../../../src/widgets/RecordsView';
import { fixtureStatistics, shiftedStatistics } from '../fixtureStatistics';
import { HOSTILE_NAME, violationsDocument } from '../fixtures/documents';
import { ViolationsTableModel } from '../../../src/models/ViolationsTableModel';
import { ViolationsView } from '../../../src/widgets/ViolationsView';

const charts: { spec: any; onClick?: (datum: Record<string, unknown>) => void }[] = [];
jest.mock('../../../src/charts/renderChart', () => ({
  renderChart: async (_host: unknown, spec: unknown, onClick?: () => void) => {
    charts.push({ spec, onClick });
    return { resize: () => undefined, finalize: () => undefined };
  }
}));

const trans = nullTranslator.load('jupyterlab_model_monitor');
const QUERY: RecordQuery = { run: 'monitoring/late', feature: 'age', match: 'outside_range' };

function row(i: number): RecordRow {
  return { _file: `captures/a.jsonl`, _line: i + 1, _event_id: `e${i}`, age: 90 + i, city: 'Nice' };
}

/** A server of `total` listed rows, recording what was asked. */
function server(total: number) {
  const asked: [number, number][] = [];
  const fetch = async (query: RecordQuery, offset: number, limit: number): Promise<RecordsPage> => {
    asked.push([offset, limit]);
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
      row(offset + i)
    );
    return {
      run: query.run,
      feature: query.feature,
      match: query.match,
      results_file: 'monitoring/late/records/age.outside_range.0123456789.jsonl',
      records: 5000,
      rejected: 1,
      matched: total + 7,
      written: total,
      truncated: true,
      offset,
      limit,
      rows
    };
  };
  return { asked, fetch };
}

describe('RecordsModel', () => {
  it('holds one page at a time and pages within the listed rows', async () => {
    const { asked, fetch } = server(250);
    const model = new RecordsModel(QUERY, fetch);
    await model.load();
    expect(model.rows).toHaveLength(100);
    expect([model.hasPrevious, model.hasNext]).toEqual([false, true]);
    await model.next();
    await model.next();
    expect(model.rows.map(r => r._line)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
    expect(model.hasNext).toBe(false);
    await model.previous();
    expect(asked).toEqual([
      [0, 100],
      [100, 100],
      [200, 100],
      [100, 100]
    ]);
    // The queried feature comes first, the place columns are not cells.
    expect(model.columns).toEqual(['age', 'city']);
  });

  it('keeps the server’s message when a page cannot be read', async () => {
    const model = new RecordsModel(QUERY, async () => {
      throw new Error('feature "age" has no numeric range in the baseline');
    });
    await model.load();
    expect(model.error).toBe('feature "age" has no numeric range in the baseline');
    expect(model.loading).toBe(false);
  });
});

describe('RecordsView', () => {
  it('shows where each row is, the queried value first, and the counts', async () => {
    const { fetch } = server(3);
    const model = new RecordsModel(QUERY, fetch);
    const view = new RecordsView(model, trans);
    Widget.attach(view, document.body);
    await model.load();
    expect(view.node.querySelector('h3')!.textContent).toBe('age outside the baseline’s range');
    expect(view.node.querySelector('.jp-ModelMonitor-recordsStatus')!.textContent).toBe(
      '10 of the run’s 5,000 input records match. The first 3 are listed.'
    );
    const cells = [...view.node.querySelectorAll('tbody tr')][1].querySelectorAll('td');
    expect([...cells].map(td => td.textContent)).toEqual([
      'captures/a.jsonl',
      '2',
      'e1',
      '91',
      'Nice'
    ]);
    const opened: unknown[] = [];
    view.openRequested.connect((_, place) => opened.push(place));
    (cells[0].querySelector('button') as HTMLButtonElement).click();
    expect(opened).toEqual([{ file: 'captures/a.jsonl', line: 2 }]);
    view.dispose();
  });

  it('renders cell text from data files as text', async () => {
    const model = new RecordsModel(
      { ...QUERY, feature: HOSTILE_NAME },
      async (q, offset, limit) => ({
        ...(await server(1).fetch(q, offset, limit)),
        rows: [
          { _file: HOSTILE_NAME, _line: 1, _event_id: HOSTILE_NAME, [HOSTILE_NAME]: HOSTILE_NAME }
        ]
      })
    );
    const view = new RecordsView(model, trans);
    Widget.attach(view, document.body);
    await model.load();
    expect(view.node.querySelector('img')).toBeNull();
    expect(view.node.querySelector('tbody')!.textContent).toContain(HOSTILE_NAME);
    view.dispose();
  });
});

describe('file paths in the table', () => {
  it('keep the hour folders and the start and end of a long capture file name', () => {
    const file = 'tests/run-1/captures/AllTraffic/2026/11/01/20/00-02-574-9e1c47ad-d620-41e0.jsonl';
    expect(shortPath(file)).toBe('…/2026/11/01/20/00-02-574-9e1….jsonl');
    expect(shortPath('data/train.csv')).toBe('data/train.csv');
  });
});

describe('the notebook cell', () => {
  it('reads the listed rows with a path relative to the notebook', () => {
    const file = 'monitoring/late/records/age.outside_range.0123456789.jsonl';
    const code = recordsNotebookCode(file, 'monitoring/late/Untitled.ipynb', 'age outside');
    expect(code).toContain(
      'records = pd.read_json("records/age.outside_range.0123456789.jsonl", lines=True, dtype=False)'
    );
    expect(recordsNotebookCode(file, 'notes/x.ipynb', 'q')).toContain(`pd.read_json("../${file}"`);
    expect(recordsNotebookCode(file, 'Untitled.ipynb', 'q')).toContain(`pd.read_json("${file}"`);
    // A description cannot end the comment line and inject code.
    expect(recordsNotebookCode(file, 'a.ipynb', 'x\nimport os')).toContain('# x import os\n');
  });
});

describe('asking for records from the comparison', () => {
  it('asks for the run of the current statistics, by button and by histogram bar', async () => {
    const model = new ComparisonModel(fixtureStatistics(), shiftedStatistics('age', 30));
    model.select('age');
    const view = new ComparisonView(
      model,
      { baseline: 'baseline/statistics.json', current: 'monitoring/late/statistics.json' },
      trans
    );
    Widget.attach(view, document.body);
    const asked: RecordQuery[] = [];
    view.recordsRequested.connect((_, query) => asked.push(query));
    const buttons = [
      ...view.node.querySelectorAll<HTMLButtonElement>('.jp-ModelMonitor-recordsButton')
    ];
    expect(buttons.map(b => b.dataset.match)).toEqual(['outside_range', 'missing', 'wrong_type']);
    buttons[0].click();
    expect(asked).toEqual([{ run: 'monitoring/late', feature: 'age', match: 'outside_range' }]);
    // A bar of the histogram: its bin, the last one closed at the current maximum.
    await new Promise(resolve => setTimeout(resolve, 50));
    const histogram = charts.filter(c => c.spec?.encoding?.x2?.field === 'upper').pop()!;
    const max = model.selected!.current!.numerical_statistics!.max;
    histogram.onClick!({ series: 'current', lower: 50, upper: 60, share: 0.1 });
    histogram.onClick!({ series: 'current', lower: max - 5, upper: max, share: 0.1 });
    expect(asked.slice(1)).toEqual([
      {
        run: 'monitoring/late',
        feature: 'age',
        match: 'bin',
        lower: 50,
        upper: 60,
        includeUpper: false
      },
      {
        run: 'monitoring/late',
        feature: 'age',
        match: 'bin',
        lower: max - 5,
        upper: max,
        includeUpper: true
      }
    ]);
    view.dispose();
  });

  it('selects the feature of a clicked drift bar', async () => {
    const model = new ComparisonModel(fixtureStatistics(), shiftedStatistics('age', 30));
    model.select('city');
    const view = new ComparisonView(
      model,
      { baseline: 'b/statistics.json', current: 'r/statistics.json' },
      trans
    );
    Widget.attach(view, document.body);
    await new Promise(resolve => setTimeout(resolve, 50));
    const bars = charts.filter(c => c.spec?.layer?.[0]?.encoding?.x?.field === 'feature').pop()!;
    bars.onClick!({ feature: 'age', drift: 0.9, over: true });
    expect(model.selected!.name).toBe('age');
    view.dispose();
  });

  it('offers no records in a notebook output, whose paths are only labels', () => {
    const model = new ComparisonModel(fixtureStatistics(), shiftedStatistics('age', 30));
    const view = new ComparisonView(model, { baseline: 'a', current: 'b' }, trans, false);
    Widget.attach(view, document.body);
    expect(view.node.querySelectorAll('.jp-ModelMonitor-recordsButton')).toHaveLength(0);
    view.dispose();
  });
});

describe('from a violation to the comparison', () => {
  it('opens the selected violation’s feature, once a row is selected', () => {
    const model = new ViolationsTableModel(violationsDocument());
    const compared: string[] = [];
    const view = new ViolationsView(model, trans, feature => compared.push(feature));
    Widget.attach(view, document.body);
    const button = view.node.querySelector<HTMLButtonElement>('.jp-ModelMonitor-compareFeature')!;
    expect(button.disabled).toBe(true);
    const row = model.visibleRows[1];
    model.select(row.index);
    expect(button.disabled).toBe(false);
    button.click();
    expect(compared).toEqual([row.feature]);
    view.dispose();
  });
});
