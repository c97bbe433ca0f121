import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/engine/analyze';
import { fileNameProblem, newFileName, newFileTemplate, withOkrExtension } from '../../../server/src/engine/template';

describe('engine: the New OKR File template', () => {
  for (const today of ['2026-04-01', '2026-05-31', '2026-06-30', '2026-12-31', '2027-01-01', '2026-11-15']) {
    it(`raises no finding on the day it is written (${today})`, () => {
      const analysis = analyzeText(newFileTemplate(today), { asOf: today });
      assert.deepEqual(analysis.diagnostics.map((d) => `${d.rule}: ${d.message}`), []);
    });
  }

  it('offers the quarter as the file name and checks typed names', () => {
    assert.equal(newFileName('2026-11-15'), '2026-Q4.okr');
    assert.equal(withOkrExtension('plan '), 'plan.okr');
    assert.equal(withOkrExtension('Plan.OKR'), 'Plan.OKR');
    assert.match(fileNameProblem('')!, /needed/);
    assert.match(fileNameProblem('../x')!, /plain file name/);
    assert.equal(fileNameProblem('2026-Q4'), undefined);
  });
});
