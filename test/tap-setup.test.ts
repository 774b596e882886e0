import t from 'tap';

// package.json's tap config leaves tap's TypeScript plugin out ("!@tapjs/typescript") and loads the tests through
// tsx. tap computes each test process's --import list from the plugin set it was built with, and a fresh `npm ci`
// leaves the default set (with ts-node): tap then rebuilds its plugins during the first run, but that run's test
// processes still get ts-node's import, about 1.8 s of CPU each (tsx alone: 0.6 s), ~150 files, every test green.
// `npm ci` runs `tap build` (prepare) so that does not happen; this holds it.
t.test('test processes load TypeScript through tsx alone, without ts-node', (t) => {
  const args = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/).filter(Boolean)];
  t.same(args.filter((a) => /@tapjs[/\\]typescript|ts-node/.test(a)), [], 'no ts-node loader in this test process');
  t.ok(args.includes('--import=tsx'), 'tsx is the TypeScript loader');
  t.end();
});
