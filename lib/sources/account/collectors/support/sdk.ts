/**
 * The SDK client packages that collectors use per resource, each loaded on first use and then kept.
 * Compiled to CommonJS, every `await import()` copies all of a package's exports into a new object
 * (`__importStar`): once per bucket, key or job that was ~10 % of an audit's CPU. Loading stays lazy,
 * so a run still loads only the clients it uses.
 */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export const loadS3 = lazy(() => import('@aws-sdk/client-s3'));
export const loadKms = lazy(() => import('@aws-sdk/client-kms'));
export const loadLogs = lazy(() => import('@aws-sdk/client-cloudwatch-logs'));
export const loadLambda = lazy(() => import('@aws-sdk/client-lambda'));
export const loadLex = lazy(() => import('@aws-sdk/client-lex-models-v2'));
export const loadCloudTrail = lazy(() => import('@aws-sdk/client-cloudtrail'));
export const loadTranscribe = lazy(() => import('@aws-sdk/client-transcribe'));
