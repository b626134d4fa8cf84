// Mutation testing with StrykerJS: `npm run test:mutation` runs every folder below, `npm run test:mutation --
// progress import` runs the ones named. Each folder is its own Stryker run with its own incremental file, so a
// second run only re-tests mutants whose code or tests changed. Prints the mutation score per folder and the
// mutants that survived (or that no test reaches), so each can be killed by a test or judged harmless.
// Slow (minutes per folder) and CPU-bound: not part of `npm test` or CI.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { Stryker } from '@stryker-mutator/core'

const ROOT = resolve(import.meta.dirname, '..')
// Stryker runs the tests in a copy of the repo under .stryker-tmp, where `../shared` is not the team's corpus:
// name it, so the corpus-wide tests run there too.
if (!process.env.NEWSQUIZ_SHARED && existsSync(resolve(ROOT, '../shared/corpus'))) process.env.NEWSQUIZ_SHARED = resolve(ROOT, '../shared')
const REPORTS = resolve(ROOT, 'reports/mutation')

/**
 * The code where a silent bug costs most, by the name a run is asked for: what is mutated, and the test files
 * that are that code's own tests (only they run against its mutants: a mutant must be caught where it lives,
 * and running every test that imports the code would take hours on two shared cores).
 */
const FOLDERS = {
  progress: { mutate: ['src/shared/progress/**/*.ts'], tests: ['tests/shared/progress/**/*.test.ts', 'tests/renderer/progress/**/*.unit.test.ts'] },
  ipc: { mutate: ['src/shared/ipc/**/*.ts', 'src/main/ipc.ts'], tests: ['tests/main/ipc.test.ts', 'tests/shared/ipc/**/*.test.ts', 'tests/preload/**/*.test.ts'] },
  security: { mutate: ['src/main/security.ts'], tests: ['tests/main/security.test.ts', 'tests/main/protocol.test.ts'] },
  import: { mutate: ['src/main/import/**/*.ts'], tests: ['tests/main/import/**/*.test.ts', 'tests/main/library.test.ts', 'tests/main/startup.test.ts'] },
  quiz: { mutate: ['src/shared/quiz/**/*.ts'], tests: ['tests/shared/quiz/**/*.test.ts'] }
}

const args = process.argv.slice(2)
const unknown = args.filter((a) => !(a in FOLDERS))
if (unknown.length) {
  console.error(`Unknown folder ${unknown.join(', ')}; choose from: ${Object.keys(FOLDERS).join(', ')}`)
  process.exit(2)
}
const chosen = args.length ? args : Object.keys(FOLDERS)
// MUTATION_ONLY=src/shared/quiz/gates.ts,src/shared/quiz/rank.ts narrows a run to some files of its folder, with the
// folder's own tests: a large folder (quiz, import) cannot finish in one sitting on a loaded machine. A subset keeps
// its own incremental file and reports (`<folder>.subset.*`), so it never drops the full run's results.
const only = (process.env.MUTATION_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean)
// MUTATION_TESTS=tests/shared/quiz/rank.test.ts runs only those of the folder's tests: a lower bound of the score
// (other tests might kill more), for when the folder's whole test list is too slow to run against every mutant.
const onlyTests = (process.env.MUTATION_TESTS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
if ((only.length || onlyTests.length) && chosen.length !== 1) {
  console.error('MUTATION_ONLY and MUTATION_TESTS narrow one folder: name exactly one.')
  process.exit(2)
}
// Two cores are shared on the team's machines: at most two sandboxes unless asked for more.
const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? 2)

/** Stryker's mutation score: detected (killed or timed out) over all that could be detected. */
function score(results) {
  const count = (...s) => results.filter((r) => s.includes(r.status)).length
  // Ignored: static mutants (see ignoreStatic below), counted apart.
  const detected = count('Killed', 'Timeout')
  const undetected = count('Survived', 'NoCoverage')
  return { detected, undetected, total: detected + undetected, compileErrors: count('CompileError'), ignored: count('Ignored'), score: detected + undetected ? (100 * detected) / (detected + undetected) : NaN }
}

mkdirSync(REPORTS, { recursive: true })
const summary = []
for (const name of chosen) {
  const mutate = only.length ? only : FOLDERS[name].mutate
  const report = only.length || onlyTests.length ? `${name}.subset` : name
  console.log(`\n=== ${report}: ${mutate.join(', ')} ===`)
  const stryker = new Stryker({
    mutate,
    testFiles: onlyTests.length ? onlyTests : FOLDERS[name].tests,
    // The sandbox needs the sources, tests and packages, not build output or screenshots.
    ignorePatterns: ['out', 'dist', 'artifacts', 'reports', 'docs', 'build'],
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.mutation.config.mts' },
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.mutation.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    // Static mutants (module-level constants such as the CSP list) are not re-evaluated between runs by the
    // Vitest runner here: all of them "survived", even ones a test compares exactly (seen 2026-11-30 on
    // security.ts). Reported as ignored rather than as false survivors.
    ignoreStatic: true,
    concurrency,
    incremental: true,
    incrementalFile: `reports/mutation/${report}.incremental.json`,
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: `reports/mutation/${report}.json` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    timeoutMS: 20_000,
    logLevel: 'warn',
    // The generator's corpus tests take seconds; a folder's dry run must not give up on them.
    dryRunTimeoutMinutes: 15
  })
  const results = await stryker.runMutationTest()
  const s = score(results)
  summary.push({ name: report, ...s })
  const missed = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => `  ${r.status === 'NoCoverage' ? 'no test' : 'survived'}  ${relative(ROOT, r.fileName)}:${r.location.start.line}  ${r.mutatorName}: ${JSON.stringify(r.replacement ?? '')}`)
  writeFileSync(resolve(REPORTS, `${report}.missed.txt`), missed.join('\n') + '\n')
  console.log(`${report}: ${missed.length} mutants not detected (listed in reports/mutation/${report}.missed.txt)`)
}

console.log('\nMutation score per folder (killed + timed out) / (killed + timed out + survived + no test):')
for (const s of summary) {
  console.log(`  ${s.name.padEnd(15)} ${s.score.toFixed(1).padStart(5)}%  ${s.detected}/${s.total} detected, ${s.compileErrors} type errors and ${s.ignored} static mutants not counted`)
}
