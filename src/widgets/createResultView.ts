import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { ParsedDocument } from '../models/parseDocuments';
import { StatisticsTableModel } from '../models/StatisticsTableModel';
import { ViewerSettings } from '../models/ViewerSettings';
import { ViolationsTableModel } from '../models/ViolationsTableModel';
import { element } from './dom';
import { StatisticsView } from './StatisticsView';
import { ViolationsView } from './ViolationsView';
import { QualityView, SiblingReader } from './QualityView';

export interface ResultViewOptions {
  settings: ViewerSettings;
  trans: TranslationBundle;
  /** Reads a file beside the one shown (model quality: its constraints and violations). */
  readSibling?: SiblingReader;
  /** Opens a feature of the run shown in the comparison with its baseline. */
  compareFeature?: (feature: string) => void;
}

/** The view of a parsed document: statistics, violations, or a message saying why not. */
export function createResultView(parsed: ParsedDocument, options: ResultViewOptions): Widget {
  const { settings, trans } = options;
  switch (parsed.kind) {
    case 'statistics':
      return new StatisticsView(new StatisticsTableModel(parsed.document), settings, trans);
    case 'violations':
      return new ViolationsView(
        new ViolationsTableModel(parsed.document),
        trans,
        options.compareFeature
      );
    case 'quality':
      return new QualityView(parsed.document, trans, options.readSibling);
    default:
      return messageView(unrecognisedText(parsed.reason, trans));
  }
}

function unrecognisedText(reason: string, trans: TranslationBundle): string {
  switch (reason) {
    case 'empty':
      return trans.__('This file is empty.');
    case 'invalid-json':
      return trans.__('This file is not valid JSON. Open it with the Editor to fix it.');
    default:
      return trans.__(
        'This JSON is not a Model Monitor statistics.json or constraint_violations.json. Open it with the Editor or the JSON viewer instead.'
      );
  }
}

export function messageView(text: string): Widget {
  const widget = new Widget({
    node: element('div', { className: 'jp-ModelMonitor-message' }, [element('p', { text })])
  });
  return widget;
}
