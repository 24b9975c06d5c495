/**
 * Chart colours and fonts from JupyterLab's CSS variables, so charts follow the light and dark
 * themes; `watchTheme` reports theme switches (JupyterLab sets data-jp-theme-* on <body> once
 * the new theme's CSS is loaded).
 */
import type { Config } from 'vega-lite';

function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

export function isDarkTheme(): boolean {
  return document.body.dataset.jpThemeLight === 'false';
}

export function chartConfig(): Config {
  const text = cssVariable('--jp-ui-font-color1', isDarkTheme() ? '#e0e0e0' : '#212121');
  const muted = cssVariable('--jp-ui-font-color2', isDarkTheme() ? '#bdbdbd' : '#616161');
  const grid = cssVariable('--jp-border-color2', isDarkTheme() ? '#424242' : '#e0e0e0');
  const bar = cssVariable('--jp-brand-color1', '#1976d2');
  const font = cssVariable('--jp-ui-font-family', 'sans-serif');
  return {
    background: 'transparent',
    font,
    view: { stroke: 'transparent' },
    bar: { fill: bar },
    axis: {
      labelColor: muted,
      titleColor: text,
      domainColor: grid,
      tickColor: grid,
      gridColor: grid
    },
    legend: { labelColor: text, titleColor: text },
    title: { color: text }
  };
}

/** Calls `onChange` after every theme switch; returns the function that stops watching. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, {
    attributes: true,
    attributeFilter: ['data-jp-theme-name', 'data-jp-theme-light']
  });
  return () => observer.disconnect();
}
