import { escapeHtml } from '../../../src/charts/escapeHtml';
import { downloadName } from '../../../src/charts/renderChart';

it('escapes tooltip values before vega-tooltip writes them as HTML', () => {
  expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
  );
  expect(escapeHtml(3)).toBe('3');
});

it('names chart downloads after the chart, with no path or odd characters', () => {
  expect(downloadName('feature_baseline_drift_age')).toBe('feature_baseline_drift_age');
  expect(downloadName('../../etc/passwd')).toBe('etc_passwd');
  expect(downloadName('<img src=x>')).toBe('img_src_x_');
  expect(downloadName(undefined)).toBe('chart');
  expect(downloadName('é'.repeat(3))).toBe('chart');
});
