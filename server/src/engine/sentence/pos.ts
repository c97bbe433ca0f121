// An optional part-of-speech tagger for the KR reader. Without one (the default, and what ships)
// the hand lexicon decides; `npm run eval:rules -- --pos compromise` measures a tagger against it.
import type { Token } from './tokens';

export type PartOfSpeech = 'verb' | 'participle' | 'noun' | 'other';

/** Tags each word token of a sentence (other tokens get 'other'). */
export type PosTagger = (text: string, tokens: Token[]) => PartOfSpeech[];

let tagger: PosTagger | undefined;
const listeners: (() => void)[] = [];

export function usePosTagger(next: PosTagger | undefined): void {
  tagger = next;
  for (const listener of listeners) listener();
}

/** Caches of readings register here: a new tagger means new readings. */
export function onTaggerChange(listener: () => void): void {
  listeners.push(listener);
}

export function tagsOf(text: string, tokens: Token[]): PartOfSpeech[] | undefined {
  return tagger?.(text, tokens);
}
