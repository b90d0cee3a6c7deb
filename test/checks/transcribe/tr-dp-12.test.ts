import trDp12 from '../../../checks/data-protection/tr-dp-12-app-started-jobs';
import { synthStack } from '../../helpers/synth';
import { jobCustomResource } from './fixtures';

/** The cases of TR-DP-12 are its tester table (data-protection/tr-dp-12-app-started-jobs.cases.ts); this one has no finding at all. */
describe('TR-DP-12 jobs started by a custom resource (AwsCustomResource)', () => {
  test('other SDK calls and other custom resources are not jobs', () => {
    const out = synthStack((stack) => void jobCustomResource(stack, { VocabularyName: 'v' }, 'getVocabulary'), { checks: [trDp12] });
    expect(out.of('TR-DP-12')).toEqual([]);
  });
});
