import { FORMATS, renderReport } from '../../lib/report/render';
import { CWD, emptyReport, liveReport, templateReport } from '../fixtures/report/reports';

describe('renderReport', () => {
  test.each(FORMATS.flatMap((format) => [templateReport, liveReport, emptyReport].map((make) => [format, make.name, make] as const)))(
    '%s renders %s as one document ending with a newline',
    (format, _name, make) => {
      const out = renderReport(make(), format, { cwd: CWD });
      expect(out.length).toBeGreaterThan(50);
      expect(out.endsWith('\n')).toBe(true);
      expect(out.endsWith('\n\n')).toBe(false);
    },
  );

  test('paths are shown relative to the working directory, and as given when outside it', () => {
    expect(renderReport(templateReport(), 'text', { cwd: CWD })).toContain('cdk.out/ContactCentre.template.json:131:15');
    expect(renderReport(templateReport(), 'text', { cwd: '/elsewhere' })).toContain('/work/app/cdk.out/ContactCentre.template.json:131:15');
  });
});
