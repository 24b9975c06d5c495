/**
 * One source for the REST contract (#21 item 1): src/api/schema.d.ts is what openapi-typescript
 * makes of api/openapi.yaml today (src/api/types.ts and records.ts take their types from it, and
 * src/api/contract.ts fails `tsc` when the fields types.ts declares itself drift from it), and the
 * limits the forms check are the spec's.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { load } from 'js-yaml';
import { join, resolve } from 'path';

import { DEFAULT_MAX_SEGMENTS, MAX_SEGMENTS, MAX_WINDOW_HOURS } from '../../../src/api/limits';

const ROOT = resolve(__dirname, '../../..');
const SPEC = join(ROOT, 'api/openapi.yaml');
const SCHEMA = join(ROOT, 'src/api/schema.d.ts');

test('src/api/schema.d.ts is generated from api/openapi.yaml (npm run build:api)', () => {
  const node = (script: string, args: string[], input?: string) =>
    execFileSync(process.execPath, [join(ROOT, 'node_modules', script), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input
    });
  // The options of `npm run build:api`: a field with a default may be left out of a request.
  const generated = node('openapi-typescript/bin/cli.js', [
    SPEC,
    '--default-non-nullable',
    'false'
  ]);
  const formatted = node('prettier/bin/prettier.cjs', ['--stdin-filepath', SCHEMA], generated);
  expect(formatted).toBe(readFileSync(SCHEMA, 'utf8'));
});

test('a monitor in a response has every field (src/api/types.ts reads it as Required)', () => {
  interface Schema {
    $ref?: string;
    allOf?: Schema[];
    required?: string[];
    properties?: Record<string, Schema>;
  }
  const spec = load(readFileSync(SPEC, 'utf8')) as {
    components: { schemas: Record<string, Schema> };
  };
  const { Monitor, MonitorFields } = spec.components.schemas;
  const [fields, own] = Monitor.allOf ?? [];
  expect(fields.$ref).toBe('#/components/schemas/MonitorFields');
  const all = [
    ...Object.keys(MonitorFields.properties ?? {}),
    ...Object.keys(own.properties ?? {})
  ];
  expect([...(own.required ?? [])].sort()).toEqual(all.sort());
});

test('the forms’ limits are the spec’s', () => {
  const spec = load(readFileSync(SPEC, 'utf8')) as any;
  const schemas = spec.components.schemas;
  expect(schemas.MonitorFields.properties.window_hours.maximum).toBe(MAX_WINDOW_HOURS);
  expect(schemas.ModelQualitySettings.properties.label_lateness_hours.maximum).toBe(
    MAX_WINDOW_HOURS
  );
  const segments = schemas.MonitorFields.properties.segment.properties.max_segments;
  expect([segments.maximum, segments.default]).toEqual([MAX_SEGMENTS, DEFAULT_MAX_SEGMENTS]);
  const baselineSegments = schemas.BaselineSegment.properties.max_segments;
  expect([baselineSegments.maximum, baselineSegments.default]).toEqual([
    MAX_SEGMENTS,
    DEFAULT_MAX_SEGMENTS
  ]);
});
