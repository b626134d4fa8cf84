import type { Evidence, Question } from '@shared/quiz/model'

/** The key of an evidence range, shared by every question whose evidence is the same sentence(s). */
export function evidenceKey(e: Pick<Evidence, 'paragraph' | 'start' | 'end'>): string {
  return `e${e.paragraph}-${e.start}-${e.end}`
}

/** Question ids grouped by evidence key, so a highlighted sentence can list the questions it answers. */
export function questionsByEvidence(questions: readonly Question[]): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const q of questions) {
    const key = evidenceKey(q.evidence)
    map.set(key, [...(map.get(key) ?? []), q.id])
  }
  return map
}

/** What a key press means in the quiz, or null when the quiz does not use the key. */
export type QuizKeyAction = { type: 'choose'; index: number } | { type: 'next' } | { type: 'evidence' }

/**
 * Maps a key to a quiz action: 1–4 pick an option, T/F pick True/False on a true-or-false question,
 * Enter moves on once answered, E shows the evidence. Keys with Ctrl, Alt or Meta are left to the app.
 */
export function quizKeyAction(
  key: string,
  mods: { ctrl: boolean; alt: boolean; meta: boolean },
  question: Pick<Question, 'kind' | 'options'> | null,
  answered: boolean
): QuizKeyAction | null {
  if (!question || mods.ctrl || mods.alt || mods.meta) return null
  if (key === 'Enter') return answered ? { type: 'next' } : null
  if (key === 'e' || key === 'E') return answered ? { type: 'evidence' } : null
  if (answered) return null
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1
    return index < question.options.length ? { type: 'choose', index } : null
  }
  if (question.kind === 'true-false' && /^[tf]$/i.test(key)) {
    const want = key.toLowerCase() === 't' ? 'true' : 'false'
    const index = question.options.findIndex((o) => o.toLowerCase() === want)
    return index === -1 ? null : { type: 'choose', index }
  }
  return null
}

/** Whether keyboard focus is in a text field, where letters and digits are typing, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false
  const el = target as HTMLElement
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
}

/** "3 of 12". */
export function positionLabel(index: number, count: number): string {
  return `${Math.min(index + 1, count)} of ${count}`
}

/** A score as "7 of 9 (78%)". */
export function scoreLabel(correct: number, total: number): string {
  return `${correct} of ${total} (${total === 0 ? 0 : Math.round((correct / total) * 100)}%)`
}

/**
 * Which round `questionIds` (a run's questions) belongs to: the round holding most of them, the earlier on a
 * tie; 0 when none of them is in any round (a run from before rounds, or of questions that vanished).
 */
export function roundOf(rounds: readonly (readonly Pick<Question, 'id'>[])[], questionIds: readonly string[]): number {
  const ids = new Set(questionIds)
  let best = 0
  let bestCount = 0
  rounds.forEach((round, i) => {
    const n = round.filter((q) => ids.has(q.id)).length
    if (n > bestCount) {
      best = i
      bestCount = n
    }
  })
  return best
}

/** Questions in the rounds after round `index`: what "More questions" still has to ask. */
export function questionsAfterRound(rounds: readonly (readonly unknown[])[], index: number): number {
  return rounds.slice(index + 1).reduce((n, r) => n + r.length, 0)
}

/** "1 question", "3 questions". */
export function questionsLabel(n: number): string {
  return `${n} ${n === 1 ? 'question' : 'questions'}`
}

/** The option keys a question takes, for the hint under the quiz: "1–4", "1–3", or "T/F". */
export function optionKeysHint(question: Pick<Question, 'kind' | 'options'>): string {
  if (question.kind === 'true-false') return 'T/F'
  const n = Math.min(9, question.options.length)
  return n <= 1 ? '1' : `1–${n}`
}
