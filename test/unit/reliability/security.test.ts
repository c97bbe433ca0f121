// Nothing in a .okr file or a .okrrc.json is executed, and text from a .okr file shown as
// Markdown (hovers, the report) cannot become a link, a command, HTML or formatting.
// Markdown is rendered with markdown-it with raw HTML and bare-URL links switched on, the most
// permissive reading a viewer could give it.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { runCli } from '../../../server/src/cli/main';
import { escapeMarkdown } from '../../../server/src/engine/markdown';

const markdown = new MarkdownIt({ html: true, linkify: true });

const PLAIN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em']);

/**
 * Every element in rendered HTML that is more than plain text in a paragraph, heading or table:
 * links, images, raw HTML, attributes. A bare web address the viewer turns into a link by itself
 * (`https://…` shown as it is written) is allowed: it is visible and a viewer asks before opening it.
 */
function activeParts(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, closing, name, attributes] = m;
    if (closing) continue;
    if (name === 'a') {
      const href = /^ href="(https?:\/\/[^"]*)"$/.exec(attributes)?.[1];
      if (href && html.startsWith(`${href}</a>`, (m.index ?? 0) + tag.length)) continue;
    } else if (PLAIN_TAGS.has(name) && (attributes === '' || /^ style="text-align:(?:left|right|center)"$/.test(attributes))) continue;
    found.push(tag);
  }
  return found;
}

const PAYLOADS = [
  '[x](command:workbench.action.quit)',
  '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D "title")',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="command:workbench.action.quit">click</a>',
  '<command:workbench.action.quit>',
  '[x](javascript:alert(1))',
  '![x](https://example.com/track.png)',
  '&#91;x&#93;(command:workbench.action.quit)',
  '\\[x](command:workbench.action.quit)',
  '[x][ref] [ref]: command:workbench.action.quit',
  '<!-- hidden --> text',
  '<svg onload=alert(1)>',
  '`code` **bold** _em_ ~~strike~~ $math$',
];

function renderInline(text: string): string {
  return markdown.render(escapeMarkdown(text));
}

/** The text a reader sees in rendered HTML (tags dropped, entities decoded). */
function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
}

describe('Markdown escaping', () => {
  for (const payload of PAYLOADS) {
    it(`renders ${JSON.stringify(payload)} as plain text`, () => {
      const html = renderInline(payload);
      assert.deepEqual(activeParts(html), [], html);
      assert.match(html, /^<p>.*<\/p>\n$/s, `one paragraph, no other block: ${html}`);
      assert.equal(visibleText(html), payload, 'the reader sees exactly what the file says');
    });
  }

  it('keeps text that would start a list, a rule, a heading, a quote or a code block a plain paragraph', () => {
    for (const text of ['- item', '+ item', '1. item', '12) item', '---', '# heading', '> quote', '    code', '\tcode', '* item']) {
      const html = renderInline(text);
      assert.match(html, /^<p>[^<]*<\/p>\n$/, `${JSON.stringify(text)} → ${html}`);
      assert.equal(visibleText(html), text.trim());
    }
  });

  it('escapes only what Markdown needs: figures, comparisons and ampersands read as written in the source', () => {
    assert.equal(escapeMarkdown('99.95% uptime'), '99.95% uptime');
    assert.equal(escapeMarkdown('Reduce AR>60 days by 50%'), 'Reduce AR>60 days by 50%');
    assert.equal(escapeMarkdown('R&D spend'), 'R&D spend');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('> quoted'), '\\> quoted');
    assert.equal(escapeMarkdown('&amp; literal'), '\\&amp; literal');
  });

  it('keeps a line break from starting a new block', () => {
    const html = renderInline('Grow revenue\n# not a heading\n- not a list');
    assert.match(html, /^<p>[^<]*<\/p>\n$/, html);
  });
});

describe('the Markdown report', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'okr-md-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renders KR, objective and team text inertly and keeps the table shape', () => {
    const text = [
      'period 2026-Q2',
      'team <img src=x onerror=alert(1)>',
      'objective [x](command:workbench.action.quit)',
      '  kr Reduce | broken | cells <script>alert(1)</script> from 10% to 5% by 2026-06-30',
      '    baseline 10% on 2026-04-01',
      '    target 5% by 2026-06-30',
      '  kr [x](command:workbench.action.quit) 1. item',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, '[x](command:evil).okr'), text);
    let out = '';
    const code = runCli(['report', '--format', 'md', '--today', '2026-05-15'], { cwd: dir, stdout: (t) => (out += t), stderr: () => {}, color: false });
    assert.equal(code, 0);
    const html = markdown.render(out);
    assert.deepEqual(activeParts(html), [], html);
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, 3, 'a header row and one row per KR');
    for (const row of rows) assert.equal((row.match(/<t[hd][ >]/g) ?? []).length, 10, `ten cells: ${row}`);
    assert.match(visibleText(html), /Reduce \| broken \| cells <script>alert\(1\)<\/script> from 10% to 5%/);
  });
});

describe('nothing is executed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'okr-exec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function check(): number {
    return runCli(['check', '--today', '2026-05-15'], { cwd: dir, stdout: () => {}, stderr: () => {}, color: false });
  }

  it('.okrrc.json is read as data: no extends, plugins or prototype pollution', () => {
    const marker = path.join(dir, 'executed');
    writeFileSync(path.join(dir, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`);
    writeFileSync(path.join(dir, '.okrrc.json'), JSON.stringify({
      extends: './evil.js',
      plugins: ['./evil.js'],
      require: './evil.js',
      $schema: 'javascript:alert(1)',
      rules: {
        __proto__: { polluted: 'rules' },
        constructor: 'off',
        'kr-task': { severity: 'warning', options: { __proto__: { polluted: 'options' }, toString: 'x' } },
      },
      thresholds: { __proto__: { polluted: 'thresholds' } },
    }).replace('"rules":{', '"rules":{"__proto__":{"polluted":"raw"},'));
    writeFileSync(path.join(dir, 'a.okr'), 'objective Grow\n  kr Write the weekly report\n');
    const code = check();
    assert.ok(code === 0 || code === 1, `checked normally, exit ${code}`);
    assert.equal(existsSync(marker), false, 'evil.js never ran');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });

  it('.okr text that looks like code stays text', () => {
    const marker = path.join(dir, 'executed');
    const touch = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    writeFileSync(path.join(dir, 'a.okr'), [
      `objective $(touch ${marker}) \`touch ${marker}\``,
      `  kr \${${touch}} {{constructor.constructor('${touch}')()}}`,
      `    checkin 2026-04-01 5 "\${${touch}}"`,
      `# ${touch}`,
      '',
    ].join('\n'));
    check();
    assert.equal(existsSync(marker), false);
  });

  it('the engine, CLI and server sources use no network, no child processes and no eval', () => {
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const full = path.join(folder, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.ts')) {
          const source = readFileSync(full, 'utf8');
          const found = /from '(?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)'|\bfetch\(|\beval\(|new Function\(|\brequire\(/.exec(source);
          if (found) offenders.push(`${path.relative(process.cwd(), full)}: ${found[0]}`);
        }
      }
    };
    walk(path.join(__dirname, '../../../server/src'));
    assert.deepEqual(offenders, []);
  });
});
