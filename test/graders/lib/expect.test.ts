/** The field-value expectation shared by render.field, git.yaml-field and friends: equals, or anything but. */
import t from 'tap';
import { describeExpectation, Expectation, hasExpectation, meets, ObjectPath } from '../../../graders/lib/expect.js';
import { z } from 'zod';

t.test('an object path parameter is checked for syntax', async (t) => {
  t.ok(ObjectPath.safeParse('spec.template.spec.containers[name=payment-api].image').success);
  const bad = ObjectPath.safeParse('spec.containers[name');
  t.notOk(bad.success);
  t.equal(bad.error?.issues[0]?.message, 'is not a valid object path');
  t.notOk(ObjectPath.safeParse('').success, 'empty');
  t.notOk(ObjectPath.safeParse('...').success, 'only separators');
});

t.test('equals compares as values (key order aside); notEquals is its negation; equals wins when both are given', async (t) => {
  t.ok(meets({ a: 1, b: 2 }, { equals: { b: 2, a: 1 } }));
  t.notOk(meets('1.27.5', { equals: '1.27.6' }));
  t.notOk(meets(3, { equals: '3' }), 'a number is not its text');
  t.ok(meets('1.27.6', { notEquals: '1.27.5' }));
  t.notOk(meets('1.27.5', { notEquals: '1.27.5' }));
  t.ok(meets(undefined, { notEquals: 'x' }), 'absent is anything but x');
  t.ok(meets('a', { equals: 'a', notEquals: 'a' }));
  t.ok(meets(null, { equals: null }), 'null is a value to expect');
});

t.test('an expectation is there when either side is given, null included', async (t) => {
  t.notOk(hasExpectation({}));
  t.ok(hasExpectation({ equals: 0 }));
  t.ok(hasExpectation({ notEquals: false }));
  t.ok(hasExpectation({ equals: null }));
  const schema = z.object(Expectation).strict();
  t.same(schema.parse({ equals: 5 }), { equals: 5 });
  t.same(schema.parse({}), {});
});

t.test('described as the value, or as anything but it', async (t) => {
  t.equal(describeExpectation({ equals: 'nginx:1.27.6' }), '"nginx:1.27.6"');
  t.equal(describeExpectation({ equals: { b: 1, a: 2 } }), '{"a":2,"b":1}');
  t.equal(describeExpectation({ notEquals: 0 }), 'anything but 0');
  t.equal(describeExpectation({ notEquals: 'x' }), 'anything but "x"');
});
