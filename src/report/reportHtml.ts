/**
 * A run's report as one self-contained HTML file: summary, violations, the features compared with
 * the baseline (drift, missing shares, checks), the drifted features' distributions and the drift
 * tests. Charts are static SVG drawn beforehand (no script, no CDN: it opens from a file or an
 * email attachment); no sketch is embedded, so it stays small. Every text from the documents goes
 * through `escapeHtml`.
 */
import { DriftTestResult, EXTENSION_KEY, ViolationsDocument } from '../engine/documents/violations';
import { StatisticsDocument } from '../engine/documents/statistics';
import {
  DEFAULT_MONITORING_SETTINGS,
  MonitoringSettings
} from '../engine/monitor/monitoringSettings';
import {
  ComparisonLabels,
  DEFAULT_COMPARISON_LABELS,
  driftBarsSpec
} from '../charts/comparisonSpecs';
import { distributionSpec } from '../charts/distributionSpec';
import { escapeHtml } from '../charts/escapeHtml';
import { SvgRenderer } from '../charts/svgChart';
import { compareStatistics, FeatureComparison } from '../models/comparison';

export interface ReportInput {
  title: string;
  baseline: StatisticsDocument;
  current: StatisticsDocument;
  violations?: ViolationsDocument;
  /** The baseline constraints' monitoring_config, resolved; the defaults without it. */
  settings?: MonitoringSettings;
  /** What each document was read from, shown as given. */
  sources: { baseline: string; current: string; violations?: string };
  /** When the report was made (ISO). */
  generatedAt: string;
}

/** Charts of drifted features drawn at most (the table lists every feature). */
const MAX_FEATURE_CHARTS = 12;
const CHART_WIDTH = 760;

export async function reportHtml(input: ReportInput, toSvg: SvgRenderer): Promise<string> {
  const settings = input.settings ?? DEFAULT_MONITORING_SETTINGS;
  const features = compareStatistics(input.baseline, input.current, input.violations, settings);
  const labels: ComparisonLabels = DEFAULT_COMPARISON_LABELS;
  const withDrift = features.filter(f => f.drift !== undefined);
  const driftChart = withDrift.length
    ? await toSvg(
        driftBarsSpec(
          withDrift.map(f => ({ name: f.name, drift: f.drift!, drifted: f.drifted })),
          settings.comparisonThreshold,
          labels
        ),
        CHART_WIDTH
      )
    : '';
  const charted = [...features]
    .filter(f => f.drifted)
    .sort((a, b) => (b.drift ?? 0) - (a.drift ?? 0))
    .slice(0, MAX_FEATURE_CHARTS);
  const featureCharts: string[] = [];
  for (const feature of charted) {
    const spec = distributionSpec(feature, labels, 180);
    if (spec) {
      featureCharts.push(
        `<figure><figcaption>${escapeHtml(feature.name)}</figcaption>${await toSvg(spec, CHART_WIDTH)}</figure>`
      );
    }
  }
  return page(input.title, [
    header(input, features),
    section('Violations', violationsTable(input.violations)),
    section('Drift by feature', driftChart + featuresTable(features)),
    featureCharts.length
      ? section('Distributions of the drifted features', featureCharts.join(''))
      : '',
    driftTestsSection(input.violations)
  ]);
}

function header(input: ReportInput, features: FeatureComparison[]): string {
  const count = input.violations?.violations.length;
  const drifted = features.filter(f => f.drifted).length;
  const items = Object.entries({
    Baseline: input.sources.baseline,
    Current: input.sources.current,
    Violations: input.sources.violations ?? '—',
    Rows: input.current.dataset?.item_count ?? '—',
    Generated: input.generatedAt
  })
    .map(([key, value]) => `<dt>${key}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const verdict =
    count === undefined
      ? `${drifted} of ${features.length} features above their drift threshold`
      : `${count} violation${count === 1 ? '' : 's'} · ${drifted} of ${features.length} features drifted`;
  return `<header><h1>${escapeHtml(input.title)}</h1><p class="verdict">${escapeHtml(verdict)}</p><dl>${items}</dl></header>`;
}

function violationsTable(violations: ViolationsDocument | undefined): string {
  if (!violations) {
    return '<p>No violations file was given.</p>';
  }
  if (violations.violations.length === 0) {
    return '<p>No violations.</p>';
  }
  return table(
    ['Feature', 'Check', 'Description'],
    violations.violations.map(v => [v.feature_name, v.constraint_check_type, v.description])
  );
}

function featuresTable(features: FeatureComparison[]): string {
  const sorted = [...features].sort((a, b) => (b.drift ?? -1) - (a.drift ?? -1));
  const rows = sorted.map(f => [
    f.name,
    f.kind,
    percent(f.baselineMissing),
    percent(f.currentMissing),
    f.drift === undefined ? '—' : f.drift.toFixed(4),
    f.driftThreshold === undefined ? '—' : String(f.driftThreshold),
    f.violations.join(', ') || '—'
  ]);
  return table(
    [
      'Feature',
      'Kind',
      'Missing (baseline)',
      'Missing (current)',
      'Drift (L∞)',
      'Threshold',
      'Violations'
    ],
    rows,
    sorted.map(f => f.drifted)
  );
}

function driftTestsSection(violations: ViolationsDocument | undefined): string {
  const tests: DriftTestResult[] = violations?.[EXTENSION_KEY]?.drift_tests ?? [];
  if (tests.length === 0) {
    return '';
  }
  return section(
    'Drift tests',
    table(
      ['Feature', 'Test', 'Statistic', 'p-value', 'Threshold', 'Drift'],
      tests.map(t => [
        t.feature_name,
        t.test,
        number(t.statistic),
        number(t.p_value),
        number(t.threshold),
        t.drift ? 'yes' : 'no'
      ])
    )
  );
}

function table(head: string[], rows: unknown[][], marked: boolean[] = []): string {
  const th = head.map(h => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row, i) => {
      const cells = row.map(cell => `<td>${escapeHtml(cell)}</td>`).join('');
      return `<tr${marked[i] ? ' class="marked"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Number(value.toPrecision(6)));
}

function page(title: string, parts: string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>${parts.join('\n')}
<footer>Made by jupyterlab-model-monitor. Drift is the L∞ distance of the drift check (Robust: less an allowance for the sample sizes).</footer>
</body></html>
`;
}

const STYLE = `
body { max-width: 820px; margin: 24px auto; padding: 0 16px; color: #212121;
  font: 14px/1.45 -apple-system, 'Segoe UI', Roboto, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.verdict { font-weight: 600; margin: 0 0 8px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; color: #616161; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; }
th, td { padding: 4px 6px; border-bottom: 1px solid #e0e0e0; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f5f5f5; }
tr.marked td { background: #fdecea; }
figure { margin: 12px 0; } figcaption { font-weight: 600; }
svg { max-width: 100%; height: auto; }
footer { margin-top: 32px; color: #757575; font-size: 12px; }
@media print { body { margin: 0; } section { break-inside: avoid-page; } }
`;
