import { fail, notApplicable, pass, unknown, type Verdict } from '../../lib/engine/check';
import { bool, str } from '../../lib/engine/read';
import type { ResourceGraph } from '../../lib/model/graph';
import type { Resource } from '../../lib/model/resource';
import { Choice, Composite, Unknown, render } from '../../lib/model/values';
import { isAllow, parsePolicy, type PolicyDocument, type Statement } from '../../lib/policy/document';
import { ENDPOINT, VPC, type EndpointProps } from '../../lib/model/types/ec2';

/**
 * Interface VPC endpoints of a service (LEX-NET-1/2, TR-NET-1/2). Service names are matched on their
 * literal suffix, so `com.amazonaws.${AWS::Region}.runtime-v2-lex` built with `Fn::Sub`/`Fn::Join`
 * matches without knowing the Region. Live collectors emit `DescribeVpcEndpoints` results in the same
 * shape (`ServiceName`, `VpcEndpointType`, `PrivateDnsEnabled`, `PolicyDocument`, `VpcId`).
 */

/**
 * Which of `services` (service-name suffixes after the Region: `runtime-v2-lex`, `transcribe.cn`) the
 * endpoint is for; undefined when none; Unknown when its service name cannot be known.
 */
export function endpointService(graph: ResourceGraph, endpoint: Resource, services: readonly string[]): string | undefined | Unknown {
  return serviceOf(graph.props<EndpointProps>(endpoint).ServiceName, services);
}

function serviceOf(name: unknown, services: readonly string[]): string | undefined | Unknown {
  if (name instanceof Choice) {
    const [a, b] = name.options.map((o) => serviceOf(o, services));
    return a === b ? a : new Unknown(`service name depends on condition ${name.condition}`);
  }
  let tail: unknown = name;
  if (name instanceof Composite) tail = name.parts[name.parts.length - 1];
  const text = str(tail);
  if (text instanceof Unknown) return new Unknown(`service name ${render(name)} is not known here`);
  if (text === undefined) return undefined;
  return services.find((s) => text.endsWith(`.${s}`));
}

/** Interface type with private DNS on: the only setup that routes SDK calls through the endpoint. */
export function endpointSetup(graph: ResourceGraph, endpoint: Resource): Verdict {
  const props = graph.props<EndpointProps>(endpoint);
  // CloudFormation's default endpoint type is Gateway, and private DNS is off unless set.
  const type = str(props.VpcEndpointType) ?? 'Gateway';
  const dns = bool(props.PrivateDnsEnabled) ?? false;
  if (type instanceof Unknown) return unknown(`endpoint type cannot be known: ${type.reason}`, { path: 'VpcEndpointType' });
  if (type !== 'Interface') return fail(`endpoint ${endpoint.logicalId} is of type ${type}, not Interface`, { path: 'VpcEndpointType' });
  if (dns instanceof Unknown) return unknown(`whether private DNS is enabled cannot be known: ${dns.reason}`, { path: 'PrivateDnsEnabled' });
  if (!dns) return fail(`endpoint ${endpoint.logicalId} has private DNS off: SDK calls to the public service name bypass it`, { path: 'PrivateDnsEnabled' });
  return pass(`endpoint ${endpoint.logicalId} is an Interface endpoint with private DNS`);
}

/** The endpoint policy; undefined when there is none (the default policy allows everything). */
export function endpointPolicy(graph: ResourceGraph, endpoint: Resource): PolicyDocument | Unknown | undefined {
  return parsePolicy(graph.props<EndpointProps>(endpoint).PolicyDocument);
}

/**
 * The policy of a `label` endpoint (one of `services`), or the verdict that ends the check first: NOT_APPLICABLE
 * when it is another service's endpoint, FAIL when it has no policy (`defaultAllows` says what the
 * default policy lets through), UNKNOWN when its service or policy cannot be known.
 */
export function serviceEndpointPolicy(
  graph: ResourceGraph,
  endpoint: Resource,
  services: readonly string[],
  label: string,
  defaultAllows: string,
): PolicyDocument | Verdict {
  const service = endpointService(graph, endpoint, services);
  if (service instanceof Unknown) return unknown(`whether endpoint ${endpoint.logicalId} is a ${label} endpoint cannot be known: ${service.reason}`, { path: 'ServiceName' });
  if (service === undefined) return notApplicable(`endpoint ${endpoint.logicalId} is not a ${label} endpoint`);
  const policy = endpointPolicy(graph, endpoint);
  if (policy === undefined) return fail(`${label} endpoint ${endpoint.logicalId} has no policy: the default allows ${defaultAllows}`, { path: 'PolicyDocument' });
  if (policy instanceof Unknown) return unknown(`policy of endpoint ${endpoint.logicalId} cannot be read: ${policy.reason}`, { path: 'PolicyDocument' });
  return policy;
}

/** `Allow` to any principal, any action, any resource, without conditions: the default full-access policy. */
export function allowsEverything(stmt: Statement): boolean {
  const anyone = stmt.principal === undefined || stmt.principal.wildcard;
  return isAllow(stmt) && anyone && (stmt.actions ?? []).includes('*') && (stmt.resources ?? []).includes('*') && stmt.conditions.isEmpty;
}

export interface EndpointRequirement {
  /** Stack pseudo-resource of the workload; undefined when the app has none (only endpoints are judged). */
  anchor?: Resource;
  /** Service-name suffixes that count as the service's endpoints. */
  services: readonly string[];
  /** Suffixes every VPC of the app needs an endpoint for. */
  required: readonly string[];
  /** Service label for reasons: "Lex". */
  label: string;
}

/**
 * A verdict on each endpoint of the service (Interface, private DNS) and, when the app has a workload,
 * one on each VPC: it has an endpoint for every required service, or FAIL/UNKNOWN naming what is
 * missing. No VPC and no endpoint: NOT_APPLICABLE on the anchor.
 */
export function endpointVerdicts(graph: ResourceGraph, req: EndpointRequirement): Verdict[] {
  const found: Array<{ endpoint: Resource; service: string }> = [];
  const doubtful: Resource[] = [];
  for (const endpoint of graph.ofType(ENDPOINT)) {
    if (!graph.isEvaluated(endpoint)) continue;
    const service = endpointService(graph, endpoint, req.services);
    if (service instanceof Unknown) doubtful.push(endpoint);
    else if (service !== undefined) found.push({ endpoint, service });
  }
  const out: Verdict[] = found.map(({ endpoint }) => ({ ...endpointSetup(graph, endpoint), resource: endpoint }));
  const vpcs = graph.ofType(VPC).filter((v) => graph.isEvaluated(v));
  if (!req.anchor) return out;
  if (vpcs.length === 0 && found.length === 0) {
    return [notApplicable(`no VPC and no ${req.label} endpoint in this app: callers reach ${req.label} over its public endpoints`, { resource: req.anchor })];
  }
  for (const vpc of vpcs) {
    const inVpc = (e: Resource): boolean | Unknown => {
      const t = graph.target(graph.props<EndpointProps>(e).VpcId, VPC);
      if (t instanceof Unknown) return t;
      return t !== undefined && 'resource' in t && t.resource === vpc;
    };
    for (const service of req.required) {
      const candidates = found.filter((f) => f.service === service).map((f) => f.endpoint);
      const hit = candidates.find((e) => inVpc(e) === true);
      const maybe = [...candidates, ...doubtful].find((e) => inVpc(e) !== false);
      const findingKey = `Service::${service}`;
      if (hit) out.push(pass(`VPC ${vpc.logicalId} reaches ${service} through endpoint ${hit.logicalId}`, { resource: vpc, findingKey }));
      else if (maybe) out.push(unknown(`endpoint ${maybe.logicalId} may serve ${service} in VPC ${vpc.logicalId}, but its service or VPC cannot be known`, { resource: vpc, findingKey }));
      else out.push(fail(`VPC ${vpc.logicalId} has no interface endpoint for ${service}: ${req.label} calls from it leave the VPC`, { resource: vpc, findingKey }));
    }
  }
  return out;
}
