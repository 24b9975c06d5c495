// CLI runs in the tests keep the launcher's V8 code caches in a folder of their own, not in the
// developer's ~/.cache (one cache per bundle and command, about 0.6 MB each, and a bundle per
// build). Set here, before jest starts its workers, so the CLIs they spawn inherit it. An empty
// MODEL_MONITOR_CACHE_DIR (no cache) is kept as it is.
const os = require('os');
const path = require('path');

module.exports = () => {
  process.env.MODEL_MONITOR_CACHE_DIR ??= path.join(os.tmpdir(), 'model-monitor-test-cache');
};
