import { TimeWindow } from '../pipeline/captureWindow';

/** Default time labels may arrive after the window's end and still count (hours). */
export const DEFAULT_LABEL_LATENESS_HOURS = 24;

/**
 * The ground-truth window: labels are filed by labelling hour, so a capture of [start, end) may be
 * labelled up to `latenessHours` after `end`.
 */
export function labelWindow(window: TimeWindow, latenessHours: number): TimeWindow {
  return {
    start: window.start,
    end: window.end && new Date(window.end.getTime() + latenessHours * 3600_000)
  };
}
