/** Command ids, all in the `model-monitor:` namespace. */
export const CommandIds = {
  openPanel: 'model-monitor:open-panel'
} as const;
