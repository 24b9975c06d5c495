/**
 * Compile-time checks on the API types that types.ts does not simply take from schema.d.ts (what
 * `npm run build:api` generates from api/openapi.yaml): the fields it declares itself, those that
 * older servers leave out, must still be fields of the spec. A field renamed or dropped in the spec
 * fails `tsc` here until types.ts follows (test/ui/api/apiContract.test.ts checks that schema.d.ts
 * is the spec's). Types only: nothing here is in the bundle.
 */
import type { CaptureSummaryDocument } from '../engine/pipeline/captureSummary';
import type { components } from './schema';
import type * as Api from './types';

type Schemas = components['schemas'];
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type ApiContract = [
  Holds<Exactly<keyof Api.Monitor, keyof Schemas['Monitor']>>,
  Holds<Exactly<keyof Api.Execution, keyof Schemas['Execution']>>,
  // The server relays the engine's `captures` document as it is.
  Holds<Exactly<keyof CaptureSummaryDocument, keyof Schemas['CaptureSummary']>>,
  Holds<CaptureSummaryDocument extends Schemas['CaptureSummary'] ? true : false>
];
