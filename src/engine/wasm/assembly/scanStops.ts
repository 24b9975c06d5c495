/** Why a scan (csvScan.ts's scan, captureLines.ts's captureRows) stopped: csvScanModule's SCAN_STOP. */
export const BATCH_FULL = 0;
export const NEED_MORE = 1;
export const SPECIAL_LINE = 2;
export const INPUT_END = 3;
