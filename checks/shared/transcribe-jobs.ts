import { get, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Composite, Unknown, render } from '../../lib/model/values';
import { parseJsonValue, substitute } from '../../lib/model/json';

/**
 * Transcription jobs an application starts itself (TR-DP-12, and the buckets, keys, roles and tags
 * other Transcribe checks follow from them): Step Functions tasks on the `aws-sdk:transcribe` service
 * integration (CDK `CallAwsService`) and custom resources calling the Transcribe API on deploy (CDK
 * `AwsCustomResource`). Parameters computed at run time (JSONPath `Key.$`, JSONata `{% … %}`) or at
 * deploy time (a token inside `DefinitionString`) are `Unknown` for their key only.
 */

export const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';
export const CUSTOM_RESOURCE = 'AWS::CloudFormation::CustomResource';

export const START_ACTIONS = ['StartTranscriptionJob', 'StartMedicalTranscriptionJob', 'StartCallAnalyticsJob', 'StartMedicalScribeJob'] as const;
export type StartAction = (typeof START_ACTIONS)[number];

export interface AppJob {
  /** The state machine or custom resource that starts the job. */
  resource: Resource;
  action: StartAction;
  /** For reasons: `state "Transcribe"`, `the Create call`. */
  label: string;
  /** Finding-key prefix: `State::Transcribe`, `Create`. */
  key: string;
  /** Property path of the call: `DefinitionString`, `Definition`, `Create`. */
  path: string;
  /** Request parameters; Unknown as a whole when they are computed at run time. */
  parameters: Record<string, unknown> | Unknown;
}

/** A state machine or custom resource that may start a job, but cannot be read. */
export interface UnreadableCall {
  resource: Resource;
  path: string;
  reason: string;
  /** Finding key for the part that cannot be read. */
  key: string;
}

export interface AppJobs {
  jobs: AppJob[];
  unreadable: UnreadableCall[];
}

const cache = new WeakMap<ResourceGraph, AppJobs>();

/** Every job start the graph's state machines and custom resources make, computed once per graph. */
export function appStartedJobs(graph: ResourceGraph): AppJobs {
  let hit = cache.get(graph);
  if (!hit) {
    hit = { jobs: [], unreadable: [] };
    for (const sm of graph.ofType(STATE_MACHINE)) stateMachineJobs(graph, sm, hit);
    for (const cr of graph.resources.filter(isCustomResource)) customResourceJobs(graph, cr, hit);
    cache.set(graph, hit);
  }
  return hit;
}

function isCustomResource(r: Resource): boolean {
  return r.type === CUSTOM_RESOURCE || r.type.startsWith('Custom::');
}

/** `startTranscriptionJob`, `StartTranscriptionJobCommand` → `StartTranscriptionJob`; undefined when not a job start. */
function startAction(name: string): StartAction | undefined {
  const bare = name.replace(/Command$/, '').toLowerCase();
  return START_ACTIONS.find((a) => a.toLowerCase() === bare);
}

const SDK_TASK = /^arn:[^:]+:states:::aws-sdk:transcribe:(\w+?)(\.waitForTaskToken)?$/i;

function stateMachineJobs(graph: ResourceGraph, sm: Resource, out: AppJobs): void {
  const props = graph.props(sm);
  const path = props.Definition !== undefined ? 'Definition' : props.DefinitionString !== undefined ? 'DefinitionString' : 'DefinitionS3Location';
  if (path === 'DefinitionS3Location') {
    if (props.DefinitionS3Location !== undefined) out.unreadable.push({ resource: sm, path, key: 'Definition', reason: 'the definition is read from S3 at deploy time' });
    return;
  }
  let definition = parseJsonValue(props[path]);
  const substitutions = props.DefinitionSubstitutions;
  if (substitutions && typeof substitutions === 'object' && substitutions.constructor === Object) {
    definition = substitute(definition, substitutions as Record<string, unknown>);
  }
  if (definition instanceof Unknown) {
    out.unreadable.push({ resource: sm, path, key: 'Definition', reason: `the definition cannot be read: ${definition.reason}` });
    return;
  }
  const topLanguage = str(get(definition, 'QueryLanguage'));
  walkStates(sm, path, get(definition, 'States'), typeof topLanguage === 'string' ? topLanguage : 'JSONPath', out);
}

function walkStates(sm: Resource, path: string, states: unknown, language: string, out: AppJobs): void {
  if (!states || typeof states !== 'object' || states.constructor !== Object) return;
  for (const [name, state] of Object.entries(states as Record<string, unknown>)) {
    const own = str(get(state, 'QueryLanguage'));
    const lang = typeof own === 'string' ? own : language;
    const type = str(get(state, 'Type'));
    if (type === 'Parallel') {
      const branches = get(state, 'Branches');
      if (Array.isArray(branches)) for (const b of branches) walkStates(sm, path, get(b, 'States'), lang, out);
    } else if (type === 'Map') {
      walkStates(sm, path, get(state, 'ItemProcessor.States') ?? get(state, 'Iterator.States'), lang, out);
    } else if (type === 'Task') {
      taskJob(sm, path, name, state, lang, out);
    }
  }
}

function taskJob(sm: Resource, path: string, name: string, state: unknown, language: string, out: AppJobs): void {
  const resource = get(state, 'Resource');
  const key = `State::${name}`;
  if (resource instanceof Unknown) {
    out.unreadable.push({ resource: sm, path, key, reason: `the Resource of state "${name}" cannot be known: ${resource.reason}` });
    return;
  }
  if (typeof resource !== 'string' && !(resource instanceof Composite)) return;
  const m = SDK_TASK.exec(render(resource).replace(/\$\{[^}]*\}/g, 'x'));
  const action = m ? startAction(m[1]) : undefined;
  if (!action) return;
  const jsonata = language.toLowerCase() === 'jsonata';
  const raw = get(state, jsonata ? 'Arguments' : 'Parameters');
  out.jobs.push({ resource: sm, action, label: `state "${name}"`, key, path, parameters: jsonata ? arguments_(raw) : parameters(raw) });
}

/** JSONPath `Parameters`: a key ending in `.$` takes its value from the state input at run time. */
function parameters(node: unknown): Record<string, unknown> | Unknown {
  if (node === undefined) return {};
  if (node instanceof Unknown) return node;
  if (!node || typeof node !== 'object' || node.constructor !== Object) return new Unknown(`Parameters is ${render(node)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k.endsWith('.$')) out[k.slice(0, -2)] = new Unknown(`${k.slice(0, -2)} is computed at run time (${render(v)})`);
    else out[k] = v && typeof v === 'object' && v.constructor === Object ? parameters(v) : v;
  }
  return out;
}

const JSONATA = /^\s*\{%[\s\S]*%\}\s*$/;

/** JSONata `Arguments`: a `{% … %}` expression is evaluated at run time. */
function arguments_(node: unknown): Record<string, unknown> | Unknown {
  if (node === undefined) return {};
  if (node instanceof Unknown) return node;
  if (typeof node === 'string' && JSONATA.test(node)) return new Unknown(`the arguments are computed at run time (${node.trim()})`);
  if (!node || typeof node !== 'object' || node.constructor !== Object) return new Unknown(`Arguments is ${render(node)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === 'string' && JSONATA.test(v)) out[k] = new Unknown(`${k} is computed at run time (${v.trim()})`);
    else out[k] = v && typeof v === 'object' && v.constructor === Object ? arguments_(v) : v;
  }
  return out;
}

const TRANSCRIBE_SERVICE = /^(transcribe(service)?|@aws-sdk\/client-transcribe)$/i;
const CALLS = ['Create', 'Update', 'Delete'];
/** The type CDK's `AwsCustomResource` gives its resource. */
const SDK_CALL = 'Custom::AWS';

function customResourceJobs(graph: ResourceGraph, cr: Resource, out: AppJobs): void {
  const props = graph.props(cr);
  for (const path of CALLS) {
    if (props[path] === undefined) continue;
    // Other custom resources may have a property of that name: only SDK calls, or what mentions Transcribe, count.
    const maybeTranscribe = cr.type === SDK_CALL || /transcribe/i.test(render(props[path]));
    const call = parseJsonValue(props[path]);
    if (call instanceof Unknown) {
      if (maybeTranscribe) out.unreadable.push({ resource: cr, path, key: path, reason: `the ${path} call cannot be read: ${call.reason}` });
      continue;
    }
    const service = str(get(call, 'service'));
    const action = str(get(call, 'action'));
    if (service instanceof Unknown || action instanceof Unknown) {
      if (maybeTranscribe) out.unreadable.push({ resource: cr, path, key: path, reason: `the service or action of the ${path} call cannot be known` });
      continue;
    }
    if (!service || !action || !TRANSCRIBE_SERVICE.test(service)) continue;
    const start = startAction(action);
    if (!start) continue;
    out.jobs.push({ resource: cr, action: start, label: `the ${path} call`, key: path, path, parameters: parameters(get(call, 'parameters')) });
  }
}

/** A request parameter at a dotted path (`Settings.ContentRedaction`), Unknown when it or its parent is computed. */
export function param(job: AppJob, path: string): unknown {
  return job.parameters instanceof Unknown ? job.parameters : get(job.parameters, path);
}
