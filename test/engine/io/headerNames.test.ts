import { headerNames } from '../../../src/engine/io/headerNames';
import { readCsv } from '../../../src/engine/io/csvReader';
import { DatasetProfile } from '../../../src/engine/profile/datasetProfile';
import { collect, context } from './readHelpers';

describe('CSV header names, as Spark makes them', () => {
  test('repeated names, ignoring case, get their index; an empty name is _c<index>', () => {
    expect(headerNames(['a', 'A', 'a', 'b', null])).toEqual(['a0', 'A1', 'a2', 'b', '_c4']);
    expect(headerNames(['x', 'y'])).toEqual(['x', 'y']);
  });

  test.each([false, true])(
    'two columns named alike are two features (byte-level core: %s)',
    async scanCells => {
      const ctx = context('t.csv');
      const text = 'a,a,b\n1,2,3\n4,5,6\n';
      const profile = new DatasetProfile();
      const batches = await collect(readCsv([Buffer.from(text)], { header: true, scanCells }, ctx));
      batches.forEach(batch => profile.add(batch));
      const features = profile.toStatistics().features;
      expect(features.map(f => [f.name, f.numerical_statistics?.common.num_present])).toEqual([
        ['a0', 2],
        ['a1', 2],
        ['b', 2]
      ]);
    }
  );
});
