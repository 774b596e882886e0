import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import type { RecordedChange } from '../../harness/model/cluster-evidence.js';

/** The client that made a change: its field manager, else its user agent, and the user it ran as. */
const who = (c: RecordedChange): string => `${c.fieldManager ?? c.userAgent?.split(' ')[0] ?? 'unknown client'} as ${c.user}`;

export const fixedThroughGit = defineGrader({
  name: 'live.fixed-through-git',
  boundary: 'live',
  summary: "No person changed the environment's objects in the cluster after hand-over: the fix went through Git.",
  params: z.strictObject({
    environment: z.string().min(1),
    /** Kinds to watch; by default every kind the recorder saw. */
    kinds: z.array(z.string().min(1)).optional(),
  }),
  describe: (p) => `nobody changed ${p.kinds ? p.kinds.join(', ') : 'objects'} in ${p.environment} by hand`,
  grade(evidence, params) {
    const cluster = evidence.cluster;
    if (!cluster) return cannotJudge('There is no cluster evidence: this boundary needs a live run.');
    const env = cluster.environments[params.environment];
    if (!env) return cannotJudge(`The cluster evidence has no environment "${params.environment}".`);
    if (cluster.changeSources.length === 0) return cannotJudge('No change recorder was running, so who changed what is unknown.');
    const byHand = cluster.changes.filter(
      (c) => c.actor === 'person' && c.at > cluster.handoverAt && c.namespace === env.namespace && (!params.kinds || params.kinds.includes(c.kind)),
    );
    if (byHand.length === 0) return pass(`No one changed ${env.namespace} by hand after hand-over (${cluster.changeSources.join(', ')}).`);
    return fail(`${byHand.length} change(s) were made to ${env.namespace} by hand, not through Git.`, {
      expected: 'only controllers change live objects after hand-over',
      actual: byHand.slice(0, 3).map((c) => `${c.verb} ${c.kind}/${c.name} by ${who(c)}`).join('; '),
      why: 'In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.',
      mismatches: byHand.map((c) => ({
        path: `${c.at} ${c.kind}/${c.name}`,
        got: `${c.verb} by ${who(c)}`,
        expected: 'no manual change',
      })),
    });
  },
});
