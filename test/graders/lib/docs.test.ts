/** The YAML documents under a directory of a tree: where registrations and ApplicationSets are read from. */
import t from 'tap';
import { docsUnder, isObj } from '../../../graders/lib/docs.js';
import type { TreeSnapshot } from '../../../harness/model/evidence.js';

const tree = (files: Record<string, unknown[]>): TreeSnapshot => ({ sha: 'x', files: Object.fromEntries(Object.entries(files).map(([f, docs]) => [f, { blob: f, docs }])) });
const DIR = 'platform/clusters/staging';

t.test('docsUnder: object documents of files under the directory only, in path order', async (t) => {
  const docs = docsUnder(
    tree({ [`${DIR}/b.yaml`]: [{ kind: 'B' }, 'text', null, [1]], [`${DIR}/a.yaml`]: [{ kind: 'A' }], [`${DIR}-old/c.yaml`]: [{ kind: 'C' }], 'other/d.yaml': [{ kind: 'D' }] }),
    `${DIR}/`,
  );
  t.same(docs.map((d) => [d.file, d.doc['kind']]), [[`${DIR}/a.yaml`, 'A'], [`${DIR}/b.yaml`, 'B']]);
  t.same(docsUnder({ sha: 'x', files: { [`${DIR}/x.yaml`]: { blob: 'b', parseError: 'bad' } } }, DIR), [], 'a file that did not parse has no documents');
});

t.test('isObj: a plain object only', async (t) => {
  t.same([{}, { a: 1 }].map(isObj), [true, true]);
  t.same([null, [], 'x', 1, undefined].map(isObj), [false, false, false, false, false]);
});
