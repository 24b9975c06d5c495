import * as fs from 'fs';
import * as path from 'path';

import { FRONTEND_VERSION } from '../../../src/api/version';

it('FRONTEND_VERSION equals package.json version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
  expect(FRONTEND_VERSION).toBe(pkg.version);
});
