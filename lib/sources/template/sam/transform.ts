import type { CfnTemplate } from '../../template';

// Apart from the expansion (./index), so that a scan of templates without the transform never loads the expanders.
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Whether a template asks for the SAM transform (`Transform: AWS::Serverless-2016-10-31`, alone or in a list). */
export function hasSamTransform(template: CfnTemplate): boolean {
  const transform = (template as Record<string, unknown>).Transform;
  return transform === SAM_TRANSFORM || (Array.isArray(transform) && transform.includes(SAM_TRANSFORM));
}

