/** ARN parsing and the name each resource type is known by, so literal ARNs and names find graph resources. */

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(text: string): ParsedArn | undefined {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

/** For each resource type: the property holding its name, and how to read that name out of an ARN. */
interface NamedType {
  nameProperty?: string;
  fromArn: (arn: ParsedArn) => string | undefined;
}

const NAMED_TYPES: Record<string, NamedType> = {
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    // Log group names hold no `:`; what follows is `:*` or `:log-stream:…`.
    fromArn: (a) => (a.service === 'logs' ? /^log-group:([^:]+)(?::.*)?$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    // Bucket ARNs name no Region and no account; access points, jobs and Storage Lens configurations do.
    fromArn: (a) => (a.service === 's3' && a.region === '' && a.account === '' ? a.resource.split('/')[0] : undefined),
  },
  'AWS::KMS::Key': {
    fromArn: (a) => (a.service === 'kms' ? /^key\/(.+)$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::KMS::Alias': {
    nameProperty: 'AliasName',
    fromArn: (a) => (a.service === 'kms' && a.resource.startsWith('alias/') ? a.resource : undefined),
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    fromArn: (a) => (a.service === 'iam' ? /^role\/(?:.*\/)?([^/]+)$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::IAM::ServiceLinkedRole': {
    fromArn: (a) => (a.service === 'iam' ? /^role\/aws-service-role\/(?:.*\/)?([^/]+)$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::IAM::User': {
    nameProperty: 'UserName',
    fromArn: (a) => (a.service === 'iam' ? /^user\/(?:.*\/)?([^/]+)$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    fromArn: (a) => (a.service === 'lambda' ? /^function:([^:]+)/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::Lex::Bot': {
    fromArn: (a) => (a.service === 'lex' ? /^bot\/([^/]+)$/.exec(a.resource)?.[1] : undefined),
  },
  'AWS::Lex::BotAlias': {
    fromArn: (a) => (a.service === 'lex' ? /^bot-alias\/([^/]+\/[^/]+)$/.exec(a.resource)?.[1] : undefined),
  },
};

/** Name property of a type (for the name index), if it has one. */
export function nameProperty(type: string): string | undefined {
  return NAMED_TYPES[type]?.nameProperty;
}

/** Every `(type, name)` pair an ARN could denote. */
export function namesInArn(arn: string): Array<{ type: string; name: string }> {
  const parsed = parseArn(arn);
  if (!parsed) return [];
  const out: Array<{ type: string; name: string }> = [];
  for (const [type, t] of Object.entries(NAMED_TYPES)) {
    const name = t.fromArn(parsed);
    if (name) out.push({ type, name });
  }
  return out;
}

/** A bare name or ARN (`my-bucket`, `alias/app`, a key id) as a value of a name property. */
export function isArn(text: string): boolean {
  return text.startsWith('arn:');
}
