import t from 'tap';
import { unchanged } from '../../../graders/git/unchanged.js';
import { fixture } from '../../helpers/fixtures.js';

const ctx = { controller: 'flux' as const };
const params = unchanged.params.parse({ paths: ['apps/payment-api/base/**'] });

t.test('an overlay-only promotion leaves the base untouched', async (t) => {
  t.equal(unchanged.grade(fixture('promote-staging-image', 'flux', 'solution'), params, ctx).status, 'pass');
});

t.test('a promotion in the base is caught, naming the file', async (t) => {
  const r = unchanged.grade(fixture('promote-staging-image', 'flux', 'wrong-promote-in-base'), params, ctx);
  t.equal(r.status, 'fail');
  t.match(r.actual, 'modified apps/payment-api/base/deployment.yaml');
});
