import { analyzeText } from '../../server/src/engine/analyze';
import { clearParseCache } from '../../server/src/engine/parser';
import { readFileSync } from 'node:fs';
const base = readFileSync('samples/product-q2.okr', 'utf8');
analyzeText(base.repeat(30), { asOf: '2026-05-15' });
for (const kb of [256, 512, 1024, 2048, 10240]) {
  let i = 0;
  const doc = base.repeat(Math.ceil((kb * 1024) / base.length)).replace(/Reduce|Increase/g, (m) => `${m} ${i++}`);
  clearParseCache();
  let s = performance.now(); const a = analyzeText(doc, { asOf: '2026-05-15', maxDocumentSize: 1e12 }); const t = performance.now() - s;
  s = performance.now(); const d = analyzeText(doc, { asOf: '2026-05-15' }); const td = performance.now() - s;
  console.log(kb, 'KB', doc.split('\n').length, 'lines analyse', t.toFixed(0), 'ms', a.diagnostics.length, 'diags; default-limit path', td.toFixed(0), 'ms', d.diagnostics[0]?.rule);
}
