import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProgressExport, PROGRESS_FORMAT, PROGRESS_VERSION, serializeProgressExport } from '@shared/progress/export-format'
import { planMerge, type StoredIndex } from '@shared/progress/merge'
import type { Attempt, ProgressData, QuizRun, ReviewRecord, StoredCard } from '@shared/progress/model'
import type { Question, QuestionKind } from '@shared/quiz/model'

// Properties of progress that hold for any history, checked on random ones (fast-check shrinks a failure to
// the smallest history that shows it). The seed is fixed so a failure in CI replays on any machine.
const runs = { seed: 13, numRuns: 150 }

const KINDS: QuestionKind[] = ['who-did-what', 'when', 'who-what-where', 'how-many', 'who-said', 'true-false', 'cloze', 'what']
// Times in the window a progress file may hold (2000 to the start of 2026, before any test's 'now').
const millis = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2026, 0, 1) })
const id = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
const text = fc.string({ maxLength: 40, unit: 'grapheme' })
// JSON has no -0, so a stored -0 would come back as 0: FSRS never produces one.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => (Object.is(x, -0) ? 0 : x))
const count = fc.nat({ max: 1000 })

const question: fc.Arbitrary<Question> = fc.record({
  id,
  kind: fc.constantFrom(...KINDS),
  prompt: text,
  options: fc.array(text, { minLength: 1, maxLength: 4 }),
  answer: text,
  evidence: fc.record({ paragraph: count, start: count, length: count, text }).map(({ length, ...e }) => ({ ...e, end: e.start + length })),
  explanation: text,
  rank: count
})

const card: fc.Arbitrary<StoredCard> = fc.record({
  due: millis,
  // Within ts-fsrs's bounds, as a progress file must be (src/shared/progress/model.ts).
  stability: fc.double({ noNaN: true, min: 1, max: 1000 }),
  difficulty: fc.double({ noNaN: true, min: 1, max: 10 }),
  elapsed_days: fc.double({ noNaN: true, min: 0, max: 1000 }),
  scheduled_days: fc.double({ noNaN: true, min: 0, max: 1000 }),
  learning_steps: count,
  reps: count,
  lapses: count,
  state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  last_review: fc.option(millis, { nil: null })
})

const review: fc.Arbitrary<ReviewRecord> = fc
  .record({ articleId: id, articleTitle: text, card, missed: fc.constantFrom(0 as const, 1 as const), lastChosen: text, lastAt: millis, answers: count, question, retired: fc.constantFrom(0 as const, 1 as const) })
  .map((r) => ({ ...r, questionId: r.question.id }))

const run: fc.Arbitrary<QuizRun> = fc.record({
  id,
  scope: id,
  mode: fc.constantFrom('full' as const, 'retry' as const),
  questionIds: fc.array(id, { maxLength: 4 }),
  startedAt: millis,
  finishedAt: fc.option(millis, { nil: null }),
  score: fc.option(fc.record({ correct: count, extra: count }).map(({ correct, extra }) => ({ correct, total: correct + extra })), { nil: null })
})

/** An answer. Its id is unique per answer (a random UUID in the app), so the id decides every other field. */
const attemptWithId = (attemptId: string): fc.Arbitrary<Attempt> =>
  fc.record({ questionId: id, articleId: id, runId: fc.option(id, { nil: null }), chosen: text, correct: fc.boolean(), at: millis }).map((a) => ({ id: attemptId, ...a }))

/** Two or three histories drawn from one world: the same answer id always means the same answer. */
const histories = (n: number): fc.Arbitrary<ProgressData[]> =>
  fc
    .uniqueArray(id, { maxLength: 12 })
    .chain((ids) => fc.tuple(...ids.map(attemptWithId)))
    .chain((pool) =>
      fc.tuple(
        ...Array.from({ length: n }, () =>
          fc.record({
            attempts: fc.subarray(pool),
            reviews: fc.uniqueArray(review, { maxLength: 5, selector: (r) => r.questionId }),
            runs: fc.uniqueArray(run, { maxLength: 4, selector: (r) => r.id })
          })
        )
      )
    )

/** The store of the renderer's database, reduced to what merging touches: records by key. */
interface Store {
  attempts: Map<string, Attempt>
  reviews: Map<string, ReviewRecord>
  runs: Map<string, QuizRun>
}

const empty = (): Store => ({ attempts: new Map(), reviews: new Map(), runs: new Map() })

function index(store: Store): StoredIndex {
  return { attemptIds: new Set(store.attempts.keys()), reviews: store.reviews, runs: store.runs }
}

/** Imports `incoming` into a copy of `store` the way the progress store does: plan, then put each record. */
function importInto(store: Store, incoming: ProgressData): Store {
  const plan = planMerge(index(store), incoming)
  const next: Store = { attempts: new Map(store.attempts), reviews: new Map(store.reviews), runs: new Map(store.runs) }
  for (const a of plan.attempts) next.attempts.set(a.id, a)
  for (const r of plan.reviews) next.reviews.set(r.questionId, r)
  for (const r of plan.runs) next.runs.set(r.id, r)
  return next
}

const sortedAttempts = (s: Store): Attempt[] => [...s.attempts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

describe('merging progress (import of a backup or another machine’s history)', () => {
  it('is idempotent: importing the same file again plans no write and changes nothing', () => {
    fc.assert(
      fc.property(histories(2), ([stored, incoming]) => {
        const once = importInto(importInto(empty(), stored!), incoming!)
        expect(planMerge(index(once), incoming!)).toEqual({ attempts: [], reviews: [], runs: [] })
        const twice = importInto(once, incoming!)
        expect(twice).toEqual(once)
      }),
      runs
    )
  })

  it('is commutative for answers: two imports in either order give the same answers', () => {
    fc.assert(
      fc.property(histories(3), ([base, x, y]) => {
        const start = importInto(empty(), base!)
        expect(sortedAttempts(importInto(importInto(start, x!), y!))).toEqual(sortedAttempts(importInto(importInto(start, y!), x!)))
      }),
      runs
    )
  })

  it('never loses an answer: every answer stored or imported is there afterwards, once', () => {
    fc.assert(
      fc.property(histories(2), ([stored, incoming]) => {
        const merged = importInto(importInto(empty(), stored!), incoming!)
        const expected = new Set([...stored!.attempts, ...incoming!.attempts].map((a) => a.id))
        expect(new Set(merged.attempts.keys())).toEqual(expected)
        for (const a of [...stored!.attempts, ...incoming!.attempts]) expect(merged.attempts.get(a.id)).toEqual(a)
      }),
      runs
    )
  })

  it('keeps, per question, the review record that saw the latest answer', () => {
    fc.assert(
      fc.property(histories(2), ([stored, incoming]) => {
        const merged = importInto(importInto(empty(), stored!), incoming!)
        for (const r of [...stored!.reviews, ...incoming!.reviews]) expect(merged.reviews.get(r.questionId)!.lastAt).toBeGreaterThanOrEqual(r.lastAt)
      }),
      runs
    )
  })

  it('never replaces a finished run with an unfinished one', () => {
    fc.assert(
      fc.property(histories(2), ([stored, incoming]) => {
        const merged = importInto(importInto(empty(), stored!), incoming!)
        for (const r of [...stored!.runs, ...incoming!.runs]) if (r.finishedAt !== null) expect(merged.runs.get(r.id)!.finishedAt).not.toBeNull()
      }),
      runs
    )
  })
})

describe('export → import', () => {
  it('gives back exactly the progress exported, whatever it holds', () => {
    fc.assert(
      fc.property(histories(1), millis, ([data], now) => {
        const parsed = parseProgressExport(serializeProgressExport(data!, now))
        expect(parsed).toEqual({ ok: true, value: { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), ...data } })
      }),
      runs
    )
  })

  it('never throws on a damaged file: any cut or any byte changed gives a result', () => {
    fc.assert(
      fc.property(histories(1), fc.nat(), fc.string({ maxLength: 3 }), ([data], at, junk) => {
        const file = serializeProgressExport(data!, 0)
        const cut = at % (file.length + 1)
        for (const damaged of [file.slice(0, cut), file.slice(0, cut) + junk + file.slice(cut + 1)]) {
          const r = parseProgressExport(damaged)
          expect(r.ok ? 'read' : r.message).toMatch(/^read$|Nothing was changed\.$/)
        }
      }),
      runs
    )
  })
})
