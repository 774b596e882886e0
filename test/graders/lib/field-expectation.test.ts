/** The expectations of a field check: equals, notEquals, exists, oneOf; exactly one of them. */
import t from 'tap';
import { describeFieldCheck, describeFieldExpectation, hasOneExpectation, meetsField } from '../../../graders/lib/field-expectation.js';

t.test('each expectation, met and not met', async (t) => {
  t.ok(meetsField(2, { equals: 2 }));
  t.notOk(meetsField(3, { equals: 2 }));
  t.ok(meetsField({ a: 1, b: 2 }, { equals: { b: 2, a: 1 } }), 'objects compare by content');
  t.ok(meetsField(3, { notEquals: 2 }));
  t.notOk(meetsField(2, { notEquals: 2 }));
  t.ok(meetsField(undefined, { notEquals: 2 }), 'absent is not 2');
  t.ok(meetsField(null, { exists: true }), 'a null value is there');
  t.ok(meetsField(0, { exists: true }));
  t.notOk(meetsField(undefined, { exists: true }));
  t.ok(meetsField(undefined, { exists: false }));
  t.notOk(meetsField('', { exists: false }));
  t.ok(meetsField('b', { oneOf: ['a', 'b'] }));
  t.notOk(meetsField('c', { oneOf: ['a', 'b'] }));
  t.notOk(meetsField(undefined, { oneOf: ['a'] }));
  t.ok(meetsField([1], { oneOf: [[1], [2]] }));
  t.notOk(meetsField('1', { oneOf: [1] }), 'types count');
});

t.test('exactly one expectation; how each is described', async (t) => {
  t.ok(hasOneExpectation({ equals: null }), 'null is an expected value');
  t.ok(hasOneExpectation({ exists: false }));
  t.ok(hasOneExpectation({ oneOf: [1] }));
  t.ok(hasOneExpectation({ notEquals: 0 }));
  t.notOk(hasOneExpectation({}));
  t.notOk(hasOneExpectation({ equals: 1, notEquals: 2 }));
  t.notOk(hasOneExpectation({ exists: true, oneOf: [1] }));
  t.same(
    [{ equals: 2 }, { notEquals: 0 }, { exists: true }, { exists: false }, { oneOf: ['a', 2] }].map((p) => [describeFieldExpectation(p), describeFieldCheck(p)]),
    [
      ['2', '= 2'],
      ['anything but 0', '!= 0'],
      ['present', 'exists'],
      ['absent', 'is absent'],
      ['one of "a", 2', 'in "a", 2'],
    ],
  );
});
