import { parseDocumentText } from '../../../src/models/parseDocuments';
import { statisticsDocument, violationsDocument } from '../fixtures/documents';

describe('parseDocumentText', () => {
  it('recognises statistics and violations documents', () => {
    expect(parseDocumentText(JSON.stringify(statisticsDocument())).kind).toBe('statistics');
    expect(parseDocumentText(JSON.stringify(violationsDocument())).kind).toBe('violations');
    expect(parseDocumentText('{"violations" : [ ]}').kind).toBe('violations');
  });

  it('explains why other text is not rendered', () => {
    expect(parseDocumentText('  ')).toEqual({ kind: 'unknown', reason: 'empty' });
    expect(parseDocumentText('{"features": [')).toEqual({
      kind: 'unknown',
      reason: 'invalid-json'
    });
    expect(parseDocumentText('{"features": [{"name": "a"}]}').kind).toBe('unknown');
    expect(parseDocumentText('{"features": "x"}').kind).toBe('unknown');
    expect(parseDocumentText('[1, 2]').kind).toBe('unknown');
    expect(parseDocumentText('{"violations": [1]}').kind).toBe('unknown');
  });
});
