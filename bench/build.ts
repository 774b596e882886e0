/**
 * Build benchmark for the local provider, per group:
 *   relink  = forced rebuild with a warm GOCACHE (the baseline, measured in this run)
 *   warm    = `setup local` on a warm machine (stamp check only)
 *   cold    = forced rebuild with an empty GOCACHE (modules already downloaded), only with --cold
 * Prints each as seconds and as a ratio to the baseline. --cold-groups limits the cold rebuild to some groups.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/build.ts [--cold] [--groups kube,etcd]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGroup } from '../harness/providers/local/build.js';
import { GROUPS, type GroupName } from '../harness/providers/local/components.js';

const argv = process.argv.slice(2);
const cold = argv.includes('--cold');
const ci = argv.indexOf('--cold-groups');
const coldGroups = ci >= 0 ? argv[ci + 1]!.split(',') : undefined;
const gi = argv.indexOf('--groups');
const groups = (gi >= 0 ? argv[gi + 1]!.split(',') : [...GROUPS]) as GroupName[];

interface Row {
  group: string;
  relink: number;
  warm: number;
  cold?: number;
}
const rows: Row[] = [];
for (const group of groups) {
  // Make sure a build exists so `warm` measures the stamp path.
  await buildGroup(group);
  const r = await buildGroup(group, { force: true });
  const w = await buildGroup(group);
  if (w.status !== 'cached') throw new Error(`${group}: expected a cache hit after a build`);
  const row: Row = { group, relink: r.seconds, warm: w.seconds };
  if (cold && (!coldGroups || coldGroups.includes(group))) {
    const gocache = mkdtempSync(join(tmpdir(), 'gitops-lab-cold-gocache-'));
    try {
      const c = await buildGroup(group, { force: true, env: { ...process.env, GITOPS_LAB_GOCACHE: gocache } });
      row.cold = c.seconds;
    } finally {
      rmSync(gocache, { recursive: true, force: true });
    }
  }
  rows.push(row);
  process.stderr.write(`${group}: relink ${row.relink.toFixed(1)}s warm ${(row.warm * 1000).toFixed(0)}ms${row.cold !== undefined ? ` cold ${row.cold.toFixed(1)}s` : ''}\n`);
}

const fmt = (s: number): string => (s < 1 ? `${(s * 1000).toFixed(0)}ms` : `${s.toFixed(1)}s`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(a / b < 0.01 ? 5 : 2)}x`;
console.log('baseline = relink (forced rebuild, warm GOCACHE), measured in this run');
console.log(['group'.padEnd(10), 'relink'.padStart(9), 'warm'.padStart(9), 'warm/base'.padStart(11), ...(cold ? ['cold'.padStart(9), 'cold/base'.padStart(11)] : [])].join(' '));
for (const r of rows) {
  console.log(
    [r.group.padEnd(10), fmt(r.relink).padStart(9), fmt(r.warm).padStart(9), ratio(r.warm, r.relink).padStart(11), ...(r.cold !== undefined ? [fmt(r.cold).padStart(9), ratio(r.cold, r.relink).padStart(11)] : [])].join(' '),
  );
}
const total = (k: 'relink' | 'warm' | 'cold'): number => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
console.log(['total'.padEnd(10), fmt(total('relink')).padStart(9), fmt(total('warm')).padStart(9), ratio(total('warm'), total('relink')).padStart(11), ...(cold ? [fmt(total('cold')).padStart(9), ratio(total('cold'), total('relink')).padStart(11)] : [])].join(' '));
