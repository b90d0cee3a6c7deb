/** An S3 object (or prefix) as Transcribe names media, transcripts and training data. */
export interface S3Location {
  bucket: string;
  /** Object key, decoded; absent for a bucket or a bare prefix URI. */
  key?: string;
  /** The Region named by an HTTPS URL's host (`s3.eu-west-1.amazonaws.com`), when it names one. */
  region?: string;
}

/** `s3.eu-west-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`, `s3.dualstack.eu-west-1.amazonaws.com` → `eu-west-1`. */
function regionOfHost(host: string): string | undefined {
  const m = /(?:^|\.)s3[.-](?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(host);
  return m?.[1];
}

/**
 * Where an S3 URI points. Transcribe takes `s3://bucket/key` and answers with HTTPS URLs, path style
 * (`https://s3.us-east-1.amazonaws.com/bucket/key`, what `Transcript.TranscriptFileUri` holds) or
 * virtual-hosted (`https://bucket.s3.us-east-1.amazonaws.com/key`).
 */
export function s3Location(uri: string | undefined): S3Location | undefined {
  if (!uri) return undefined;
  if (uri.startsWith('s3://')) {
    const [bucket, ...key] = uri.slice(5).split('/');
    return bucket ? { bucket, key: key.join('/') || undefined } : undefined;
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !/\.amazonaws\.com(\.cn)?$/.test(url.hostname)) return undefined;
  const region = regionOfHost(url.hostname);
  const hosted = /^(.+)\.s3[.-]/.exec(url.hostname);
  const path = url.pathname.split('/').slice(1).map((p) => decodeURIComponent(p));
  const [bucket, ...key] = hosted ? [hosted[1], ...path] : path;
  return bucket ? { bucket, key: key.join('/') || undefined, region } : undefined;
}
