import { get, str } from '../../engine/read';
import type { Derivation, DerivedResource, ResourceGraph } from '../../model/graph';
import { parseJsonValue, substitute } from '../../model/json';
import type { Resource } from '../../model/resource';
import { SDK_CALL, isCustomResourceType, type SdkCallProps } from '../../model/types/cloudformation';
import { STATE_MACHINE, type StateMachineProps } from '../../model/types/stepfunctions';
import {
  APP_JOB_TYPE,
  APP_UNREADABLE_JOB_START,
  START_ACTIONS,
  type AppJobStartProps,
  type StartAction,
  type StartJobParameters,
  type UnreadableJobStartProps,
} from '../../model/types/transcribe';
import { Composite, Unknown, render, type Tri } from '../../model/values';

/**
 * Transcription jobs an application starts itself, as `App::Transcribe::Start…` resources (see
 * `lib/model/types/transcribe.ts`): Step Functions tasks on the `aws-sdk:transcribe` service
 * integration (CDK `CallAwsService`) and custom resources calling the Transcribe API on deploy (CDK
 * `AwsCustomResource`). Parameters computed at run time (JSONPath `Key.$`, JSONata `{% … %}`) or at
 * deploy time (a token inside `DefinitionString`) are `Unknown` for their key only. Run by the
 * pipeline on every graph it builds, whichever source filled it.
 */
export const appStartedJobs: Derivation = (graph) => {
  const out = new Starts();
  for (const sm of graph.ofType(STATE_MACHINE)) guarded(sm, 'Definition', out, () => stateMachineJobs(graph, sm, out));
  for (const cr of graph.resources.filter((r) => isCustomResourceType(r.type))) guarded(cr, 'Create', out, () => customResourceJobs(graph, cr, out));
  return out.list;
};

/**
 * One resource's job starts, or, where reading them failed in a way nobody foresaw, one unreadable
 * start saying why: the checks then say UNKNOWN for that resource, and the rest of the run goes on.
 */
function guarded(from: Resource, path: string, out: Starts, read: () => void): void {
  try {
    read();
  } catch (e) {
    out.unreadable(from, path, 'Unreadable', { Reason: `its job starts could not be read (${e instanceof Error ? e.message : 'an error'})` });
  }
}

/** The derived resources, in the order the definitions give them, each with a logical id of its own. */
class Starts {
  readonly list: DerivedResource[] = [];
  private readonly ids = new Set<string>();

  job(from: Resource, path: string, action: StartAction, key: string, props: AppJobStartProps): void {
    this.add(APP_JOB_TYPE[action], from, path, key, props);
  }

  unreadable(from: Resource, path: string, key: string, props: UnreadableJobStartProps): void {
    this.add(APP_UNREADABLE_JOB_START, from, path, key, props);
  }

  private add(type: string, from: Resource, path: string, key: string, properties: AppJobStartProps | UnreadableJobStartProps): void {
    const base = `${from.logicalId}#${key}`;
    let logicalId = base;
    for (let n = 2; this.ids.has(`${from.stack.name}/${logicalId}`); n++) logicalId = `${base}#${n}`;
    this.ids.add(`${from.stack.name}/${logicalId}`);
    this.list.push({ type, logicalId, properties: { ...properties }, origin: { resource: from, path } });
  }
}

/** `startTranscriptionJob`, `StartTranscriptionJobCommand` → `StartTranscriptionJob`; undefined when not a job start. */
function startAction(name: string): StartAction | undefined {
  const bare = name.replace(/Command$/, '').toLowerCase();
  return START_ACTIONS.find((a) => a.toLowerCase() === bare);
}

/**
 * The SDK integration's task ARN in every form Step Functions takes: `arn:aws:states:::aws-sdk:…`, or
 * with a Region and account (`arn:aws:states:us-east-1:123456789012:aws-sdk:…`), and a service
 * integration pattern suffix.
 */
const SDK_TASK = /^arn:[^:]+:states:[^:]*:[^:]*:aws-sdk:transcribe:(\w+?)(\.waitForTaskToken|\.sync(?::2)?)?$/i;

function stateMachineJobs(graph: ResourceGraph, sm: Resource, out: Starts): void {
  const props = graph.props<StateMachineProps>(sm);
  const path = props.Definition !== undefined ? 'Definition' : props.DefinitionString !== undefined ? 'DefinitionString' : 'DefinitionS3Location';
  if (path === 'DefinitionS3Location') {
    if (props.DefinitionS3Location !== undefined) out.unreadable(sm, path, 'Definition', { Reason: 'the definition is read from S3 at deploy time' });
    return;
  }
  let definition = parseJsonValue(props[path]);
  const substitutions = props.DefinitionSubstitutions;
  if (substitutions && typeof substitutions === 'object' && substitutions.constructor === Object) {
    definition = substitute(definition, substitutions as Record<string, unknown>);
  }
  if (definition instanceof Unknown) {
    out.unreadable(sm, path, 'Definition', { Reason: `the definition cannot be read: ${definition.reason}` });
    return;
  }
  const topLanguage = str(get(definition, 'QueryLanguage'));
  walkStates(sm, path, get(definition, 'States'), typeof topLanguage === 'string' ? topLanguage : 'JSONPath', out);
}

function walkStates(sm: Resource, path: string, states: unknown, language: string, out: Starts): void {
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

function taskJob(sm: Resource, path: string, name: string, state: unknown, language: string, out: Starts): void {
  const resource = get(state, 'Resource');
  const key = `State::${name}`;
  if (resource instanceof Unknown) {
    out.unreadable(sm, path, key, { Reason: `the Resource of state "${name}" cannot be known: ${resource.reason}`, State: name });
    return;
  }
  if (typeof resource !== 'string' && !(resource instanceof Composite)) return;
  const m = SDK_TASK.exec(render(resource).replace(/\$\{[^}]*\}/g, 'x'));
  const action = m ? startAction(m[1]) : undefined;
  if (!action) return;
  const jsonata = language.toLowerCase() === 'jsonata';
  const raw = get(state, jsonata ? 'Arguments' : 'Parameters');
  out.job(sm, path, action, key, { Parameters: jsonata ? arguments_(raw) : parameters(raw), State: name });
}

/** JSONPath `Parameters`: a key ending in `.$` takes its value from the state input at run time. */
function parameters(node: unknown): Tri<StartJobParameters> {
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
function arguments_(node: unknown): Tri<StartJobParameters> {
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
const CALLS = ['Create', 'Update', 'Delete'] as const;

function customResourceJobs(graph: ResourceGraph, cr: Resource, out: Starts): void {
  const props = graph.props<SdkCallProps>(cr);
  for (const path of CALLS) {
    if (props[path] === undefined) continue;
    // Other custom resources may have a property of that name: only SDK calls, or what mentions Transcribe, count.
    const maybeTranscribe = cr.type === SDK_CALL || /transcribe/i.test(render(props[path]));
    const call = parseJsonValue(props[path]);
    if (call instanceof Unknown) {
      if (maybeTranscribe) out.unreadable(cr, path, path, { Reason: `the ${path} call cannot be read: ${call.reason}`, Call: path });
      continue;
    }
    const service = str(get(call, 'service'));
    const action = str(get(call, 'action'));
    if (service instanceof Unknown || action instanceof Unknown) {
      if (maybeTranscribe) out.unreadable(cr, path, path, { Reason: `the service or action of the ${path} call cannot be known`, Call: path });
      continue;
    }
    if (!service || !action || !TRANSCRIBE_SERVICE.test(service)) continue;
    const start = startAction(action);
    if (!start) continue;
    out.job(cr, path, start, path, { Parameters: parameters(get(call, 'parameters')), Call: path });
  }
}
