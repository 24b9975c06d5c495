/**
 * Starts the profiling worker. Kept apart from the runner because `import.meta.url` only exists in
 * the ES module build: the bundler (rspack) sees this `new Worker(new URL(...))` pattern, emits
 * `entry` as a chunk of its own into the labextension and loads it from the extension's public
 * path. Tests give the runner their own factory.
 */
export function createProfileWorker(): Worker {
  return new Worker(new URL('./entry', import.meta.url), { name: 'model-monitor-profile' });
}
