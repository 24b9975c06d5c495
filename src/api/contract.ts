/**
 * Compile-time checks that the hand-written API types (types.ts) name exactly the fields and the
 * values of api/openapi.yaml, as generated into schema.d.ts by `npm run build:api`: a field or an
 * enum value changed in the spec fails `tsc` here until types.ts follows (test/ui/api/apiContract.test.ts
 * checks that schema.d.ts is the spec's). Types only: nothing here is in the bundle.
 */
import type { components } from './schema';
import type * as Api from './types';
import type * as Records from './records';

type Schemas = components['schemas'];
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type ApiContract = [
  Holds<Exactly<keyof Api.Monitor, keyof Schemas['Monitor']>>,
  Holds<Exactly<Api.Monitor['catch_up'], NonNullable<Schemas['MonitorFields']['catch_up']>>>,
  Holds<Exactly<Api.MonitorType, Schemas['MonitorFields']['monitor_type']>>,
  Holds<Exactly<keyof Api.ModelQualitySettings, keyof Schemas['ModelQualitySettings']>>,
  Holds<Exactly<Api.ProblemType, Schemas['ModelQualitySettings']['problem_type']>>,
  Holds<Exactly<keyof Api.AlertRules, keyof Schemas['AlertRules']>>,
  Holds<Exactly<keyof Api.Execution, keyof Schemas['Execution']>>,
  Holds<Exactly<Api.ExecutionState, Schemas['Execution']['state']>>,
  Holds<Exactly<Api.Execution['trigger'], Schemas['Execution']['trigger']>>,
  Holds<Exactly<keyof Api.Backend, keyof Schemas['Backend']>>,
  Holds<Exactly<keyof Api.MetricHistory, keyof Schemas['MetricHistory']>>,
  Holds<Exactly<keyof Api.MetricSeries, keyof Schemas['MetricSeries']>>,
  Holds<Exactly<Api.MetricSegment, Schemas['MetricSegment']>>,
  Holds<Exactly<keyof Api.Alert, keyof Schemas['Alert']>>,
  Holds<Exactly<Api.Alert['kind'], Schemas['Alert']['kind']>>,
  Holds<Exactly<Records.RecordMatchKind, Schemas['RecordMatch']>>,
  Holds<Exactly<keyof Records.RecordsPage, keyof Schemas['RecordsPage']>>
];
