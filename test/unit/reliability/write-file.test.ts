import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText, encodeLike, writeTextFileAtomic, WriteRefused } from '../../../server/src/node/write-file';

describe('atomic file writing', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'okr-write-'));
    outside = mkdtempSync(join(tmpdir(), 'okr-outside-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const bytes = (file: string) => readFileSync(file);

  it('replaces the file through a new file and a rename, leaving no temporary file', () => {
    const file = join(root, 'q2.okr');
    writeFileSync(file, 'objective Grow\n');
    const before = statSync(file).ino;
    const result = writeTextFileAtomic(file, 'objective Grow\n  why Because\n', { root });
    assert.equal(result.changed, true);
    assert.equal(bytes(file).toString(), 'objective Grow\n  why Because\n');
    assert.notEqual(statSync(file).ino, before, 'a new inode means the old file was replaced by rename, not rewritten in place');
    assert.deepEqual(readdirSync(root), ['q2.okr']);
  });

  it('keeps a UTF-8 BOM and does not double one the text already has', () => {
    const file = join(root, 'bom.okr');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kr A\n')]));
    writeTextFileAtomic(file, 'kr B\n', { root });
    assert.deepEqual([...bytes(file)], [0xef, 0xbb, 0xbf, ...Buffer.from('kr B\n')]);
    writeTextFileAtomic(file, '\ufeffkr C\n', { root });
    assert.deepEqual([...bytes(file)], [0xef, 0xbb, 0xbf, ...Buffer.from('kr C\n')]);
  });

  it('keeps UTF-16 little- and big-endian files in their encoding', () => {
    for (const [name, header, encode] of [
      ['le.okr', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
      ['be.okr', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ] as const) {
      const file = join(root, name);
      writeFileSync(file, Buffer.concat([Buffer.from(header), encode('kr Zürich 🚀\n')]));
      assert.equal(decodeText(bytes(file)).text, 'kr Zürich 🚀\n');
      writeTextFileAtomic(file, 'kr Zürich 🚀 done\n', { root });
      assert.deepEqual(bytes(file), Buffer.concat([Buffer.from(header), encode('kr Zürich 🚀 done\n')]), name);
    }
  });

  it('gives inserted lines the CRLF breaks of a CRLF file', () => {
    const file = join(root, 'crlf.okr');
    writeFileSync(file, 'objective A\r\n  kr B\r\n');
    writeTextFileAtomic(file, 'objective A\r\n  kr B\n    baseline 5\r\n', { root });
    assert.equal(bytes(file).toString(), 'objective A\r\n  kr B\r\n    baseline 5\r\n');
  });

  it('leaves the breaks of a file with mixed breaks exactly as the text has them', () => {
    const file = join(root, 'mixed.okr');
    writeFileSync(file, 'objective A\r\n  kr B\n  kr C\r');
    writeTextFileAtomic(file, 'objective A\r\n  kr B\n    task x\n  kr C\r', { root });
    assert.equal(bytes(file).toString(), 'objective A\r\n  kr B\n    task x\n  kr C\r');
  });

  it('keeps the file mode', () => {
    const file = join(root, 'mode.okr');
    writeFileSync(file, 'kr A\n');
    chmodSync(file, 0o640);
    writeTextFileAtomic(file, 'kr B\n', { root });
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it('refuses when the file is saved by someone else while the new text is written, keeping their edit (15.11)', () => {
    const file = join(root, 'race.okr');
    writeFileSync(file, 'kr A\n');
    assert.throws(
      () => writeTextFileAtomic(file, 'kr B\n', { root, expectedText: 'kr A\n', beforeRename: () => writeFileSync(file, 'kr A edited\n') }),
      (e: unknown) => e instanceof WriteRefused && /changed on disk while it was being written/.test(e.message),
    );
    assert.equal(bytes(file).toString(), 'kr A edited\n');
    assert.deepEqual(readdirSync(root), ['race.okr']);
  });

  it('does not touch a file whose text does not change', () => {
    const file = join(root, 'same.okr');
    writeFileSync(file, 'kr A\r\n');
    const before = statSync(file).ino;
    assert.equal(writeTextFileAtomic(file, 'kr A\n', { root }).changed, false);
    assert.equal(statSync(file).ino, before);
  });

  it('refuses a file that changed on disk since it was read', () => {
    const file = join(root, 'raced.okr');
    writeFileSync(file, 'kr A\n');
    const read = bytes(file);
    writeFileSync(file, 'kr A edited elsewhere\n');
    assert.throws(() => writeTextFileAtomic(file, 'kr B\n', { root, expected: read }), WriteRefused);
    assert.equal(bytes(file).toString(), 'kr A edited elsewhere\n');
  });

  it('writes through a symbolic link that stays inside the folder, and keeps the link', () => {
    mkdirSync(join(root, 'real'));
    const target = join(root, 'real', 'team.okr');
    writeFileSync(target, 'kr A\n');
    const link = join(root, 'link.okr');
    symlinkSync(target, link);
    const result = writeTextFileAtomic(link, 'kr B\n', { root });
    assert.equal(result.path, target);
    assert.equal(bytes(target).toString(), 'kr B\n');
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(link, 'utf8'), 'kr B\n');
  });

  it('refuses a symbolic link that leads out of the folder, and leaves its target alone', () => {
    const target = join(outside, 'secret.okr');
    writeFileSync(target, 'kr untouchable\n');
    const link = join(root, 'escape.okr');
    symlinkSync(target, link);
    assert.throws(() => writeTextFileAtomic(link, 'kr pwned\n', { root }), (e: Error) => e instanceof WriteRefused && /symbolic link to .*outside/.test(e.message));
    assert.equal(readFileSync(target, 'utf8'), 'kr untouchable\n');
    assert.deepEqual(readdirSync(outside), ['secret.okr']);
  });

  it('refuses a file reached through a linked folder that leaves the folder', () => {
    writeFileSync(join(outside, 'a.okr'), 'kr A\n');
    symlinkSync(outside, join(root, 'sub'));
    assert.throws(() => writeTextFileAtomic(join(root, 'sub', 'a.okr'), 'kr B\n', { root }), WriteRefused);
    assert.equal(readFileSync(join(outside, 'a.okr'), 'utf8'), 'kr A\n');
  });

  it('refuses links to nowhere, missing files and folders, creating nothing', () => {
    symlinkSync(join(root, 'gone.okr'), join(root, 'dangling.okr'));
    mkdirSync(join(root, 'folder.okr'));
    for (const name of ['dangling.okr', 'missing.okr', 'folder.okr']) {
      assert.throws(() => writeTextFileAtomic(join(root, name), 'kr B\n', { root }), WriteRefused, name);
    }
    assert.deepEqual(readdirSync(root).sort(), ['dangling.okr', 'folder.okr']);
  });

  it('encodes like the original even when asked directly', () => {
    assert.deepEqual(encodeLike('a\nb', decodeText(Buffer.from('x\ry\r'))), Buffer.from('a\rb'));
    assert.deepEqual(encodeLike('a\nb', decodeText(Buffer.from('x\ny'))), Buffer.from('a\nb'));
  });
});
