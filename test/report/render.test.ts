import { FORMATS, renderReport } from '../../lib/report/render';
import { CWD, emptyReport, liveReport, templateReport } from '../fixtures/report/reports';

/** Formats that are a JSON array of findings: an empty run is `[]`. */
const ARRAYS = new Set(['asff', 'ocsf']);

describe('renderReport', () => {
  test.each(FORMATS.flatMap((format) => [templateReport, liveReport, emptyReport].map((make) => [format, make.name, make] as const)))(
    '%s renders %s as one document ending with a newline',
    (format, _name, make) => {
      // ASFF needs an account and Region for template findings, which the CLI gives with --asff-account/--asff-region.
      const out = renderReport(make(), format, { cwd: CWD, asff: { account: '123456789012', region: 'us-east-1' } });
      expect(out.length).toBeGreaterThan(ARRAYS.has(format) && make === emptyReport ? 2 : 50);
      expect(out.endsWith('\n')).toBe(true);
      expect(out.endsWith('\n\n')).toBe(false);
    },
  );

  test('paths are shown relative to the working directory, and as given when outside it', () => {
    expect(renderReport(templateReport(), 'text', { cwd: CWD })).toContain('cdk.out/ContactCentre.template.json:131:15');
    expect(renderReport(templateReport(), 'text', { cwd: '/elsewhere' })).toContain('/work/app/cdk.out/ContactCentre.template.json:131:15');
  });
});
