import type { Finding, RunWarning } from '../model/finding';
import { annotationText, isBlocking, type GateSettings } from './settings';

/** The metadata types of CDK's annotations (`ArtifactMetadataEntryType`), which the CLI prints and fails on. */
export type AnnotationType = 'aws:cdk:error' | 'aws:cdk:warning' | 'aws:cdk:info';

/**
 * One annotation of a run, by where it goes rather than by construct: the L1 at `constructPath`, else
 * the stack the graph knows as `stack`, else the stage's first stack. Plain data, so that it can be
 * made on another thread than the constructs it lands on.
 */
export interface Annotation {
  readonly constructPath?: string;
  readonly stack?: string;
  readonly type: AnnotationType;
  readonly message: string;
}

export function warningText(w: RunWarning): string {
  return w.checkId ? `${w.checkId} ${w.message}` : `lexscribe: ${w.message}`;
}

/** A finding's annotation, if it has one: blocking ones are errors, other FAIL, UNKNOWN and ERROR warnings. */
function findingAnnotation(f: Finding, settings: GateSettings): AnnotationType | undefined {
  if (isBlocking(f, settings)) return 'aws:cdk:error';
  // Plain warnings, not CDK-acknowledgeable ones: a finding is accepted through a suppression, which records why.
  if (f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'ERROR') return 'aws:cdk:warning';
  if (f.status === 'SUPPRESSED' && settings.showSuppressed) return 'aws:cdk:info';
  return undefined;
}

/** A stage's annotations, in the order they are placed: its findings', then its warnings'. */
export function annotationsOf(findings: readonly Finding[], warnings: readonly RunWarning[], settings: GateSettings): Annotation[] {
  const out: Annotation[] = [];
  for (const f of findings) {
    if (f.status === 'PASS' || f.status === 'NOT_APPLICABLE') continue;
    const type = findingAnnotation(f, settings);
    if (type) out.push({ constructPath: f.resource.constructPath, stack: f.resource.stack, type, message: annotationText(f) });
  }
  for (const w of warnings) out.push(warningAnnotation(w));
  return out;
}

export function warningAnnotation(w: RunWarning): Annotation {
  return { constructPath: w.resource?.constructPath, stack: w.resource?.stack, type: 'aws:cdk:warning', message: warningText(w) };
}
