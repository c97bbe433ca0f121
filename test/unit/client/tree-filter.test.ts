// The OKR Progress view's words about its status filter (client/src/tree-filter.ts), in either mode.
import { strict as assert } from 'node:assert';
import { FILTER_STATUSES, REPORTED_STATUSES, STATUS_ICONS, statusPickLabel, statusWords } from '../../../client/src/status-words';
import { filterDescription, filterMessage } from '../../../client/src/tree-filter';

describe('client: the tree filter as the view says it', () => {
  it('no filter: no description and no message, whatever is shown', () => {
    assert.deepEqual([filterDescription([]), filterMessage([], false), filterMessage([], true)], [undefined, undefined, undefined]);
  });

  it('a filter: the statuses beside the title and in the message (the only place a lone view shows), and that totals still count everything', () => {
    assert.equal(filterDescription(['off-track', 'at-risk']), 'filtered: off track, at risk');
    assert.equal(filterMessage(['off-track', 'at-risk'], false), 'Showing key results off track or at risk. Totals still count every key result.');
    assert.equal(filterMessage(['achieved', 'on-track', 'no-data'], false), 'Showing key results achieved, on track or with no data. Totals still count every key result.');
    assert.equal(filterMessage(['no-data'], false), 'Showing key results with no data. Totals still count every key result.');
  });

  it('a filter that leaves nothing says so instead of an empty view', () => {
    assert.equal(filterMessage(['achieved', 'no-data'], true), 'Nothing matches the filter (achieved, no data). Clear the filter to see every key result.');
  });

  it('the status picks use the tree\'s words and icons, and send the protocol tokens', () => {
    assert.deepEqual(FILTER_STATUSES.map(statusPickLabel),
      ['$(error) off track', '$(warning) at risk', '$(circle-filled) on track', '$(pass-filled) achieved', '$(circle-outline) no data']);
    assert.deepEqual(REPORTED_STATUSES.map((r) => statusPickLabel(r.status)), ['$(circle-filled) on track', '$(warning) at risk', '$(error) off track']);
    for (const s of FILTER_STATUSES) assert.ok(statusPickLabel(s).endsWith(statusWords(s)) && statusPickLabel(s).includes(STATUS_ICONS[s].icon));
  });
});
