import { describe, expect, it } from 'vitest'
import { splitSentences } from '@shared/quiz/sentences'

const split = (text: string): string[] => splitSentences({ paragraphs: [text] })[0]!.map((s) => s.text)

describe('sentences: where a paragraph splits and where it only seems to', () => {
  it('keeps an abbreviation inside its sentence ("Ph.D.", "Ph. D.", "Corp.", "Gen.", "vs.")', () => {
    expect(split('He earned a Ph.D. in physics. She did not.')).toEqual(['He earned a Ph.D. in physics.', 'She did not.'])
    expect(split('She earned her Ph. D. at Yale. He did not.')).toEqual(['She earned her Ph. D. at Yale.', 'He did not.'])
    expect(split('Smith joined Acme Corp. in 1990. Jones left.')).toEqual(['Smith joined Acme Corp. in 1990.', 'Jones left.'])
    expect(split('He met Gen. Smith on Monday. They talked.')).toEqual(['He met Gen. Smith on Monday.', 'They talked.'])
    expect(split('The vote was 5 vs. 3 in favour. It passed.')).toEqual(['The vote was 5 vs. 3 in favour.', 'It passed.'])
  })

  it('keeps a ticker whole, but splits two sentences typed without a space (NO_SPACE_NO_BREAK)', () => {
    expect(split('Shares of <WOIA.S> said it rose. He left.She came back.')).toEqual(['Shares of <WOIA.S> said it rose.', 'He left.', 'She came back.'])
  })

  it('ends a quoted sentence at its closing mark and starts the next after it', () => {
    expect(split('"We will win." That was all he said.')).toEqual(['"We will win."', 'That was all he said.'])
    expect(split('The talks ended. "They failed," he said. Nobody came.')).toEqual(['The talks ended.', '"They failed," he said.', 'Nobody came.'])
  })

  it('gives each sentence its paragraph, its place and offsets that slice back to its text', () => {
    const text = 'Prices rose in the U.S. Treasury market today. Dealers were calm.'
    const [p] = splitSentences({ paragraphs: ['First.', text] }).slice(1)
    expect(p!.map((s) => s.text)).toEqual(['Prices rose in the U.S. Treasury market today.', 'Dealers were calm.'])
    for (const [i, s] of p!.entries()) {
      expect(s).toMatchObject({ paragraph: 1, index: i })
      expect(text.slice(s.start, s.end)).toBe(s.text)
      expect(s.tokens[0]!.start).toBe(s.start)
      expect(s.tokens.at(-1)!.end).toBe(s.end)
    }
  })
})
