import trMon1 from '../../../checks/monitoring/tr-mon-1-cloudtrail';
import { synthStack } from '../../helpers/synth';

/** The cases of the Transcribe monitoring checks are their tester tables (monitoring/tr-mon-*.cases.ts); this one has no finding at all. */
describe('TR-MON-1 CloudTrail', () => {
  test('no Transcribe in the app: nothing to say', () => {
    expect(synthStack(() => undefined, { checks: [trMon1] }).of('TR-MON-1')).toEqual([]);
  });
});
