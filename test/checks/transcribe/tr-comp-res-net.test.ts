import trComp1 from '../../../checks/compliance/tr-comp-1-phi-workloads';
import { synthStack } from '../../helpers/synth';
import { jobStateMachine } from './fixtures';

/** The cases of these checks are their tester tables (compliance/, resilience/, infrastructure/ tr-*.cases.ts); this one has no finding at all. */
describe('TR-COMP-1 PHI workloads', () => {
  test('a standard job without classification is not a PHI workload', () => {
    expect(synthStack((stack) => void jobStateMachine(stack, { OutputBucketName: 'out' }), { checks: [trComp1] }).of('TR-COMP-1')).toEqual([]);
  });
});
