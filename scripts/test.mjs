// `npm test`: every check, in order: types, lint, both builds, unit tests (parallel),
// end-to-end tests in real Chromium (one shared browser). Ends with one line
// "N passed, M failed" summing all suites, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A check with no test count of its own (types, lint, a build) counts as one. */
function check(label, command, args, env) {
  if (run(label, command, args, env)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function vitest(project) {
  const output = `test-results/${project}.json`;
  rmSync(output, { force: true });
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  if (!existsSync(output)) {
    failed += 1;
    failures.push(`${project} tests (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  passed += report.numPassedTests;
  // A file that fails to load has no failed test but fails the run: count it.
  const broken = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')).length;
  failed += report.numFailedTests + broken;
  if (!ok || report.numFailedTests || broken) failures.push(`${project} tests`);
  if (report.numPendingTests || report.numTodoTests) {
    failed += report.numPendingTests + report.numTodoTests;
    failures.push(`${project}: skipped tests are not allowed`);
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);
// Builds first: some unit tests check the built manifest and the content script's size.
check('build (what users install)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
check('build (demo, for e2e)', 'npx', ['vite', 'build', '--logLevel', 'warn'], { WALKAWAY_DEMO: '1' });
vitest('unit');
if (existsSync('dist-demo/manifest.json')) vitest('e2e');
else {
  failed += 1;
  failures.push('e2e (no demo build)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
