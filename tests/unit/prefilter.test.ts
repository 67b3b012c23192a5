/**
 * The literal prefilter (src/signals/prefilter.ts): a regexp runs only when the sentence holds
 * one of the literals every match must contain. The literals must be sound (never skip a regexp
 * that would have matched), checked here over the whole pattern table against the labelled
 * corpus and against random strings generated from each pattern, and useful (skip most pairs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PHRASE_LITERALS } from '../../src/signals/phrase-literals';
import { normalizeForMatching, prefilteredPatterns, prefilteredRegexps, splitSentences } from '../../src/signals/phrases';
import { requiredLiterals } from '../../src/signals/prefilter';

const sorted = (literals: string[] | null): string[] | null => (literals ? [...literals].sort() : null);

describe('requiredLiterals', () => {
  it('reads a literal run, and a quantifier repeats only its last character', () => {
    expect(requiredLiterals('abc')).toEqual(['abc']);
    expect(requiredLiterals('abc?')).toEqual(['ab']);
    expect(requiredLiterals('al+ready')).toEqual(['lready']);
    expect(requiredLiterals('x{2}y')).toEqual(['xxy']);
    expect(requiredLiterals('(?:ab){2,}')).toEqual(['abab']);
    expect(requiredLiterals('(?:ab){2,4}x')).toEqual(['abab']);
    expect(requiredLiterals('^abc$')).toEqual(['abc']);
  });

  it('joins small alternations and optional parts into the strings a match spells', () => {
    expect(sorted(requiredLiterals('no (?:real )?rush'))).toEqual(['no real rush', 'no rush']);
    expect(sorted(requiredLiterals('deal[- ]?breakers?'))).toEqual(['deal breaker', 'deal-breaker', 'dealbreaker']);
    expect(sorted(requiredLiterals('customi[sz]e'))).toEqual(['customise', 'customize']);
    expect(sorted(requiredLiterals('x(?:ab(?:cd|ef)gh)y'))).toEqual(['xabcdghy', 'xabefghy']);
    expect(sorted(requiredLiterals('cheaper|cheapest|less expensive'))).toEqual(['cheaper', 'cheapest', 'less expensive']);
    // Holding "bc" is enough for "abc" too: the longer one is dropped.
    expect(requiredLiterals('abc|bc')).toEqual(['bc']);
  });

  it('needs a literal from every branch of an alternation', () => {
    expect(requiredLiterals('abc|\\d+')).toBeNull();
    expect(requiredLiterals('abc|')).toBeNull();
    expect(requiredLiterals('abc|x')).toBeNull(); // "x" is too short to be worth checking
  });

  it('gets nothing from optional groups, classes, \\w, \\d and "."', () => {
    expect(requiredLiterals('x(?:[a-z]+ )?longer literal')).toEqual(['longer literal']);
    expect(requiredLiterals('a(?:[\\w-]+ ){0,3}?bc')).toEqual(['bc']);
    expect(requiredLiterals('[\\w-]+ing')).toEqual(['ing']);
    expect(requiredLiterals('[^"]+ said')).toEqual([' said']);
    expect(requiredLiterals('\\d+ ?(?:%|percent) off')?.sort()).toEqual(['% off', 'percent off']);
    expect(requiredLiterals('.*')).toBeNull();
    expect(requiredLiterals('(?:abc)*')).toBeNull();
  });

  it('treats lookarounds and \\b as zero-width', () => {
    expect(requiredLiterals('(?<![\\w-])(?:net 90)(?![\\w-])')).toEqual(['net 90']);
    expect(requiredLiterals('(?<!before |by )next year')).toEqual(['next year']);
    expect(requiredLiterals('circle back(?! (?:tomorrow|today))')).toEqual(['circle back']);
    expect(requiredLiterals('\\bvalue\\b')).toEqual(['value']);
    // The lookahead's text is not part of the match.
    expect(requiredLiterals('ab(?=cdef)')).toEqual(['ab']);
  });

  it('reads escaped punctuation as itself', () => {
    expect(requiredLiterals('24\\/7')).toEqual(['24/7']);
    expect(sorted(requiredLiterals('incl\\.? you'))).toEqual(['incl you', 'incl. you']);
    expect(requiredLiterals('a\\-b\\.c')).toEqual(['a-b.c']);
  });

  it('gives null for syntax it does not know, instead of guessing', () => {
    expect(requiredLiterals('(abc)\\1')).toBeNull(); // a backreference
    expect(requiredLiterals('\\u0041bc')).toBeNull();
    expect(requiredLiterals('\\p{L}abc')).toBeNull();
    expect(requiredLiterals('abc{')).toBeNull(); // a brace read literally
    expect(requiredLiterals('(?i:abc)')).toBeNull(); // a modifier group
    expect(requiredLiterals('ab(c')).toBeNull();
    expect(requiredLiterals('abc)')).toBeNull();
    expect(requiredLiterals('*abc')).toBeNull();
    expect(requiredLiterals('[\\n]abc')).toBeNull();
  });

  it('gives null for flags that change what a literal matches', () => {
    expect(requiredLiterals('abc', 'g')).toEqual(['abc']);
    expect(requiredLiterals('abc', 'gi')).toBeNull();
    expect(requiredLiterals('abc', 'u')).toBeNull();
  });
});

// ---------------------------------------------------------------- random strings a pattern matches

/** A small deterministic random source (mulberry32). */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789 -\'"%/.,'];

/**
 * Generates strings from a regexp source, written apart from the prefilter's reader so the two
 * check each other. Lookarounds generate nothing: the caller keeps only strings the real regexp
 * matches. Classes and \w-style escapes pick from ALPHABET what the class itself accepts.
 */
function generator(source: string, random: () => number): () => string {
  let pos = 0;
  const pick = <T,>(items: readonly T[], fallback: T): T => items[Math.floor(random() * items.length)] ?? fallback;
  const oneOf = (pattern: string): (() => string) => {
    const test = new RegExp(`^${pattern}$`);
    const chars = ALPHABET.filter((char) => test.test(char));
    return () => pick(chars, '');
  };

  function alternation(): () => string {
    const branches = [sequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(sequence());
    }
    return () => pick(branches, () => '')();
  }

  function sequence(): () => string {
    const parts: Array<{ atom: () => string; min: number; max: number }> = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const atom = atomAt();
      let min = 1;
      let max = 1;
      const quantifier = source[pos];
      if (quantifier === '?' || quantifier === '*' || quantifier === '+') {
        pos++;
        min = quantifier === '+' ? 1 : 0;
        max = quantifier === '?' ? 1 : Infinity;
      } else if (quantifier === '{') {
        const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
        if (!braces) throw new Error(`generator: braces at ${pos} in ${source}`);
        pos += braces[0].length;
        min = Number(braces[1]);
        max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      }
      if (quantifier !== undefined && '?*+{'.includes(quantifier) && source[pos] === '?') pos++;
      parts.push({ atom, min, max });
    }
    return () => {
      let out = '';
      for (const { atom, min, max } of parts) {
        const count = min + Math.floor(random() * (Math.min(max, min + 2) - min + 1));
        for (let i = 0; i < count; i++) out += atom();
      }
      return out;
    };
  }

  function atomAt(): () => string {
    const char = source[pos++] ?? '';
    if (char === '(') {
      const opening = /^\?(?::|=|!|<=|<!)/.exec(source.slice(pos))?.[0] ?? '';
      const lookaround = opening.length > 0 && opening !== '?:';
      pos += opening.length;
      const inner = alternation();
      if (source[pos] !== ')') throw new Error(`generator: no ")" at ${pos} in ${source}`);
      pos++;
      return lookaround ? () => '' : inner;
    }
    if (char === '[') {
      let end = pos;
      while (source[end] !== ']' || end === pos) end += source[end] === '\\' ? 2 : 1;
      const body = source.slice(pos, end);
      pos = end + 1;
      return oneOf(`[${body}]`);
    }
    if (char === '\\') {
      const escaped = source[pos++] ?? '';
      if (escaped === 'b' || escaped === 'B') return () => '';
      if ('wdsWDS'.includes(escaped)) return oneOf(`\\${escaped}`);
      return () => escaped;
    }
    if (char === '.') return () => pick(ALPHABET, 'a');
    if (char === '^' || char === '$') return () => '';
    return () => char;
  }

  const root = alternation();
  if (pos !== source.length) throw new Error(`generator: stopped at ${pos} in ${source}`);
  return root;
}

// ---------------------------------------------------------------- the table against the corpus

const corpus = readFileSync(fileURLToPath(new URL('../corpus/phrases.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

/** What the detector matches against (normalised), and the raw text lower-cased, per sentence. */
const texts = [
  ...new Set(
    corpus.flatMap((text) => [text, ...splitSentences(text)]).flatMap((text) => [normalizeForMatching(text), text.toLowerCase()]),
  ),
];
const normalizedSentences = [...new Set(corpus.flatMap((text) => splitSentences(text)).map(normalizeForMatching))];

const patterns = prefilteredPatterns();
const holdsOne = (text: string, literals: readonly string[]): boolean => literals.some((literal) => text.includes(literal));

describe('the prefilter over the pattern table', () => {
  it('covers the whole table and the vendor counts', () => {
    expect(patterns.length).toBeGreaterThan(100);
    expect(patterns.map((pattern) => pattern.name)).toEqual(expect.arrayContaining(['no-need #1', 'value-language #1', 'COUNT_NOUN']));
  });

  it('derives literals from the regexp actually run', () => {
    for (const { name, regex, literals } of patterns) expect(literals, name).toEqual(requiredLiterals(regex.source, regex.flags));
  });

  it('never skips a regexp that matches a corpus sentence, and each match holds a literal', () => {
    const misses: string[] = [];
    let matches = 0;
    for (const { name, regex, literals } of patterns) {
      if (!literals) continue;
      for (const text of texts) {
        for (const match of text.matchAll(new RegExp(regex.source, 'g'))) {
          matches++;
          if (!holdsOne(text, literals) || !holdsOne(match[0], literals)) misses.push(`${name}: ${JSON.stringify(match[0])} in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(matches).toBeGreaterThan(300); // the check saw real matches (measured: 421)
  });

  it('never skips a regexp on strings generated from it', () => {
    const misses: string[] = [];
    const unmatched: string[] = [];
    for (const [index, { name, regex, literals }] of patterns.entries()) {
      if (!literals) continue;
      const random = randomSource(1000 + index);
      const generate = generator(regex.source, random);
      const once = new RegExp(regex.source);
      let matched = 0;
      for (let i = 0; i < 300; i++) {
        const generated = generate();
        for (const text of [generated, `so ${generated} then`]) {
          const match = once.exec(text);
          if (!match) continue;
          matched++;
          if (!holdsOne(match[0], literals)) misses.push(`${name}: ${JSON.stringify(match[0])}`);
        }
      }
      if (matched < 20) unmatched.push(`${name}: ${matched}`);
    }
    expect(misses).toEqual([]);
    // The generator reaches every pattern (else this test would prove little).
    expect(unmatched).toEqual([]);
  });

  it('is sound on tricky hand-written sources too, by generated strings', () => {
    const sources = [
      'abc?d+(?:e|fg)*h',
      'deal[- ]?breakers?|no[- ]go',
      '(?:ab|cd){2,3}ef[xy]?gh',
      '(?:do|does) not (?:(?:really|actually) )?(?:need|want)(?! it)',
      'x(?:ab(?:cd|ef)gh)+y|q\\/r',
      '(?<!no )(?:(?:one|two|three) )?(?:vendors?|tools?)',
      '[\\w-]+ (?:[\\w-]+ ){0,2}?done',
      'a(?:b|c(?:d|e(?:f|g)))h',
      '(?:abc\\w+cde|efg\\w+ghi)ijk',
      '(?:ab(?:xy)+\\w*z|qq\\wrs)klmnopq',
      'qqqq(?:ab(?:xy)+\\w*z|cd(?:xy)+\\w*z)',
      '(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau)s? end',
    ];
    for (const [index, source] of sources.entries()) {
      const literals = requiredLiterals(source);
      expect(literals, source).not.toBeNull();
      const generate = generator(source, randomSource(index));
      const regex = new RegExp(source);
      let matched = 0;
      for (let i = 0; i < 500; i++) {
        const match = regex.exec(generate());
        if (!match) continue;
        matched++;
        expect(holdsOne(match[0], literals ?? []), `${source}: ${match[0]}`).toBe(true);
      }
      expect(matched, source).toBeGreaterThan(100);
    }
  });

  it('skips most (pattern, sentence) pairs of the corpus, and finds literals for most patterns', () => {
    let pairs = 0;
    let skipped = 0;
    for (const { literals } of patterns) {
      for (const sentence of normalizedSentences) {
        pairs++;
        if (literals && !holdsOne(sentence, literals)) skipped++;
      }
    }
    const withLiterals = patterns.filter(({ literals }) => literals !== null).length;
    // Measured: 97% of 113 x 450 pairs skipped; literals for all 113 patterns.
    expect(skipped / pairs).toBeGreaterThanOrEqual(0.9);
    expect(withLiterals / patterns.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the literals table made at build time (src/signals/phrase-literals.ts)', () => {
  it('holds, for every prefiltered regexp in order, what requiredLiterals gives now (else: npm run phrase-literals)', () => {
    const regexps = prefilteredRegexps();
    expect(regexps.length).toBeGreaterThan(100);
    expect(PHRASE_LITERALS.map(([length, literals]) => ({ length, literals }))).toEqual(
      regexps.map((regex) => ({ length: regex.source.length, literals: requiredLiterals(regex.source, regex.flags) })),
    );
  });

  it('is what the detector uses', () => {
    const used = prefilteredPatterns().map((pattern) => pattern.literals);
    for (const literals of used) expect(PHRASE_LITERALS.some(([, table]) => table === literals)).toBe(true);
  });
});
