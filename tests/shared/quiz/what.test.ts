import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/article/parse'
import type { Article } from '@shared/article/model'
import { buildContext } from '@shared/quiz/context'
import { normalise } from '@shared/quiz/distractors'
import { checkQuestion } from '@shared/quiz/invariants'
import { ACTIONS, whatQuestions } from '@shared/quiz/kinds/what'
import type { Question } from '@shared/quiz/model'
import { analyseParagraph } from '@shared/quiz/nlp'
import { defaultWorld } from '@shared/quiz/world'
import { corpusFiles, seedText } from '../../support/corpus'

const world = defaultWorld()

function parse(text: string): Article {
  const r = parseArticle(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.article
}

/** A small article of written sentences, one paragraph each, dated so dates resolve. */
function written(...paragraphs: string[]): Article {
  return parse(['Written test article', '', 'Updated Nov 15, 2016', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'))
}

const questionsOf = (article: Article): Question[] => whatQuestions(buildContext(article, world))

// The phrase class an option belongs to, read by the same tagger the generator uses (after "to", where a verb
// phrase reads as one): a verb phrase, a noun phrase or a wh-clause. Options of one question are of one class.
function phraseClass(option: string): string {
  const first = analyseParagraph(`to ${option}`).tokens[1]!
  if (/^(?:who|what|where|when|why|how|which|whether)$/i.test(first.text)) return 'wh'
  return first.pos === 'VERB' ? 'vp' : 'np'
}

const seed = parse(seedText())
const seedQuiz = questionsOf(seed)
const byPrompt = (prompt: string): Question | undefined => seedQuiz.find((q) => q.prompt === prompt)

describe('what questions on the seed article', () => {
  it.each([
    // Trump's "no idea" who the US is backing in Syria
    ['What did Donald Trump say the US has “no idea” about?', 'who it is backing in Syria'],
    // the two Democrats as the founders of Daesh ("He" is the subject of the sentence before)
    ['What did Donald Trump accuse the two Democrats of being?', 'the founders of Daesh'],
    // Clinton saying he sought to break up NATO ("His rival Clinton ... called him ..., saying that he ...")
    ['What did Hillary Clinton say Donald Trump sought to do?', 'break-up the NATO military bloc'],
    // the softer approach ("As Trump prepares ..., he appears ... . He has already displayed ...")
    ['What has Donald Trump displayed?', 'a softer approach towards contentious issues'],
    // the Kremlin's trade-economic component ("“... by developing ...,” the statement added")
    ['What did the Kremlin speak of developing?', 'the trade-economic component'],
    // what Daesh is
    ['Daesh is another name for which group?', 'ISIS'],
    ['What did the European Union agree to?', 'a new defence plan'],
    ['What has Donald Trump threatened to do?', 'abandon Washington’s allies'],
    ['What did Barack Obama say he would do?', 'reassure US allies']
  ])('asks “%s” → %s', (prompt, answer) => {
    const q = byPrompt(prompt)
    expect(q, `no question “${prompt}” among: ${seedQuiz.map((x) => x.prompt).join(' / ')}`).toBeDefined()
    expect(q!.answer).toBe(answer)
    expect(q!.options.length).toBeGreaterThanOrEqual(3)
  })

  it('never offers what the article says of the same person: Trump’s threat is not set against what Clinton says he sought', () => {
    expect(byPrompt('What has Donald Trump threatened to do?')!.options).not.toContain('break-up the NATO military bloc')
    expect(byPrompt('What did Hillary Clinton say Donald Trump sought to do?')!.options).not.toContain('abandon Washington’s allies')
    // The Kremlin's statement speaks of creating a solid basis as well: never an option for what it spoke of developing.
    expect(byPrompt('What did the Kremlin speak of developing?')!.options).not.toContain('a solid basis for bilateral ties')
  })

  it('offers the two puppets (Clinton’s words for Trump) at most once among the options', () => {
    for (const q of seedQuiz) expect(q.options.filter((o) => /puppet/.test(o)).length).toBeLessThanOrEqual(1)
  })

  it('says in the explanation who “He” is when the sentence starts with it', () => {
    expect(byPrompt('What has Donald Trump displayed?')!.explanation).toContain('“He” is Donald Trump')
  })
})

const corpus = [...corpusFiles().map(([name, text]) => ({ name, article: parse(text) })), { name: 'seed', article: seed }]
const quizzes = corpus.map(({ name, article }) => ({ name, article, questions: questionsOf(article) }))

describe('what questions on every dev-corpus article', () => {
  it.each(quizzes.map((z) => [z.name, z] as const))('%s: keeps the invariants, the answer is a phrase of the evidence, the options are distinct and of one class', (_name, z) => {
    for (const q of z.questions) {
      expect(checkQuestion(q, z.article, world), q.prompt).toEqual([])
      expect(q.kind).toBe('what')
      expect(q.evidence.text).toContain(q.answer)
      expect(new Set(q.options.map(normalise)).size).toBe(q.options.length)
      expect(new Set(q.options.map(phraseClass)).size, `${q.prompt} ${q.options.join(' | ')}`).toBe(1)
      // Self-contained prompts: no leading connective, no "also", no "the move".
      expect(q.prompt).not.toMatch(/^(?:But|And|So|Yet)\b|\balso\b|\bthe (?:move|decision|step)\b/)
      expect(q.prompt).toMatch(/\?$/)
    }
  })

  it('asks no prompt twice and no answer twice in one article', () => {
    for (const z of quizzes) {
      expect(new Set(z.questions.map((q) => q.prompt)).size, z.name).toBe(z.questions.length)
      expect(new Set(z.questions.map((q) => normalise(q.answer))).size, z.name).toBe(z.questions.length)
    }
  })

  it('gives the same questions on every run', () => {
    expect(questionsOf(seed).map((q) => q.id)).toEqual(seedQuiz.map((q) => q.id))
  })
})

describe('what questions on written sentences', () => {
  const article = written(
    'The European Union agreed to a new defence plan on Monday.',
    'China has promised to buy more Brazilian products.',
    'Russia threatened to cut gas supplies to Ukraine.',
    'NATO has launched a joint training mission in the Baltic states.',
    'Japan has vowed to double the aid budget for Kenya.',
    'Brazil has unveiled a national rail investment programme.'
  )
  const qs = questionsOf(article)
  const q = (prompt: string): Question | undefined => qs.find((x) => x.prompt === prompt)

  it('asks what someone agreed to, promised and threatened to do, with options of the same class', () => {
    // "on Monday" says when, not what: the answer stops before it.
    expect(q('What did the European Union agree to?')?.answer).toBe('a new defence plan')
    expect(q('What has China promised to do?')?.answer).toBe('buy more Brazilian products')
    const threat = q('What did Russia threaten to do?')
    expect(threat?.answer).toBe('cut gas supplies to Ukraine')
    expect([...threat!.options].sort()).toEqual(['buy more Brazilian products', 'cut gas supplies to Ukraine', 'double the aid budget for Kenya'])
    expect([...q('What has Brazil unveiled?')!.options].sort()).toEqual(['a joint training mission in the Baltic states', 'a national rail investment programme', 'a new defence plan'])
  })

  it('asks what someone reports, in the tense the article uses, with “it” for an organisation that reports itself', () => {
    const reported = questionsOf(written(
      'Kmart Corp announced on Wednesday that it will buy a large department store chain.',
      'Brazil has unveiled a national rail investment programme.',
      'NATO has launched a joint training mission in the Baltic states.',
      'Barack Obama says the United States will fund a new vaccine research centre.'
    ))
    const asked = reported.map((x) => `${x.prompt} → ${x.answer}`)
    expect(asked).toContain('What did Kmart Corp say it will buy? → a large department store chain')
    expect(asked).toContain('What does Barack Obama say the United States will fund? → a new vaccine research centre')
  })

  it('does not ask what the article says someone did twice with different answers', () => {
    const twice = questionsOf(written(
      'The European Union agreed to a new defence plan on Monday.',
      'The European Union agreed to a common asylum policy in June.',
      'NATO has launched a joint training mission in the Baltic states.',
      'Brazil has unveiled a national rail investment programme.'
    ))
    expect(twice.map((x) => x.prompt)).toContain('What has Brazil unveiled?')
    expect(twice.map((x) => x.prompt)).not.toContain('What did the European Union agree to?')
  })

  it('does not ask about what someone did not do', () => {
    const negated = questionsOf(written(
      'The European Union did not agree to a new defence plan.',
      'NATO has launched a joint training mission in the Baltic states.',
      'Brazil has unveiled a national rail investment programme.',
      'Germany has signed a new trade agreement with Chile.'
    ))
    expect(negated.map((x) => x.prompt)).toContain('What has Brazil unveiled?')
    expect(negated.some((x) => /European Union/.test(x.prompt))).toBe(false)
  })

  it('resolves a leading “He” to the person the sentence before was about, and only then', () => {
    const others = ['China has promised to buy more Brazilian products.', 'Russia threatened to cut gas supplies to Ukraine.']
    const resolved = questionsOf(written('Donald Trump met Barack Obama at the White House. He threatened to abandon the Paris climate accord.', ...others))
    expect(resolved.find((x) => x.answer === 'abandon the Paris climate accord')?.prompt).toBe('What did Donald Trump threaten to do?')
    // "She" is never a man the data knows by his first name, nor "he" a woman.
    const she = questionsOf(written('Donald Trump met Barack Obama at the White House. She threatened to abandon the Paris climate accord.', ...others))
    expect(she.some((x) => x.answer === 'abandon the Paris climate accord')).toBe(false)
    const open = questionsOf(written('Talks between Donald Trump and Barack Obama ended at the White House. He threatened to abandon the Paris climate accord.', ...others))
    expect(open.some((x) => x.answer === 'abandon the Paris climate accord')).toBe(false)
  })

  it('asks what another name stands for when the sentence says it is one', () => {
    const alias = questionsOf(written('The group fought ISIS, also known as Daesh, in northern Syria for two years.'))
    expect(alias.map((x) => `${x.prompt} → ${x.answer}`)).toEqual(['ISIS is another name for which group? → Daesh'])
    expect(alias[0]!.options.length).toBe(4)
    // Two names of one thing with no word saying so ask nothing.
    expect(questionsOf(written('The group fought ISIS in northern Syria, and Daesh fought back for two years.'))).toEqual([])
  })
})

describe('the verb frames data', () => {
  it('has well-formed frames: a lower-case lemma, a known complement, and what that complement needs', () => {
    const complements = new Set(['to-vp', 'np', 'prep-np', 'obj-np', 'obj-of', 'obj-to-vp', 'wh'])
    expect(ACTIONS.frames.length).toBeGreaterThan(20)
    for (const f of ACTIONS.frames) {
      expect(f.lemma, JSON.stringify(f)).toMatch(/^[a-z]+$/)
      expect(complements.has(f.complement), JSON.stringify(f)).toBe(true)
      if (f.complement === 'prep-np') expect(f.prep, JSON.stringify(f)).toMatch(/^[a-z]+$/)
      if (f.complement === 'wh') expect(f.object?.length, JSON.stringify(f)).toBeGreaterThan(0)
    }
    const keys = ACTIONS.frames.map((f) => `${f.lemma}|${f.complement}|${f.prep ?? ''}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const list of [ACTIONS.reporting, ACTIONS.modals, ACTIONS.aliasCues, ACTIONS.vagueHeads, ACTIONS.femaleFirstNames]) {
      expect(list.length).toBeGreaterThan(0)
      for (const w of list) expect(w.trim()).toBe(w)
    }
  })
})

describe('options of a "what" question', () => {
  it('never offers a thing read off another verb, which the question\'s verb cannot take (FRAMED_THINGS)', () => {
    const article = written(
      'The World Bank has suspended loans to Peru, central bank manager Hector Neyra said.',
      'Peru moved the central bank’s gold reserves to a vault, and officials counted the country’s overdue payments last week.'
    )
    const q = questionsOf(article).find((x) => x.answer === 'loans to Peru')
    // Nothing else in the story was suspended, agreed or spoken of: the options are the key with its country swapped.
    expect(q?.options.filter((o) => o !== q.answer)).toHaveLength(3)
    for (const o of q!.options) expect(o).toMatch(/^loans to [A-Z]/)
  })
})
