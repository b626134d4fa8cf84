import { describe, expect, it } from 'vitest'
import { explainQuiz, generateQuiz } from '@shared/quiz/generate'
import type { Question } from '@shared/quiz/model'
import { SEED_FILE, load } from './support'

const article = load(SEED_FILE)
const quiz = generateQuiz(article)
const find = (pred: (q: Question) => boolean): Question | undefined => quiz.find(pred)

describe('the seed article (Trump and Putin, Nov 15, 2016)', () => {
  it('asks who called whom, keyed as the article states it', () => {
    const q = find((q) => q.kind === 'who-did-what' && q.prompt === 'Who called whom?')
    expect(q).toBeDefined()
    expect(q!.answer).toBe('Putin called Trump')
    expect(q!.options).toContain('Trump called Putin')
    expect(q!.evidence.text).toContain('Putin had called to offer congratulations')
  })

  it('asks when Trump takes office, resolved to January 20, 2017', () => {
    const q = find((q) => q.kind === 'when' && /take office/.test(q.prompt))
    expect(q?.prompt).toBe('When does Trump take office?')
    expect(q?.answer).toBe('January 20, 2017')
    expect(new Set(q!.options.map((o) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(o))).size).toBe(1)
  })

  it('makes "how many years" with the hedge as written (a figure past the opening: asked when a quiz is short)', () => {
    const q = explainQuiz(load(SEED_FILE)).decisions.find((d) => d.question.kind === 'how-many' && d.question.answer === 'almost 70 years')?.question
    expect(q).toBeDefined()
    expect(q!.options.every((o) => /^almost \d+ years$/.test(o))).toBe(true)
  })

  it('asks which newspaper Trump spoke to, but not a body or country that general knowledge gives away', () => {
    const answers = new Set(quiz.filter((q) => q.kind !== 'true-false').map((q) => q.answer))
    expect([...answers].some((a) => /Wall Street Journal|Washington Post/.test(a))).toBe(true)
    // "US-Russia ties" and "Putin" are in the headline: "warmer US ties with which country?" is answered unread.
    expect(answers).not.toContain('Russia')
    // "Which institution called for pragmatic cooperation?" with the Élysée Palace, Downing Street and the White House
    // beside the Kremlin: seats of government the story never names are ruled out by what it is about.
    expect(answers).not.toContain('Kremlin')
    expect(answers).not.toContain('White House')
  })

  it('asks about a sentence whose quote opens curly and closes straight (Putin\'s telegram)', () => {
    const q = find((q) => q.evidence.text.includes('initial telegram'))
    expect(q?.answer).toBe('Vladimir Putin')
  })

  it('asks what "he" told the Washington Post, naming him from the paragraph before and saying so', () => {
    const q = find((q) => q.answer === 'Washington Post')
    expect(q?.prompt).toBe('Donald Trump told which newspaper that the United States could not fund NATO at current levels?')
    expect(q!.evidence.text.startsWith('He also told')).toBe(true)
    expect(q!.explanation).toContain('“He” is Donald Trump')
  })

  it('asks who accused whom, reading "him" as the one other person named before the accuser', () => {
    const q = find((q) => q.kind === 'who-did-what' && /^Who accused whom/.test(q.prompt))
    expect(q?.prompt).toBe("Who accused whom of being a puppet of Russia's President Vladimir Putin?")
    expect(q?.answer).toBe('Clinton accused Trump')
    expect(q!.options).toContain('Trump accused Clinton')
    expect(q!.options.some((o) => /Putin/.test(o))).toBe(false)
  })

  it('offers only same-type options: newspapers for a newspaper', () => {
    const asked = quiz.filter((q) => /which newspaper/.test(q.prompt))
    expect(asked.length).toBeGreaterThan(0)
    for (const q of asked) {
      expect(q.options.every((o) => /Post|Journal|Times|Guardian|Telegraph|News|Tribune|Globe|Herald|USA Today/.test(o))).toBe(true)
    }
  })

  it('gives the same ids on every run', () => {
    expect(generateQuiz(article).map((q) => q.id)).toEqual(quiz.map((q) => q.id))
  })

  it('asks the six key facts #9 names, each with its right answer', () => {
    const keyOf = (re: RegExp): string | undefined => find((q) => re.test(q.prompt))?.answer
    expect(keyOf(/“no idea” about/)).toBe('who it is backing in Syria')
    expect(keyOf(/accuse the two Democrats of being/)).toBe('the founders of Daesh')
    expect(keyOf(/Hillary Clinton say Donald Trump sought to do/)).toMatch(/^break-up the NATO/)
    expect(keyOf(/What has Donald Trump displayed/)).toMatch(/^a softer approach/)
    expect(keyOf(/Kremlin speak of developing/)).toBe('the trade-economic component')
    expect(keyOf(/Daesh is another name for which group/)).toBe('ISIS')
  })
})
