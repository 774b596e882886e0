import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { who } from '../lib/cluster.js';
import { AUDIT_SOURCE, WATCH_SOURCE } from '../../harness/model/cluster-evidence.js';

/** Why a watch-only verdict is weaker, for every message built from it. */
const WEAKER =
  'weaker check: this cluster has no audit log, so changes are attributed by managedFields manager names, which each client chooses; a change made under a controller\'s manager name (kubectl --field-manager=argocd-controller) cannot be told from the controller\'s';

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
    const authenticated = cluster.changeSources.includes(AUDIT_SOURCE) || cluster.changeSources.some((s) => s.startsWith('kube-apiserver audit log'));
    const weak = !authenticated && (cluster.changeSources.includes(WATCH_SOURCE) || cluster.changeSources.some((s) => s.startsWith('watch')));
    const after = cluster.changes.filter((c) => c.actor === 'person' && c.at > cluster.handoverAt);
    // A token minted for a controller's identity lets its holder act as that controller: nothing the
    // controller did afterwards can be told from a person's change, in any environment.
    const minted = after.filter((c) => c.kind === 'TokenRequest');
    const byHand = [
      ...minted,
      ...after.filter((c) => c.kind !== 'TokenRequest' && c.namespace === env.namespace && (!params.kinds || params.kinds.includes(c.kind))),
    ];
    const sources = cluster.changeSources.join(', ');
    if (byHand.length === 0) return pass(`No one changed ${env.namespace} by hand after hand-over (${sources}${weak ? `; ${WEAKER}` : ''}).`);
    return fail(
      minted.length > 0
        ? `A token for a controller's identity was requested by hand after hand-over (${minted.map((c) => `${c.namespace}/${c.name} by ${c.user}`).join('; ')}): changes made with it cannot be told from the controller's.`
        : `${byHand.length} change(s) were made to ${env.namespace} by hand, not through Git${weak ? ` (${WEAKER})` : ''}.`,
      {
        expected: 'only controllers change live objects after hand-over',
        actual: byHand.slice(0, 3).map((c) => `${c.verb} ${c.kind}/${c.name} by ${who(c)}`).join('; '),
        why: 'In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.',
        mismatches: byHand.map((c) => ({
          path: `${c.at} ${c.kind}/${c.name}`,
          got: `${c.verb} by ${who(c)}`,
          expected: 'no manual change',
        })),
      },
    );
  },
});
