import { renderSvg } from '../../../src/charts/svgChart';
import { readViolations } from '../../../src/engine/documents/read';
import { reportHtml } from '../../../src/report/reportHtml';
import { fixtureStatistics, shiftedStatistics } from '../fixtureStatistics';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('reportHtml', () => {
  jest.setTimeout(60_000);

  it('is one self-contained page: tables, SVG charts, no script, every text escaped', async () => {
    const baseline = fixtureStatistics();
    const violations = {
      violations: [
        {
          feature_name: HOSTILE,
          constraint_check_type: 'completeness_check' as const,
          description: 'Value: 0.5 <b>below</b>'
        },
        {
          feature_name: 'income',
          constraint_check_type: 'baseline_drift_check' as const,
          description: 'Baseline drift distance: 0.9 exceeds threshold: 0.1'
        }
      ]
    };
    const html = await reportHtml(
      {
        title: `churn ${HOSTILE}`,
        baseline,
        // income, not the file's first feature, drifts: the marked row must follow the sort.
        current: shiftedStatistics('income', 50_000),
        violations: readViolations(JSON.stringify(violations), 'v.json'),
        sources: { baseline: 'b/statistics.json', current: 'run/statistics.json' },
        generatedAt: '2026-12-06T15:00:00Z'
      },
      renderSvg
    );
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<img|<b>|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('2 violations');
    // The drift bars and the drifted feature's histograms, as inline SVG.
    expect((html.match(/<svg/g) ?? []).length).toBe(2);
    expect(html).toContain('<figcaption>income</figcaption>');
    // The drifted feature's row is the one marked, whatever the sort.
    expect(html).toMatch(/<tr class="marked"><td>income<\/td>/);
    expect((html.match(/class="marked"/g) ?? []).length).toBe(1);
    // No sketch: a report is a few tens of KB however large the statistics.
    expect(html.length).toBeLessThan(150_000);
  });
});
