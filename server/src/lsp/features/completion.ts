// Completion by context: the keywords that fit this line, then values that fit the slot
// the cursor is in (today after `checkin`, the period's end after `by`, statuses, units).
import {
  CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams, type Range,
} from 'vscode-languageserver/node';
import { addDays, periodBounds } from '../../engine/dates';
import { classify } from '../../engine/format/classify';
import type { Analyzed } from '../state';
import { locate } from './locate';
import { formatScore } from '../../engine/progress/score';
import type { KrProgress } from '../../engine/progress/types';
import { percentText } from '../../engine/tree';
import { blockSnippets } from './snippets';

interface KeywordInfo {
  detail: string;
  /** Snippet text after the keyword. */
  snippet?: string;
}

const KEYWORDS: Record<string, KeywordInfo> = {
  period: { detail: 'The period these OKRs cover: 2026-Q2, 2026-H1, 2026 or two dates' },
  team: { detail: 'The team that owns this file' },
  objective: { detail: 'What you want to achieve, in words that inspire' },
  why: { detail: 'Why the objective matters now' },
  owner: { detail: 'Who answers for the objective' },
  kr: { detail: 'A key result: a measurable outcome, from a baseline to a target by a date' },
  baseline: { detail: 'Where the KR starts: VALUE [on DATE]' },
  target: { detail: 'Where the KR should end: [<=|>=] VALUE [by DATE], or done [by DATE]' },
  weight: { detail: "The KR's weight in its objective's progress (1 by default)" },
  checkin: { detail: 'A progress update: DATE VALUE [on-track|at-risk|off-track] ["note"]', snippet: '${TODAY} ${1:value}' },
  task: { detail: 'An activity (not an outcome): task [x] TEXT when done' },
  score: { detail: 'The end-of-period grade, 0.0 to 1.0: score 0.7 ["note"]' },
  id: { detail: 'Names this objective or KR so other files can align to it: lowercase letters, digits, dashes' },
  aligns: { detail: 'This objective or KR contributes to the one with this id (in any file)' },
};

const ORDER: Record<'file' | 'objective' | 'kr', string[]> = {
  file: ['period', 'team', 'objective'],
  objective: ['kr', 'why', 'owner', 'task', 'aligns', 'id', 'objective'],
  kr: ['checkin', 'baseline', 'target', 'task', 'weight', 'score', 'aligns', 'id', 'kr', 'objective'],
};

const VALUE_SLOTS = new Set(['period', 'baseline', 'target', 'task', 'score', 'aligns']);

const COMMON_UNITS = ['days', 'customers', 'invoices', 'users', 'hours', 'points', 'tickets', 'orders', 'accounts'];

export function completion(state: Analyzed, params: CompletionParams, snippets: boolean): CompletionItem[] {
  const { line, character } = params.position;
  const text = state.lines[line];
  if (text === undefined) return [];
  const prefix = text.slice(0, Math.min(character, text.length));
  const asOf = state.analysis.asOf;
  if (/^[ \t]*#/.test(prefix)) return [];
  const partial = /^[ \t\ufeff]*([A-Za-z]*)$/.exec(prefix);
  if (partial) return keywordItems(state, line, character, partial[1], asOf, snippets);

  const statement = classify(text);
  if (statement.kind !== 'statement') return [];
  const keyword = statement.keyword!;
  const afterKeyword = prefix.replace(/^[ \t\ufeff]*[A-Za-z]+/, '');
  if (afterKeyword === '') return [];
  const current = /[^ \t]*$/.exec(afterKeyword)![0];
  const before = afterKeyword.slice(0, afterKeyword.length - current.length).trim();
  const words = before ? before.split(/[ \t]+/) : [];
  const replace: Range = { start: { line, character: character - current.length }, end: { line, character } };
  const item = (label: string, kind: CompletionItemKind, detail: string, sortText?: string): CompletionItem => ({
    label, kind, detail, textEdit: { range: replace, newText: label }, ...(sortText ? { sortText } : {}),
  });
  const periodEnd = state.analysis.doc.period?.end;
  const periodStart = state.analysis.doc.period?.start;
  const last = words[words.length - 1]?.toLowerCase();

  if (last === 'by' && (keyword === 'target' || keyword === 'kr')) {
    return periodEnd ? [item(periodEnd, CompletionItemKind.Value, "the period's end", '0')] : [item(asOf, CompletionItemKind.Value, 'today')];
  }
  if (last === 'on' && keyword === 'baseline') {
    const items = [item(asOf, CompletionItemKind.Value, 'today', '1')];
    if (periodStart) items.unshift(item(addDays(periodStart, -1), CompletionItemKind.Value, 'the day before the period starts', '0'));
    return items;
  }
  switch (keyword) {
    case 'checkin':
      if (words.length === 0) return [item(asOf, CompletionItemKind.Value, 'today', '0')];
      if (words.length === 1) return valueItems(state, line, item);
      if (words.length === 2 || (words.length === 3 && isUnitWord(words[2]))) {
        if (isNumber(words[1]) && words.length === 2) {
          const units = unitItems(state, item);
          return [...statusItems(item), ...units];
        }
        return statusItems(item);
      }
      return [];
    case 'period':
      return words.length === 0 ? periodItems(asOf, item) : words.length === 1 && /^\d{4}-\d{2}-\d{2}$/.test(words[0]) ? [item('to', CompletionItemKind.Keyword, 'end date follows')] : [];
    case 'target':
      if (words.length === 0) {
        return [
          item('<=', CompletionItemKind.Operator, 'stay at or below (a threshold KR)', '1'),
          item('>=', CompletionItemKind.Operator, 'stay at or above (a threshold KR)', '1'),
          item('done', CompletionItemKind.Keyword, 'a milestone KR, met by a `checkin DATE done`', '2'),
          ...valueItems(state, line, item),
        ];
      }
      if (isNumber(words[words.length - 1]) || isUnitWord(words[words.length - 1]) || last === 'done') {
        return [item('by', CompletionItemKind.Keyword, 'the date the target is due'), ...(isNumber(words[words.length - 1]) ? unitItems(state, item) : [])];
      }
      return [];
    case 'baseline':
      if (words.length === 0) return valueItems(state, line, item);
      if (isNumber(words[words.length - 1]) || isUnitWord(words[words.length - 1])) {
        return [item('on', CompletionItemKind.Keyword, 'the date the baseline was measured'), ...(isNumber(words[words.length - 1]) ? unitItems(state, item) : [])];
      }
      return [];
    case 'task':
      return words.length === 0 ? [item('[x]', CompletionItemKind.Value, 'a task that is done'), item('[ ]', CompletionItemKind.Value, 'a task still to do')] : [];
    case 'score':
      return words.length === 0 ? scoreItems(state, line, item) : [];
    case 'kr':
      if (words.length > 0 && isNumber(words[words.length - 1])) return unitItems(state, item);
      return [];
    default:
      return [];
  }
}

type ItemMaker = (label: string, kind: CompletionItemKind, detail: string, sortText?: string) => CompletionItem;

function keywordItems(state: Analyzed, line: number, character: number, typed: string, asOf: string, snippets: boolean): CompletionItem[] {
  let context: 'file' | 'objective' | 'kr' = 'file';
  let hasPeriod = false;
  let hasTeam = false;
  state.lines.forEach((l, i) => {
    const c = classify(l);
    if (c.kind !== 'statement') return;
    if (c.keyword === 'period') hasPeriod = true;
    if (c.keyword === 'team') hasTeam = true;
    if (i >= line) return;
    if (c.keyword === 'objective') context = 'objective';
    else if (c.keyword === 'kr') context = 'kr';
    else if (c.keyword === 'period' || c.keyword === 'team') context = 'file';
  });
  const place = context as 'file' | 'objective' | 'kr'; // set inside the callback above
  const replace = { start: { line, character: character - typed.length }, end: { line, character } };
  const rest = state.lines[line].slice(character);
  const restEmpty = rest.trim() === '';
  // Under a KR that has them, a second baseline, target or weight would be an error.
  const kr = place === 'kr' ? krAbove(state, line)?.kr : undefined;
  const has = (r: { range: { start: { line: number } } } | undefined) => !!r && r.range.start.line !== line;
  const taken = new Set([
    ...(has(kr?.baseline) ? ['baseline'] : []), ...(has(kr?.target) ? ['target'] : []), ...(has(kr?.weight) ? ['weight'] : []),
  ]);
  const blocks = snippets && restEmpty ? blockSnippets(place, state.analysis.doc.period, replace, typed) : [];
  const keywords: CompletionItem[] = ORDER[place]
    .filter((k) => !(k === 'period' && hasPeriod) && !(k === 'team' && hasTeam) && !taken.has(k))
    .map((keyword, index) => {
      const info = KEYWORDS[keyword];
      const snippet = info.snippet && snippets && restEmpty ? `${keyword} ${info.snippet.replace('${TODAY}', asOf)}` : undefined;
      return {
        label: keyword,
        kind: CompletionItemKind.Keyword,
        detail: info.detail,
        sortText: String(index).padStart(2, '0'),
        textEdit: { range: replace, newText: snippet ?? (restEmpty ? `${keyword} ` : keyword) },
        ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
        ...(restEmpty && VALUE_SLOTS.has(keyword) ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
      } satisfies CompletionItem;
    });
  return [...keywords, ...blocks];
}

function statusItems(item: ItemMaker): CompletionItem[] {
  return [
    item('on-track', CompletionItemKind.EnumMember, 'your call: on course', '0'),
    item('at-risk', CompletionItemKind.EnumMember, 'your call: may miss the target', '0'),
    item('off-track', CompletionItemKind.EnumMember, 'your call: will miss it without a change', '0'),
  ];
}

function periodItems(asOf: string, item: ItemMaker): CompletionItem[] {
  const year = Number(asOf.slice(0, 4));
  const quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  const half = quarter <= 2 ? 1 : 2;
  const q = `${year}-Q${quarter}`;
  const bounds = periodBounds(q)!;
  const nextQ = quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
  return [
    item(q, CompletionItemKind.Value, 'this quarter', '0'),
    item(nextQ, CompletionItemKind.Value, 'next quarter', '1'),
    item(`${year}-H${half}`, CompletionItemKind.Value, 'this half-year', '2'),
    item(String(year), CompletionItemKind.Value, 'this year', '3'),
    item(`${bounds.start} to ${bounds.end}`, CompletionItemKind.Value, 'this quarter, as dates', '4'),
  ];
}

/** The KR's own values as examples: its latest check-in, baseline and target. */
function valueItems(state: Analyzed, line: number, item: ItemMaker): CompletionItem[] {
  const { kr } = locate(state.analysis, line);
  if (!kr) return [];
  const out: CompletionItem[] = [];
  const add = (raw: string | undefined, detail: string) => {
    if (raw && !out.some((o) => o.label === raw)) out.push(item(raw, CompletionItemKind.Value, detail, '5'));
  };
  if (kr.kind === 'milestone') out.push(item('done', CompletionItemKind.Keyword, 'the milestone is met', '0'));
  add(kr.current?.raw, 'latest value');
  add(kr.target?.raw, 'target');
  add(kr.baseline?.raw, 'baseline');
  return out;
}

/** The grade the KR's figures suggest, first; then the usual marks of a Google-style grade. */
function scoreItems(state: Analyzed, line: number, item: ItemMaker): CompletionItem[] {
  // The line being typed does not parse yet, so it is not in the KR's block: take the KR above it.
  const kr = locate(state.analysis, line).kr ?? krAbove(state, line);
  const suggested = kr?.suggestedScore ?? null;
  const out: CompletionItem[] = [];
  if (suggested !== null) {
    out.push({ ...item(formatScore(suggested), CompletionItemKind.Value, `what the figures say: progress ${percentText(kr!.progress)}`, '0'), preselect: true });
  }
  for (const [score, meaning] of [['1.0', 'fully achieved'], ['0.7', 'a good result on an ambitious KR'], ['0.3', 'progress, but far short'], ['0.0', 'no progress']]) {
    if (score !== (suggested === null ? '' : formatScore(suggested))) out.push(item(score, CompletionItemKind.Value, meaning, '1'));
  }
  return out;
}

function krAbove(state: Analyzed, line: number): KrProgress | undefined {
  let found: KrProgress | undefined;
  for (const o of state.analysis.progress.objectives) {
    if (o.objective.range.start.line > line) break;
    found = undefined;
    for (const k of o.keyResults) if (k.kr.range.start.line < line) found = k;
  }
  return found;
}

function unitItems(state: Analyzed, item: ItemMaker): CompletionItem[] {
  const seen = new Set<string>();
  for (const o of state.analysis.doc.objectives) {
    for (const k of o.keyResults) {
      for (const q of [k.baseline?.value, k.target?.value, ...k.checkins.map((c) => c.value), ...k.sentence.quantities]) {
        if (q && /^[a-z]/i.test(q.unit)) seen.add(q.unit);
      }
    }
  }
  for (const unit of COMMON_UNITS) seen.add(unit);
  return [...seen].map((unit) => item(unit, CompletionItemKind.Unit, 'unit', '9'));
}

function isNumber(word: string | undefined): boolean {
  return !!word && /^[-+]?[$€£¥]?\d[\d,]*(?:\.\d+)?[kKmMbB]?%?$/.test(word);
}

function isUnitWord(word: string | undefined): boolean {
  return !!word && /^[A-Za-z][\w-]*$/.test(word) && !/^(on|by|to|done|on-track|at-risk|off-track)$/i.test(word);
}
