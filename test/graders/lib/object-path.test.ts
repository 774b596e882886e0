import t from 'tap';
import { deepEqual, getPath, parsePath, PathSyntaxError, resolvePath, show, sortKeys } from '../../../graders/lib/object-path.js';

const deployment = {
  metadata: { labels: { 'app.kubernetes.io/name': 'payment-api' } },
  spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'envoy' }, { name: 'payment-api', image: 'nginx:1.27.5' }] } } },
};

t.test('reads keys, indexes, quoted keys and field=value matches', async (t) => {
  t.equal(getPath(deployment, 'spec.template.spec.containers[1].image'), 'nginx:1.27.5');
  t.equal(getPath(deployment, 'spec.template.spec.containers[name=payment-api].image'), 'nginx:1.27.5');
  t.equal(getPath(deployment, 'metadata.labels["app.kubernetes.io/name"]'), 'payment-api');
  t.equal(getPath(deployment, 'spec.template.spec.containers[name=missing].image'), undefined);
  t.equal(getPath(deployment, 'spec.replicas'), undefined);
});

t.test('resolves to concrete keys for writing', async (t) => {
  t.same(resolvePath(deployment, 'spec.template.spec.containers[name=payment-api].image'), ['spec', 'template', 'spec', 'containers', 1, 'image']);
});

t.test('rejects malformed paths with the path in the message', async (t) => {
  t.throws(() => parsePath('spec.containers[name'), { name: 'PathSyntaxError', message: /never closed/ });
  t.throws(() => parsePath('spec.containers[=x]'), /neither an index/);
  t.throws(() => parsePath(''), /empty path/);
});

// Cases the mutation run showed missing (Stryker on graders/lib/object-path.ts).

t.test('parses every segment form into exactly its segments', async (t) => {
  t.same(parsePath('spec.replicas'), [{ type: 'key', key: 'spec' }, { type: 'key', key: 'replicas' }]);
  t.same(parsePath('.spec..replicas.'), [{ type: 'key', key: 'spec' }, { type: 'key', key: 'replicas' }], 'stray dots are separators');
  t.same(parsePath('images[0].newTag'), [{ type: 'key', key: 'images' }, { type: 'index', index: 0 }, { type: 'key', key: 'newTag' }]);
  t.same(parsePath('a[12]'), [{ type: 'key', key: 'a' }, { type: 'index', index: 12 }]);
  t.same(parsePath('labels["app.kubernetes.io/name"]'), [{ type: 'key', key: 'labels' }, { type: 'key', key: 'app.kubernetes.io/name' }]);
  t.same(parsePath("labels['team']"), [{ type: 'key', key: 'labels' }, { type: 'key', key: 'team' }]);
  t.same(parsePath('labels["a]b"]'), [{ type: 'key', key: 'labels' }, { type: 'key', key: 'a]b' }], 'a ] inside quotes does not close');
  t.same(parsePath("labels['a]b']"), [{ type: 'key', key: 'labels' }, { type: 'key', key: 'a]b' }]);
  t.same(parsePath('containers[ name = payment-api ]'), [{ type: 'key', key: 'containers' }, { type: 'match', field: 'name', value: 'payment-api' }], 'spaces around field and value');
  t.same(parsePath('containers[name="payment-api"]'), [{ type: 'key', key: 'containers' }, { type: 'match', field: 'name', value: 'payment-api' }]);
  t.same(parsePath("containers[name='a=b']"), [{ type: 'key', key: 'containers' }, { type: 'match', field: 'name', value: 'a=b' }], 'the first = splits');
  t.same(parsePath('[0]'), [{ type: 'index', index: 0 }]);
});

t.test('malformed paths: each error quotes the path and says what is wrong', async (t) => {
  t.throws(() => parsePath('spec.containers[name'), new PathSyntaxError('"spec.containers[name": "[" at 15 is never closed'));
  t.throws(() => parsePath('a["x]'), new PathSyntaxError('"a["x]": "[" at 1 is never closed'), 'a quote left open swallows the ]');
  t.throws(() => parsePath('c[name="x\']'), /never closed/, 'mismatched quotes');
  t.throws(() => parsePath('spec.containers[=x]'), new PathSyntaxError('"spec.containers[=x]": "[=x]" is neither an index, a quoted key nor field=value'));
  t.throws(() => parsePath('a[-1]'), new PathSyntaxError('"a[-1]": "[-1]" is neither an index, a quoted key nor field=value'));
  t.throws(() => parsePath('a[]'), /"\[\]" is neither an index/);
  t.throws(() => parsePath(''), new PathSyntaxError('"": empty path'));
  t.throws(() => parsePath('...'), new PathSyntaxError('"...": empty path'));
  t.equal(new PathSyntaxError('x').name, 'PathSyntaxError');
});

t.test('resolving: only what exists, by kind of container', async (t) => {
  const doc = { a: { b: undefined, list: [{ name: 'x', port: 8080 }, null, { name: 'y' }], n: null }, arr: [1, 2] };
  t.same(resolvePath(doc, 'a.b'), ['a', 'b'], 'a key present with no value resolves');
  t.equal(resolvePath(doc, 'a.c'), undefined);
  t.equal(resolvePath(doc, 'a.n.x'), undefined, 'a key under null');
  t.equal(resolvePath(doc, 'arr.length'), undefined, 'a key on an array');
  t.equal(resolvePath(doc, 'a[0]'), undefined, 'an index on an object');
  t.same(resolvePath(doc, 'arr[1]'), ['arr', 1]);
  t.equal(resolvePath(doc, 'arr[2]'), undefined, 'past the end');
  t.equal(resolvePath(doc, 'a[name=x]'), undefined, 'a match on an object');
  t.same(resolvePath(doc, 'a.list[name=y]'), ['a', 'list', 2], 'null elements are skipped');
  t.same(resolvePath(doc, 'a.list[port=8080]'), ['a', 'list', 0], 'numbers match their text');
  t.equal(resolvePath(doc, 'a.list[port=80]'), undefined);
  t.same(resolvePath(doc, parsePath('a.list[1]')), ['a', 'list', 1], 'parsed segments are accepted');
  t.equal(getPath(doc, 'a.list[1]'), null);
  t.equal(getPath(doc, 'a.list[name=x].port'), 8080);
  t.equal(getPath(doc, 'a.list[name=z].port'), undefined);
  t.equal(getPath([{ k: 1 }], '[0].k'), 1);
});

t.test('show, sortKeys and deepEqual: stable text, key order never matters, array order does', async (t) => {
  t.equal(show(undefined), '<absent>');
  t.equal(show('1.27.5'), '"1.27.5"');
  t.equal(show(3), '3');
  t.equal(show(null), 'null');
  t.equal(show({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}');
  t.same(Object.keys(sortKeys({ b: 1, a: 2 }) as object), ['a', 'b']);
  t.same(sortKeys([{ b: 1, a: 2 }, 3]), [{ a: 2, b: 1 }, 3]);
  t.ok(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }));
  t.notOk(deepEqual([1, 2], [2, 1]));
  t.notOk(deepEqual({ a: 1 }, { a: '1' }));
  t.ok(deepEqual(undefined, undefined));
});
