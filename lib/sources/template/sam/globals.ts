import { isIntrinsic, isMapping } from './model';

/** The `Globals` section each SAM type reads (`Globals.Function` for `AWS::Serverless::Function`). */
export const GLOBALS_SECTIONS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/**
 * A resource's property over its global value, as SAM merges them: maps key by key (the resource's
 * value wins), lists added to (the global entries first), anything else (an intrinsic included)
 * replaced by the resource's value.
 */
function merge(global: unknown, local: unknown): unknown {
  if (local === undefined) return global;
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  if (isMapping(global) && isMapping(local) && !isIntrinsic(global) && !isIntrinsic(local)) {
    const out: Record<string, unknown> = { ...(global as Record<string, unknown>) };
    for (const [k, v] of Object.entries(local)) out[k] = merge(global[k], v);
    return out;
  }
  return local;
}

/** The properties of a SAM resource with the template's `Globals` for its type applied. */
export function withGlobals(type: string, props: Record<string, unknown>, globals: unknown): Record<string, unknown> {
  const section = GLOBALS_SECTIONS[type];
  const global = section && isMapping(globals) ? globals[section] : undefined;
  if (!isMapping(global)) return props;
  return merge(global, props) as Record<string, unknown>;
}
