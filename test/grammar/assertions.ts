// Reads grammar fixtures written in the style of vscode-tmgrammar-test: a comment line under
// a source line points at columns with carets (`#    ^^^ scope`) or at the start with
// `# <--- scope`, lists the scopes required there and, after ` - `, scopes that must be absent.

export interface ScopeAssertion {
  /** 0-based line in the fixture of the source line the assertion points at. */
  sourceLine: number;
  /** 1-based line of the assertion itself, for messages. */
  assertionLine: number;
  columns: number[];
  required: string[];
  forbidden: string[];
}

const CARETS = /^#(\s*)(\^+)\s+(.+)$/;
const ARROW = /^#\s*<(-+)\s+(.+)$/;

export function isAssertionLine(line: string): boolean {
  return CARETS.test(line) || ARROW.test(line);
}

export function readAssertions(text: string): ScopeAssertion[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: ScopeAssertion[] = [];
  let lastSource = -1;
  lines.forEach((line, index) => {
    let columns: number[] | undefined;
    let spec = '';
    const caret = CARETS.exec(line);
    const arrow = ARROW.exec(line);
    if (caret) {
      const first = 1 + caret[1].length;
      columns = [...Array(caret[2].length).keys()].map((k) => first + k);
      spec = caret[3];
    } else if (arrow) {
      columns = [...Array(arrow[1].length).keys()];
      spec = arrow[2];
    }
    if (!columns) {
      lastSource = index;
      return;
    }
    if (lastSource < 0) throw new Error(`assertion on line ${index + 1} has no source line above it`);
    const [requiredPart, forbiddenPart = ''] = (' ' + spec).split(/\s+-\s+/);
    out.push({
      sourceLine: lastSource,
      assertionLine: index + 1,
      columns,
      required: requiredPart.split(/\s+/).filter(Boolean),
      forbidden: forbiddenPart.split(/\s+/).filter(Boolean),
    });
  });
  return out;
}
