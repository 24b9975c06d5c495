export { formatJavaDouble } from './javaDouble';
export { writeJackson, quoteJson } from './jackson';
export type { JsonPath, LongPathPredicate } from './jackson';
export { parseLenientJson, DocumentSyntaxError } from './lenientJson';
export type { LenientJsonOptions } from './lenientJson';
export {
  detectDocumentKind,
  formatDocument,
  isLongPath,
  writeConstraints,
  writeStatistics,
  writeViolations
} from './documents';
export type { DocumentKind } from './documents';
