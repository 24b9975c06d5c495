/**
 * The frontend's version, compared with the server's `GET /model-monitor/health`.
 * Kept equal to package.json's `version` by test/ui/api/version.test.ts (tsc's rootDir forbids importing it).
 */
export const FRONTEND_VERSION = '0.1.0';
