import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../lib/model/finding';

/**
 * With LEXSCRIBE_RECORD=<dir>, every finding a test's runs produce is appended to <dir> as one JSON
 * line (test, check, stack, logical id, construct path, ARN, finding key, status, severity, reason),
 * so that two versions of the code can be compared finding by finding over the whole suite
 * (`node scripts/compare-findings.mjs before/ after/`). Off, this file does nothing.
 */
const dir = process.env.LEXSCRIBE_RECORD;
if (dir) {
  // Loaded only when recording: test files that never run the pipeline should not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pipeline } = require('../../lib/engine/pipeline') as typeof import('../../lib/engine/pipeline');
  const pending: Array<[string, Finding[]]> = [];
  const finish = Pipeline.prototype.finish;
  Pipeline.prototype.finish = function (this: InstanceType<typeof Pipeline>) {
    const result = finish.call(this);
    const state = expect.getState();
    pending.push([`${(state.testPath ?? '').replace(/.*\/test\//, '')} :: ${state.currentTestName ?? ''}`, result.findings]);
    return result;
  };
  afterEach(() => {
    if (pending.length === 0) return;
    mkdirSync(dir, { recursive: true });
    const lines = pending.flatMap(([test, findings]) =>
      findings.map((f) => JSON.stringify([test, f.checkId, f.resource.stack ?? '', f.resource.logicalId ?? '', f.resource.constructPath ?? '', f.resource.arn ?? '', f.findingKey ?? '', f.status, f.severity, f.reason ?? ''])),
    );
    appendFileSync(join(dir, `${process.pid}.jsonl`), lines.map((l) => `${l}\n`).join(''));
    pending.length = 0;
  });
}
