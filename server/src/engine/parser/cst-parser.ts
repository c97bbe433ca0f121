// The concrete syntax: one statement per line. Error recovery re-syncs at the line
// break, so one bad line never hides the statements after it.
import { CstParser, type CstNode, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens';

/** Messages for people: what was expected, after what, and what was found. */
const friendlyMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    return mismatch(describe(expected), actual, previous);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }) {
    const options = uniqueLabels(expectedPathsPerAlt.flat().map((path) => path[0]).filter(Boolean));
    return mismatch(options.join(' or '), actual[0], previous);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const options = uniqueLabels(expectedIterationPaths.map((path) => path[0]).filter(Boolean));
    return mismatch(options.join(' or '), actual[0], previous);
  },
};

function describe(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function uniqueLabels(types: TokenType[]): string[] {
  return [...new Set(types.map(describe))];
}

function found(token: IToken): string {
  if (token.tokenType === T.Newline || token.tokenType.CATEGORIES?.includes(T.Newline) || token.image === '') return 'the end of the line';
  return `'${token.image}'`;
}

function mismatch(expected: string, actual: IToken, previous: IToken): string {
  const after = previous && previous.image && !/^\s+$/.test(previous.image) ? ` after '${previous.image}'` : '';
  return `expected ${expected}${after}, found ${found(actual)}`;
}

/** The Chevrotain 11 internal that in-rule recovery calls on every mismatched token. */
interface RecoveryInternals {
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[];
  getCurrentGrammarPath(tokType: TokenType, tokIdxInRule: number): { ruleStack: string[]; occurrenceStack: number[] };
}

export class OkrCstParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, errorMessageProvider: friendlyMessages, nodeLocationTracking: 'none' });
    this.performSelfAnalysis();
    this.cacheRecoveryFollows();
  }

  /** Parses a token stream into the document CST (errors land in `this.errors`). */
  parse(tokens: IToken[]): CstNode {
    this.input = tokens;
    // Chevrotain reports every syntax error by throwing; nobody reads those stack traces, and
    // capturing them made a document with an error on every line several times slower.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return this.document();
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  /**
   * Chevrotain walks the grammar anew at each in-rule recovery to learn which tokens may follow;
   * the answer depends only on the place in the grammar, so it is computed once per place.
   */
  private cacheRecoveryFollows(): void {
    const internals = this as unknown as RecoveryInternals;
    const compute = internals.getFollowsForInRuleRecovery.bind(this);
    const cache = new Map<string, TokenType[]>();
    internals.getFollowsForInRuleRecovery = (tokType, tokIdxInRule) => {
      const path = internals.getCurrentGrammarPath(tokType, tokIdxInRule);
      const key = `${path.ruleStack.join('/')}|${path.occurrenceStack.join('/')}|${tokType.name}|${tokIdxInRule}`;
      let follows = cache.get(key);
      if (!follows) cache.set(key, (follows = compute(tokType, tokIdxInRule)));
      return follows;
    };
  }

  public document = this.RULE('document', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  private line = this.RULE('line', () => {
    this.OPTION(() => this.SUBRULE(this.statement));
    this.CONSUME(T.Newline);
  });

  private statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.periodStatement) },
      { ALT: () => this.SUBRULE(this.textStatement) },
      { ALT: () => this.SUBRULE(this.taskStatement) },
      { ALT: () => this.SUBRULE(this.baselineStatement) },
      { ALT: () => this.SUBRULE(this.targetStatement) },
      { ALT: () => this.SUBRULE(this.weightStatement) },
      { ALT: () => this.SUBRULE(this.checkinStatement) },
      { ALT: () => this.SUBRULE(this.scoreStatement) },
      { ALT: () => this.SUBRULE(this.unknownStatement) },
    ]);
  });

  /** `period 2026-Q2` | `period 2026` | `period 2026-04-01 to 2026-08-30` */
  private periodStatement = this.RULE('periodStatement', () => {
    this.CONSUME(T.Period);
    this.OR([
      { ALT: () => this.CONSUME(T.PeriodLabel) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.DateLiteral, { LABEL: 'start' });
          this.CONSUME(T.To);
          this.CONSUME2(T.DateLiteral, { LABEL: 'end' });
        },
      },
    ]);
  });

  /** team, objective, why, owner, kr, id, aligns: text to the end of the line. */
  private textStatement = this.RULE('textStatement', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Team, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Objective, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Why, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Owner, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Kr, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Id, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(T.Aligns, { LABEL: 'keyword' }) },
    ]);
    this.OPTION(() => this.CONSUME(T.RestOfLine));
  });

  private taskStatement = this.RULE('taskStatement', () => {
    this.CONSUME(T.Task);
    this.OPTION(() => this.CONSUME(T.Checkbox));
    this.OPTION2(() => this.CONSUME(T.RestOfLine));
  });

  /** `baseline VALUE [on DATE]` */
  private baselineStatement = this.RULE('baselineStatement', () => {
    this.CONSUME(T.Baseline);
    this.SUBRULE(this.value);
    this.OPTION(() => {
      this.CONSUME(T.On);
      this.CONSUME(T.DateLiteral);
    });
  });

  /** `target [<=|>=|<|>] VALUE [by DATE]` | `target done [by DATE]` */
  private targetStatement = this.RULE('targetStatement', () => {
    this.CONSUME(T.Target);
    this.OR([
      { ALT: () => this.CONSUME(T.Done) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Comparator));
          this.SUBRULE(this.value);
        },
      },
    ]);
    this.OPTION2(() => {
      this.CONSUME(T.By);
      this.CONSUME(T.DateLiteral);
    });
  });

  private weightStatement = this.RULE('weightStatement', () => {
    this.CONSUME(T.Weight);
    this.CONSUME(T.NumberLiteral);
  });

  /** `checkin DATE VALUE|done [status] ["note"]` */
  private checkinStatement = this.RULE('checkinStatement', () => {
    this.CONSUME(T.Checkin);
    this.CONSUME(T.DateLiteral);
    this.OR([
      { ALT: () => this.CONSUME(T.Done) },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
    this.OPTION(() => this.CONSUME(T.Status));
    this.OPTION2(() => {
      this.OR2([
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.UnterminatedString) },
      ]);
    });
  });

  /** `score 0.7 ["note"]`: the end-of-period grade of a KR. */
  private scoreStatement = this.RULE('scoreStatement', () => {
    this.CONSUME(T.Score);
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.CONSUME(T.UnterminatedString) },
      ]);
    });
  });

  /** A number and, optionally, the unit word after it (`45 days`). */
  private value = this.RULE('value', () => {
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => this.CONSUME(T.Word));
  });

  /** A line led by a word that is no keyword: kept so the model can suggest the keyword meant. */
  private unknownStatement = this.RULE('unknownStatement', () => {
    this.CONSUME(T.UnknownWord);
    this.OPTION(() => this.CONSUME(T.RestOfLine));
  });
}

/** One parser instance serves every document (Chevrotain parsers are reusable and costly to build). */
export const okrParser = new OkrCstParser();
