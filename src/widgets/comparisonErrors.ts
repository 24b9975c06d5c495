import { TranslationBundle } from '@jupyterlab/translation';

import { ComparisonFileError } from '../models/loadComparison';
import { messageOf } from '../models/errorMessage';

/** Why a comparison's files could not be shown, naming the file. */
export function fileErrorText(error: unknown, trans: TranslationBundle): string {
  if (error instanceof ComparisonFileError) {
    switch (error.reason) {
      case 'unreadable':
        return trans.__('%1 could not be read.', error.path);
      case 'invalid-json':
        return trans.__(
          '%1 is not valid JSON: is it cut short, or still being written?',
          error.path
        );
      default:
        return trans.__('%1 is not a Model Monitor statistics.json.', error.path);
    }
  }
  return messageOf(error);
}
