/**
 * Named regular expressions. Every expression that reads imported text is defined through a `PatternGroup`, with
 * an example it must match and one it must not; the group's list is exported by its module, and
 * tests/shared/text/linear-time.test.ts runs every listed expression on hostile 100 KB inputs (derived from its
 * examples, plus any it names itself) and prints how long the slowest took. An expression that backtracks
 * (nested or adjacent quantifiers over the same characters) shows there as seconds instead of milliseconds.
 * To check a new module's expressions, export its group's `list` and add it to that test's `GROUPS`.
 */
export interface NamedPattern {
  /** Where it lives and what it reads, e.g. `parse.byline`. */
  name: string
  regex: RegExp
  /** A text the expression matches. */
  matches: string
  /** A text it must not match. */
  rejects: string
  /** Extra hostile inputs of about `size` characters (the test also derives some from the examples). */
  hostile?: (size: number) => string[]
}

/** A module's named expressions: `define` returns the expression itself and records it in `list`. */
export interface PatternGroup {
  define(name: string, regex: RegExp, examples: { matches: string; rejects: string }, hostile?: (size: number) => string[]): RegExp
  readonly list: readonly NamedPattern[]
}

/** A new, empty group; `prefix` names the module (`parse`, `html`). */
export function patternGroup(prefix: string): PatternGroup {
  const list: NamedPattern[] = []
  return {
    define(name, regex, examples, hostile) {
      list.push({ name: `${prefix}.${name}`, regex, ...examples, ...(hostile ? { hostile } : {}) })
      return regex
    },
    list
  }
}

/** A hostile input, kept small until it is built: `prefix`, then `unit` repeated `times`, then `suffix`. */
export interface HostileInput {
  prefix: string
  unit: string
  times: number
  suffix: string
}

/** The text of a hostile input. */
export function buildHostile(input: HostileInput): string {
  return input.prefix + input.unit.repeat(input.times) + input.suffix
}

/**
 * Hostile inputs of about `size` characters for an expression: every substring of one to four characters of its
 * examples, repeated after the part of the example that precedes it and followed by a character nothing expects
 * (the inputs that make a backtracking expression try every way of splitting a long run), and its own extras.
 */
export function hostileInputs(pattern: NamedPattern, size: number): HostileInput[] {
  const out = new Map<string, HostileInput>()
  for (const text of pattern.hostile?.(size) ?? []) out.set(text, { prefix: text, unit: '', times: 0, suffix: '' })
  for (const example of [pattern.matches, pattern.rejects]) {
    for (let len = 1; len <= 4; len++) {
      for (let i = 0; i + len <= example.length; i++) {
        const input = { prefix: example.slice(0, i), unit: example.slice(i, i + len), times: Math.ceil(size / len), suffix: '\u0001!' }
        out.set(`${input.prefix}\u0000${input.unit}`, input)
      }
    }
  }
  return [...out.values()]
}

/** Runs `regex` over `text` the way the app does: every match of a global expression, else the first. */
export function runPattern(regex: RegExp, text: string): void {
  const fresh = new RegExp(regex.source, regex.flags)
  if (fresh.global) text.replace(fresh, '')
  else fresh.exec(text)
}
