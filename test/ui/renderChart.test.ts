import { escapeHtml } from '../../src/charts/renderChart';

it('escapes tooltip values before vega-tooltip writes them as HTML', () => {
  expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
  );
  expect(escapeHtml(3)).toBe('3');
});
