// New OKR File's prompt names the folder it writes to (client/src/new-file-location.ts).
import { strict as assert } from 'node:assert';
import { folderLabel } from '../../../client/src/new-file-location';

describe('client: where New OKR File says it writes', () => {
  const one = [{ name: 'okrs', path: '/tmp/x/okrs' }];
  const two = [...one, { name: 'sales', path: '/srv/sales' }];

  it('the root of the workspace folder by its name, never the absolute path', () => {
    assert.equal(folderLabel('/tmp/x/okrs', one), 'okrs');
    assert.equal(folderLabel('/tmp/x/okrs/', one), 'okrs');
  });

  it('a folder inside by its path from the root, with the folder name when several are open', () => {
    assert.equal(folderLabel('/tmp/x/okrs/team/q3', one), 'team/q3');
    assert.equal(folderLabel('/srv/sales/emea', two), 'sales/emea');
    assert.equal(folderLabel('/srv/sales', two), 'sales');
  });

  it('a folder outside the workspace by its own name; a look-alike prefix is not inside', () => {
    assert.equal(folderLabel('/tmp/x/okrs-old', one), 'okrs-old');
    assert.equal(folderLabel('/elsewhere/plans', one), 'plans');
  });
});
