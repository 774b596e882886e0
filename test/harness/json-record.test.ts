import t from 'tap';
import { z } from 'zod';
import { parseJsonRecord } from '../../harness/json-record.js';

const Rec = z.object({ runId: z.string().regex(/^[0-9a-f]{6}$/), n: z.number().optional() }).strict();

t.test('a record parses, or fails as INVALID_CONFIG naming the file and the field', async (t) => {
  t.same(parseJsonRecord('m.json', '{"runId":"abc123"}', Rec), { runId: 'abc123' });
  t.throws(() => parseJsonRecord('m.json', '{"runId":', Rec), { code: 'INVALID_CONFIG', message: /^m\.json: not JSON \(/ });
  t.throws(() => parseJsonRecord('m.json', '{"runId":"../x"}', Rec), { code: 'INVALID_CONFIG', message: /^m\.json: runId: / });
  t.throws(() => parseJsonRecord('m.json', '[]', Rec), { code: 'INVALID_CONFIG', message: /^m\.json: \(root\): / });
  t.throws(() => parseJsonRecord('m.json', '{"runId":"abc123","n":"1","x":1}', Rec), { code: 'INVALID_CONFIG', message: /^m\.json: n: .*; \(root\): / });
});
