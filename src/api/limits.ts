/**
 * Limits of the REST API that the forms check before sending (api/openapi.yaml; test/ui/api/apiContract
 * checks they are the spec's, test_openapi.py that the server's are).
 */

/** The longest run window, and the longest wait for late labels: 31 days, in hours. */
export const MAX_WINDOW_HOURS = 744;

/** A segmented run's most segments of their own (`segment.max_segments`), and the default: the engine's. */
export {
  MAX_SEGMENTS_LIMIT as MAX_SEGMENTS,
  DEFAULT_MAX_SEGMENTS
} from '../engine/profile/segmentSpec';
