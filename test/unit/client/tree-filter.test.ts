// The OKR Progress view's words about its status filter (client/src/tree-filter.ts), in either mode.
import { strict as assert } from 'node:assert';
import { filterDescription, filterMessage } from '../../../client/src/tree-filter';

describe('client: the tree filter as the view says it', () => {
  it('no filter: no description and no message, whatever is shown', () => {
    assert.deepEqual([filterDescription([]), filterMessage([], false), filterMessage([], true)], [undefined, undefined, undefined]);
  });

  it('a filter: the statuses beside the title, and that totals still count everything', () => {
    assert.equal(filterDescription(['off-track', 'at-risk']), 'filtered: off track, at risk');
    assert.equal(filterMessage(['off-track', 'at-risk'], false), 'Filtered by status: totals still count every key result.');
  });

  it('a filter that leaves nothing says so instead of an empty view', () => {
    assert.equal(filterMessage(['achieved', 'no-data'], true), 'Nothing matches the filter (achieved, no data). Clear the filter to see every key result.');
  });
});
