import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksMarkdown } from '../lib/docs/checks-markdown';

// Run from the repository root by `npm run docs`.
const target = join(process.cwd(), 'docs', 'checks.md');
writeFileSync(target, checksMarkdown());
console.log(`wrote ${target}`);
