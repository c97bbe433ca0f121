// A part-of-speech tagger for the KR reader built on `compromise`, for `eval:rules -- --pos compromise`:
// it measures whether a general English tagger reads KRs better than the hand lexicon.
import nlp from 'compromise';
import type { PartOfSpeech, PosTagger } from '../server/src/engine/sentence/pos';

interface Term { text: string; tags: string[]; offset: { start: number; length: number } }

export const compromiseTagger: PosTagger = (text, tokens) => {
  const terms = (nlp(text).json({ offset: true }) as { terms: Term[] }[]).flatMap((s) => s.terms);
  return tokens.map((token) => {
    if (token.kind !== 'word') return 'other';
    const term = terms.find((t) => token.start >= t.offset.start && token.start < t.offset.start + t.offset.length);
    return term ? partOfSpeech(term.tags) : 'other';
  });
};

function partOfSpeech(tags: string[]): PartOfSpeech {
  if (tags.includes('Verb')) {
    if (tags.includes('Participle') || tags.includes('Passive') || tags.includes('PastTense')) return 'participle';
    return tags.includes('Auxiliary') ? 'other' : 'verb';
  }
  if (tags.includes('Noun')) return 'noun';
  return 'other';
}
