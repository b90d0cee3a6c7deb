import type { Provenance, StackInfo, StackInput } from '../model/resource';

/** A CloudFormation template as parsed JSON/YAML (short-form tags already turned into `Fn::` objects). */
export interface CfnTemplate {
  Parameters?: Record<string, { Default?: unknown; Type?: string }>;
  Conditions?: Record<string, unknown>;
  Mappings?: Record<string, unknown>;
  Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown>; Condition?: string }>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Metadata?: Record<string, unknown>;
}

export interface TemplateOptions {
  stack: StackInfo;
  parameterValues?: Record<string, unknown>;
  /** Provenance per logical id (line/column, property locations), when the parser knows it. */
  locate?: (logicalId: string) => Partial<Provenance>;
  evaluate?: boolean;
}

/** Turn a template into the graph's input. The construct path comes from `aws:cdk:path` metadata when present, else from `locate`. */
export function templateToStackInput(template: CfnTemplate, opts: TemplateOptions): StackInput {
  const resources = Object.entries(template.Resources ?? {})
    .filter(([, r]) => r && typeof r === 'object' && typeof r.Type === 'string')
    .map(([logicalId, r]) => {
      const metadata = r.Metadata ?? {};
      const cdkPath = metadata['aws:cdk:path'];
      return {
        type: r.Type as string,
        logicalId,
        properties: r.Properties ?? {},
        metadata,
        condition: r.Condition,
        provenance: {
          file: opts.stack.file,
          ...(opts.locate?.(logicalId) ?? {}),
          ...(typeof cdkPath === 'string' ? { constructPath: cdkPath } : {}),
        },
      };
    });
  return {
    stack: opts.stack,
    resources,
    parameters: template.Parameters,
    parameterValues: opts.parameterValues,
    conditions: template.Conditions,
    mappings: template.Mappings,
    outputs: template.Outputs,
    metadata: template.Metadata,
    evaluate: opts.evaluate,
  };
}
