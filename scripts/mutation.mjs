// Mutation testing with StrykerJS: `npm run test:mutation` runs every folder below, `npm run test:mutation --
// progress import` runs the ones named. Each folder is its own Stryker run with its own incremental file, so a
// second run only re-tests mutants whose code or tests changed. Prints the mutation score per folder and the
// mutants that survived (or that no test reaches), so each can be killed by a test or judged harmless.
// Slow (minutes per folder) and CPU-bound: not part of `npm test` or CI.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { Stryker } from '@stryker-mutator/core'

const ROOT = resolve(import.meta.dirname, '..')
// Stryker runs the tests in a copy of the repo under .stryker-tmp, where `../shared` is not the team's corpus:
// name it, so the corpus-wide tests run there too.
if (!process.env.NEWSQUIZ_SHARED && existsSync(resolve(ROOT, '../shared/corpus'))) process.env.NEWSQUIZ_SHARED = resolve(ROOT, '../shared')
const REPORTS = resolve(ROOT, 'reports/mutation')
// The generator's random-text property runs its first 10 cases, not its 60, against each mutant: it covers every
// generator file, so it runs for almost every mutant, and its full run alone would make the folder take hours. The
// same seed gives the same first cases, so the score is a lower bound of what the full property would catch.
process.env.NEWSQUIZ_QUIZ_PROPERTY_RUNS ??= '10'

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
if (args[0] === '--score') {
  for (const name of args.slice(1).length ? args.slice(1) : Object.keys(FOLDERS)) combinedScore(name)
  process.exit(0)
}
const unknown = args.filter((a) => !(a in FOLDERS))
if (unknown.length) {
  console.error(`Unknown folder ${unknown.join(', ')}; choose from: ${Object.keys(FOLDERS).join(', ')}`)
  process.exit(2)
}
const chosen = args.length ? args : Object.keys(FOLDERS)
// MUTATION_ONLY=src/shared/quiz/gates.ts,src/shared/quiz/rank.ts narrows a run to some files of its folder, with the
// folder's own tests: a large folder (quiz, import) cannot finish in one sitting on a loaded machine. A subset keeps
// its own incremental file and reports (`<folder>.<files>.*`), so it never drops the full run's results.
const only = (process.env.MUTATION_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean)
// MUTATION_TESTS=tests/shared/quiz/rank.test.ts runs only those of the folder's tests: a lower bound of the score
// (other tests might kill more), for when the folder's whole test list is too slow to run against every mutant.
const onlyTests = (process.env.MUTATION_TESTS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
// MUTATION_SAMPLE=500 (with MUTATION_SEED, default 1) tests a uniform random sample of the folder's mutants instead of
// all of them, and prints the score of the sample with its 95% interval: the generator folder has about 12,000
// mutants, three to four hours on two cores, and its reports do not outlive the machine they were made on.
const sampleSize = Number(process.env.MUTATION_SAMPLE ?? 0)
const sampleSeed = Number(process.env.MUTATION_SEED ?? 1)
if ((only.length || onlyTests.length || sampleSize) && chosen.length !== 1) {
  console.error('MUTATION_ONLY, MUTATION_TESTS and MUTATION_SAMPLE narrow one folder: name exactly one.')
  process.exit(2)
}
/**
 * A subset's report name: `MUTATION_NAME` if given, else the mutated files' base names (and `-tests` when the tests
 * were narrowed), so runs of different files of one folder keep their own results side by side.
 */
function subsetName(files, tests) {
  if (process.env.MUTATION_NAME) return process.env.MUTATION_NAME.replace(/[^\w.+-]/g, '_')
  const base = files.length ? files.map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, '')).join('+') : 'all'
  return (base.length > 60 ? `${base.slice(0, 60)}-${files.length}-files` : base) + (tests.length ? '-tests' : '')
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

/** The files a folder's `mutate` patterns name (a file, or a folder with every .ts file under it). */
function folderFiles(name) {
  const walk = (dir) => readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
  return FOLDERS[name].mutate.flatMap((p) => (p.endsWith('/**/*.ts') ? walk(p.slice(0, -'/**/*.ts'.length)) : [p])).sort()
}

/**
 * `npm run test:mutation -- --score quiz`: a folder's score from all its reports (the full run's and each subset's),
 * file by file, taking each file from the newest report that mutated it. A file whose code changed since that
 * report is marked stale, one that no report covers is listed, and a report run against only some of the folder's
 * tests is marked as a lower bound: the total is only the folder's score when none of the three is shown.
 */
function combinedScore(name) {
  if (!existsSync(REPORTS)) return console.log(`${name}: no reports yet`)
  const reports = readdirSync(REPORTS)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json') && !f.includes('.sample-') && (f === `${name}.json` || f.startsWith(`${name}.`)))
    .map((f) => ({ f, at: statSync(resolve(REPORTS, f)).mtimeMs, r: JSON.parse(readFileSync(resolve(REPORTS, f), 'utf8')) }))
    .sort((a, b) => b.at - a.at)
  const ownTests = [...FOLDERS[name].tests].sort().join()
  const latest = new Map()
  for (const { f, r } of reports) {
    const narrowed = Array.isArray(r.config?.testFiles) && [...r.config.testFiles].sort().join() !== ownTests
    for (const [file, data] of Object.entries(r.files)) if (!latest.has(file)) latest.set(file, { f, narrowed, data })
  }
  const total = { detected: 0, undetected: 0 }
  let caveats = 0
  console.log(`\n${name}: file by file, from the newest report that mutated it`)
  for (const file of folderFiles(name)) {
    const hit = latest.get(file)
    if (!hit) {
      caveats++
      console.log(`  ${file.padEnd(40)}   never run`)
      continue
    }
    const s = score(hit.data.mutants)
    total.detected += s.detected
    total.undetected += s.undetected
    const stale = readFileSync(resolve(ROOT, file), 'utf8') !== hit.data.source
    if (stale || hit.narrowed) caveats++
    const notes = [stale && 'stale: code changed since', hit.narrowed && 'lower bound: some tests only'].filter(Boolean).join(', ')
    console.log(`  ${file.padEnd(40)} ${s.score.toFixed(1).padStart(5)}%  ${String(s.detected).padStart(4)}/${String(s.total).padEnd(4)}  ${hit.f}${notes ? `  (${notes})` : ''}`)
  }
  const all = total.detected + total.undetected
  console.log(`  ${'total'.padEnd(40)} ${(all ? (100 * total.detected) / all : NaN).toFixed(1).padStart(5)}%  ${total.detected}/${all}${caveats ? `  (${caveats} files not current: not yet the folder's score)` : ''}`)
}

/** A seeded pseudo-random generator (mulberry32): the same seed draws the same sample. */
function seeded(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One mutant's identity; `from` is 0 for the instrumenter's positions and 1 for a run's results (lines and columns from 1). */
const mutantKey = (file, m, from = 0) => {
  const { start, end } = m.location
  return `${file}:${start.line - from}:${start.column - from}-${end.line - from}:${end.column - from} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`
}

/**
 * Draws `n` of the mutants Stryker's own instrumenter makes in `files`, uniformly without replacement. Stryker can
 * only be told code ranges to mutate, and a range also holds the mutants nested in it (a block's statements, the
 * other mutants of the same regular expression): those are tested too, but only the drawn ones make the score.
 */
async function drawSample(files, n, seed) {
  const { Instrumenter } = await import('@stryker-mutator/instrumenter')
  const quiet = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, isDebugEnabled: () => false, isInfoEnabled: () => false, isTraceEnabled: () => false }
  const all = []
  for (const file of files) {
    const { mutants } = await new Instrumenter(quiet).instrument([{ name: file, content: readFileSync(resolve(ROOT, file), 'utf8'), mutate: true }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: false })
    for (const m of mutants) all.push({ file, m })
  }
  const random = seeded(seed)
  // A partial Fisher-Yates shuffle: the first n are the sample.
  for (let i = 0; i < Math.min(n, all.length); i++) {
    const j = i + Math.floor(random() * (all.length - i))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  const drawn = all.slice(0, n)
  return {
    population: all.length,
    keys: new Set(drawn.map(({ file, m }) => mutantKey(file, m))),
    // Stryker's ranges: lines from 1, columns from 0 (as its own parser reads them).
    ranges: [...new Set(drawn.map(({ file, m }) => `${file}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`))]
  }
}

/** The 95% Wilson interval of a proportion k/n, in percent. */
function wilson(k, n) {
  const z = 1.96
  const p = k / n
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n)
  return [100 * (centre - half), 100 * (centre + half)]
}

mkdirSync(REPORTS, { recursive: true })
const summary = []
for (const name of chosen) {
  const sample = sampleSize ? await drawSample(only.length ? only : folderFiles(name), sampleSize, sampleSeed) : null
  const mutate = sample ? sample.ranges : only.length ? only : FOLDERS[name].mutate
  const report = sample ? `${name}.sample-${sampleSize}-seed${sampleSeed}` : only.length || onlyTests.length ? `${name}.${subsetName(only, onlyTests)}` : name
  if (sample) console.log(`Sample: ${sample.keys.size} of the ${sample.population} mutants (seed ${sampleSeed}), in ${sample.ranges.length} ranges`)
  console.log(`\n=== ${report}: ${sample ? `${mutate.length} ranges` : mutate.join(', ')} ===`)
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
  const tested = await stryker.runMutationTest()
  const results = sample ? tested.filter((r) => sample.keys.has(mutantKey(relative(ROOT, r.fileName), r, 1))) : tested
  const s = score(results)
  summary.push({ name: report, ...s })
  if (sample) {
    const [low, high] = wilson(s.detected, s.total)
    const line = `${report}: ${s.score.toFixed(1)}% of the sampled mutants detected (${s.detected}/${s.total}; 95% interval ${low.toFixed(1)}-${high.toFixed(1)}%), ${results.length} of ${sample.keys.size} drawn found in the run; all ${tested.length} tested: ${score(tested).score.toFixed(1)}%`
    writeFileSync(resolve(REPORTS, `${report}.txt`), line + '\n')
    console.log(line)
  }
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
