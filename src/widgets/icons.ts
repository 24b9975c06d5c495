import { LabIcon } from '@jupyterlab/ui-components';

/** A bar chart with a pulse line: Model Monitor's panel and file icon. */
const MONITOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <rect x="3" y="13" width="3" height="8" rx="0.5"/>
    <rect x="8" y="9" width="3" height="12" rx="0.5"/>
    <rect x="13" y="15" width="3" height="6" rx="0.5"/>
    <rect x="18" y="11" width="3" height="10" rx="0.5"/>
    <path d="M2 8h4l2-4 3 7 2-4h9v1.6h-8l-3 5.4-3-7-1 2.6H2z"/>
  </g>
</svg>`;

export const modelMonitorIcon = new LabIcon({
  name: 'jupyterlab-model-monitor:monitor',
  svgstr: MONITOR_SVG
});
