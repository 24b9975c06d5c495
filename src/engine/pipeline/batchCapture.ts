/**
 * SageMaker batch transform data capture (its BatchDataCaptureConfig): the capture destination
 * holds `input/` (and `output/`) folders of manifests in `yyyy/mm/dd/HH` hour folders, each a
 * SageMaker manifest naming the transform's input objects in S3 rather than copying them:
 * `[{"prefix": "s3://bucket/path/"}, "relative/key-1", "relative/key-2", ...]`.
 * A local copy is read through `s3Map`: which local folder holds each S3 prefix.
 */
import { DataError, UsageError } from '../errors';

/** An S3 prefix (`s3://bucket/path/`) and the local folder holding a copy of it. */
export type S3Mapping = [s3Prefix: string, localDir: string];

export interface BatchCapture {
  s3Map: S3Mapping[];
}

/** The folder of a capture destination whose manifests list the transform's inputs. */
export const BATCH_INPUT_FOLDER = 'input';

/** The S3 URIs a manifest names, in its order; errors name the manifest and the entry. */
export function manifestUris(text: string, manifest: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${manifest}: not a SageMaker manifest: ${(error as Error).message}`);
  }
  const [head, ...keys] = Array.isArray(value) ? value : [];
  const prefix = (head as { prefix?: unknown } | undefined)?.prefix;
  if (typeof prefix !== 'string' || !prefix.startsWith('s3://')) {
    throw new DataError(
      `${manifest}: not a SageMaker manifest: expected [{"prefix": "s3://…"}, "key", …]`
    );
  }
  return keys.map((key, index) => {
    if (typeof key !== 'string') {
      throw new DataError(`${manifest}: entry ${index + 1} is not a key string`);
    }
    return prefix.endsWith('/') || key.startsWith('/') ? prefix + key : `${prefix}/${key}`;
  });
}

/** The local copy of an S3 object: the longest mapped prefix wins. */
export function localPathOf(uri: string, s3Map: S3Mapping[], manifest: string): string {
  const matches = s3Map
    .map(([prefix, dir]) => [withSlash(prefix), dir] as const)
    .filter(([prefix]) => uri.startsWith(prefix))
    .sort((a, b) => b[0].length - a[0].length);
  if (matches.length === 0) {
    throw new UsageError(
      `${manifest} names ${uri}: give the local folder of its S3 prefix (--s3-map s3://…=folder)`
    );
  }
  const [prefix, dir] = matches[0];
  return `${dir.replace(/\/+$/, '')}/${uri.slice(prefix.length)}`;
}

/**
 * `s3://bucket/path=local/dir` as an S3Mapping. S3 keys often hold `=` (`date=2024-05-01/`): a
 * prefix that ends with `/` ends at its first `/=`.
 */
export function parseS3Mapping(text: string): S3Mapping {
  const slashEquals = text.indexOf('/=');
  const at = slashEquals >= 0 ? slashEquals + 1 : text.indexOf('=');
  const prefix = at > 0 ? text.slice(0, at) : '';
  const dir = at > 0 ? text.slice(at + 1) : '';
  if (!prefix.startsWith('s3://') || !dir) {
    throw new UsageError(
      `--s3-map must be s3://bucket/prefix=local/folder, got ${JSON.stringify(text)}`
    );
  }
  return [prefix, dir];
}

function withSlash(prefix: string): string {
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}
