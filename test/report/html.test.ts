import { renderReport } from '../../lib/report/render';
import type { Report } from '../../lib/report/report';
import { realReport } from '../fixtures/report/real-run';
import { CWD, emptyReport, hostileReport, liveReport, templateReport } from '../fixtures/report/reports';

const html = (report: Report = templateReport()) => renderReport(report, 'html', { cwd: CWD });

describe('HTML report', () => {
  test.each<[string, () => Report]>([
    ['template findings', () => templateReport()],
    ['live findings', liveReport],
    ['a real run', realReport],
    ['an empty run', emptyReport],
  ])('one self-contained page: %s', (_what, make) => {
    const page = html(make());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(page).not.toMatch(/\bsrc=/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // Every link leads to documentation: nothing is loaded from anywhere.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  test('summary by severity and by topic', () => {
    const page = html();
    expect(page).toContain('<h1>3 failed findings, worst HIGH</h1>');
    expect(page).toMatch(/<span class="sev sev-medium">MEDIUM<\/span><\/th><td class="bar"><span style="width:100.0%"[^>]*><\/span><\/td><td class="num">2<\/td>/);
    expect(page).toMatch(/<tr><th scope="row">Identity and access management <span class="sev sev-high"[^>]*>HIGH<\/span><\/th><td class="num has st-fail">2<\/td>/);
    expect(page).toMatch(/<th scope="row">Monitoring<\/th><td class="num">0<\/td><td class="num has st-unknown">1<\/td>/);
  });

  test('findings grouped by resource, with the fix, docs, suppressions and unknowns visible', () => {
    const page = html();
    const resources = [...page.matchAll(/<section class="resource [^"]*">\s*<header><h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(resources).toEqual(['ContactCentre/Bot/Policy', 'ContactCentre/Bot/ProdAlias', 'ContactCentre/ConversationLogs', 'ContactCentre/Bot/TestAlias', 'ContactCentre/ErrorLogs']);
    expect(page).toContain('<dt>Fix</dt><dd>Set Destination.S3Bucket.KmsKeyArn on every enabled AudioLogSettings entry to a symmetric customer-managed KMS key.</dd>');
    expect(page).toContain('<dt>Why unknown</dt><dd>RetentionInDays comes from parameter LogRetention, which has no value</dd>');
    expect(page).toContain('<dt>Suppressed</dt><dd>The pipeline role rebuilds the bot on every deploy; reviewed by SEC-412. <span class="muted">(template metadata, until 2027-03-01)</span>');
    expect(page).toContain('<a href="https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-encrypting.html" rel="noopener noreferrer">');
    expect(page).toContain('<code>cdk.out/ContactCentre.template.json:131:15</code>');
    expect(page).toContain('<li>Suppression of LEX-DP-4 on ContactCentre/ConversationLogs matched no finding; remove it.</li>');
  });

  test('passed findings are on the page, behind an unticked filter; the others are ticked', () => {
    const page = html();
    expect(page).toContain('<input type="checkbox" id="show-pass"> Passed <b>2</b>');
    expect(page).toContain('<input type="checkbox" id="show-fail" checked> Failed <b>3</b>');
    expect(page).toContain('<article class="finding st-pass">');
    expect(page).toContain('body:has(#show-pass:checked) :is(.finding.st-pass, .resource.has-pass) { display: block; }');
  });

  test('live findings show the ARN, account and Region', () => {
    const page = html(liveReport());
    expect(page).toContain('<h3>arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345</h3>');
    expect(page).toContain('account 123456789012 · us-east-1');
    expect(page).toContain('<dt>Error</dt><dd>check failed: Unexpected token } in JSON at position 112</dd>');
  });

  test('everything from the report is escaped; a docs value that is not a web link is not a link', () => {
    const page = html(hostileReport());
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39; &quot;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<dt>Docs</dt><dd>javascript:alert(1)</dd>');
  });
});
