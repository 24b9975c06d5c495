import { StatisticsDocument } from '../documents/statistics';
import { DatasetFormat } from '../io/datasetFormat';

/**
 * Spark infers one schema for a JSON dataset with every field sorted by name; our profile keeps
 * first-seen order (a key first met in a later line or file comes last), so JSON-lines statistics
 * are put in name order here. Other formats keep column order.
 */
export function inSchemaOrder(
  statistics: StatisticsDocument,
  formats: DatasetFormat[]
): StatisticsDocument {
  if (formats.length === 0 || formats.some(format => format !== 'json')) {
    return statistics;
  }
  const features = [...statistics.features].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  );
  return { ...statistics, features };
}
