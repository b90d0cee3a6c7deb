import { defineCheck, fail, notApplicable, pass, unknown } from '../../lib/engine/check';
import { str } from '../../lib/engine/read';
import { Reference, Unknown, render } from '../../lib/model/values';
import { PRODUCTION_OPTIONS, isProductionAlias } from '../shared/production';
import { BOT_ALIAS, BOT_VERSION, type BotAliasProps } from '../../lib/model/types/lex';

export default defineCheck({
  id: 'LEX-RES-2',
  title: 'Production aliases point to a numbered bot version',
  severity: 'LOW',
  rationale:
    'The DRAFT version changes with every edit and build. An alias on a numbered, immutable version serves exactly what was tested, and rolling back is pointing the alias at the previous number.',
  remediation:
    'Create an AWS::Lex::BotVersion and set the alias BotVersion to its version (Fn::GetAtt <BotVersion>.BotVersion) or to a version number; keep DRAFT and the test alias for development.',
  docs: 'https://docs.aws.amazon.com/lexv2/latest/dg/versions.html',
  modes: ['synth', 'live'],
  options: PRODUCTION_OPTIONS,
  resourceTypes: [BOT_ALIAS],
  evaluate(resource, { graph, options }) {
    const production = isProductionAlias(graph, resource, options);
    if (production instanceof Unknown) return unknown(production.reason);
    if (production !== true) return notApplicable(production);
    const version = graph.props<BotAliasProps>(resource).BotVersion;
    if (version === undefined) return fail(`alias ${resource.logicalId} names no BotVersion`, { path: 'BotVersion' });
    if (version instanceof Reference && version.target.type === BOT_VERSION) {
      return pass(`alias ${resource.logicalId} points to version ${version.target.logicalId}`);
    }
    const text = str(version);
    if (text instanceof Unknown) return unknown(`bot version ${render(version)} cannot be known: ${text.reason}`, { path: 'BotVersion' });
    if (text === 'DRAFT') return fail(`alias ${resource.logicalId} serves the DRAFT version, which changes with every edit`, { path: 'BotVersion' });
    if (/^[1-9]\d*$/.test(text ?? '')) return pass(`alias ${resource.logicalId} points to version ${text}`);
    return fail(`alias ${resource.logicalId} points to "${text}", which is not a numbered version`, { path: 'BotVersion' });
  },
});
