/** The lenient pieces the controller status models share: absent, wrong-typed and unknown fields. */
import t from 'tap';
import { z } from 'zod';
import { Condition, conditionOf, field, list, Metadata, presence, section, strings } from '../../../harness/model/kube-status.js';

t.test('field: the value when it has the type, else undefined', async (t) => {
  const s = field(z.string());
  t.equal(s.parse('x'), 'x');
  for (const odd of [undefined, null, 5, {}, ['x']]) t.equal(s.parse(odd), undefined, JSON.stringify(odd) ?? 'undefined');
});

t.test('section: {} (with its own sections) when absent or not an object; unknown fields kept', async (t) => {
  const s = section({ a: field(z.string()), inner: section({ b: field(z.number()) }) });
  for (const odd of [undefined, null, 'x', 5, [1]]) t.same(s.parse(odd), { inner: {} }, JSON.stringify(odd) ?? 'undefined');
  t.same(s.parse({ a: 'x', inner: { b: 1, c: true }, other: [1] }), { a: 'x', inner: { b: 1, c: true }, other: [1] });
  t.same(s.parse({ a: 7, inner: 'no' }), { inner: {} }, 'wrong types read as absent');
});

t.test('presence: undefined unless an object', async (t) => {
  const s = presence({ prune: field(z.boolean()) });
  t.equal(s.parse(null), undefined);
  t.equal(s.parse(true), undefined);
  t.same(s.parse({}), {});
  t.same(s.parse({ prune: 'yes', x: 1 }), { x: 1 });
});

t.test('list: [] unless an array; items that do not fit are left out, the rest kept in order', async (t) => {
  const s = list(Condition);
  t.same(s.parse(undefined), []);
  t.same(s.parse('Ready'), []);
  t.same(s.parse({ type: 'Ready' }), []);
  const parsed = s.parse([{ type: 'Ready', status: 'True', extra: 1 }, 7, null, { status: 'False' }, { type: 5 }, { type: 'Healthy', message: 3, observedGeneration: 'one' }]);
  t.same(parsed, [{ type: 'Ready', status: 'True', extra: 1 }, { type: 'Healthy' }]);
  t.equal(parsed[1]!.message, undefined);
  t.equal(parsed[1]!.observedGeneration, undefined);
});

t.test('strings and Metadata: annotations whose value is not a string are left out', async (t) => {
  t.same(strings().parse({ a: 'b', c: 3, d: null }), { a: 'b' });
  t.same(strings().parse(['a']), {});
  t.same(Metadata.parse({ name: 'x', namespace: 7, annotations: 'no', labels: { k: 'v' } }), { name: 'x', annotations: {}, labels: { k: 'v' } });
});

t.test('Condition: every metav1.Condition field read; conditionOf finds the first of a type', async (t) => {
  const c = { type: 'Ready', status: 'False', reason: 'BuildFailed', message: 'kustomize build failed', lastTransitionTime: '2026-11-26T22:16:20Z', observedGeneration: 2 };
  t.same(Condition.parse(c), c);
  const list = [{ type: 'Reconciling' }, { type: 'Ready', status: 'True' }, { type: 'Ready', status: 'False' }];
  t.same(conditionOf(list, 'Ready'), { type: 'Ready', status: 'True' });
  t.equal(conditionOf(list, 'Stalled'), undefined);
});
