import { exportName, toCsv } from '../../../src/models/csvExport';

describe('toCsv', () => {
  it('writes RFC 4180 with CRLF, quoting only where needed', () => {
    const csv = toCsv(
      ['feature', 'drift', 'note'],
      [
        ['age', 0.25, 'plain'],
        ['a,b', 1e-7, 'say "hi"'],
        ['multi\nline', NaN, ' padded'],
        ['none', undefined, null]
      ]
    );
    expect(csv).toBe(
      'feature,drift,note\r\n' +
        'age,0.25,plain\r\n' +
        '"a,b",1e-7,"say ""hi"""\r\n' +
        '"multi\nline",," padded"\r\n' +
        'none,,\r\n'
    );
  });

  it('defuses text a spreadsheet would run as a formula, but keeps signed numbers', () => {
    const csv = toCsv(['v'], [['=HYPERLINK("http://x")'], ['@SUM(A1)'], ['-5'], ['+2.5'], ['-x']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'@SUM(A1)",
      '-5',
      '+2.5',
      "'-x"
    ]);
  });
});

it('names exports without paths or odd characters', () => {
  expect(exportName('statistics', 'features')).toBe('statistics-features.csv');
  expect(exportName('../x y', 'drift')).toBe('x_y-drift.csv');
  expect(exportName('', 'drift')).toBe('table-drift.csv');
});
