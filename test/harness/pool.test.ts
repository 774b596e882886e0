/** mapBounded: at most `limit` jobs at once, outcomes in item order, a failing job is its own outcome. */
import t from 'tap';
import { mapBounded } from '../../harness/pool.js';

t.test('never more than the limit at once, every item once, outcomes in order', async (t) => {
  let running = 0;
  let most = 0;
  const seen: number[] = [];
  const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (ms, i) => {
    running++;
    most = Math.max(most, running);
    seen.push(i);
    await new Promise((r) => setTimeout(r, ms * 5));
    running--;
    return ms * 10;
  });
  t.equal(most, 2);
  t.same(seen.sort(), [0, 1, 2, 3, 4, 5]);
  t.same(out, [50, 10, 40, 20, 30, 0].map((value) => ({ ok: true, value })));
});

t.test('a failure does not stop the others', async (t) => {
  const done: string[] = [];
  const out = await mapBounded(['a', 'bad', 'c', 'd'], 1, async (x) => {
    if (x === 'bad') throw new Error('no');
    done.push(x);
    return x;
  });
  t.same(done, ['a', 'c', 'd']);
  t.match(out, [{ ok: true, value: 'a' }, { ok: false, error: { message: 'no' } }, { ok: true, value: 'c' }, { ok: true, value: 'd' }]);
});

t.test('limits larger than the work, empty work, and bad limits', async (t) => {
  t.same(await mapBounded([1], 8, async (x) => x), [{ ok: true, value: 1 }]);
  t.same(await mapBounded([], 2, async (x) => x), []);
  await t.rejects(mapBounded([1], 0, async (x) => x), RangeError);
  await t.rejects(mapBounded([1], 1.5, async (x) => x), RangeError);
});
