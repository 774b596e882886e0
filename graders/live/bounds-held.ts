import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { who } from '../lib/cluster.js';
import { AUDIT_SOURCE, WATCH_SOURCE, type ClusterEvidence, type RecordedChange } from '../../harness/model/cluster-evidence.js';
import type { Mismatch } from '../../harness/model/result.js';

/**
 * Constraints over time: a grade taken at the end sees only the end, so a bound the task states for the whole
 * time ("staging never below 5 replicas", "prod must not change", "the Service never without endpoints for
 * long") is judged on the change record since hand-over: every write after it, by anyone, controllers
 * included (a controller scaling staging back to 3 breaks the bound as surely as a person does).
 */

const WEAKER =
  'weaker check: this cluster has no audit log, so the record comes from a watch, which sees each version but names its writer only by the managedFields manager name the client chose';

const MinReplicas = z.strictObject({
  kind: z.enum(['Deployment', 'Rollout', 'StatefulSet']),
  name: z.string().min(1),
  min: z.number().int().nonnegative(),
});

const Endpoints = z.strictObject({
  /** The Service's name. */
  service: z.string().min(1),
  /** The longest stretch it may have no ready endpoint, in seconds (a rollout's worth). */
  maxSecondsWithout: z.number().nonnegative(),
});

const Params = z
  .strictObject({
    environment: z.string().min(1),
    /** The object never had fewer replicas than `min` after hand-over (every write, and the live object at grading). */
    minReplicas: MinReplicas.optional(),
    /** Nobody, person or controller, changed anything in the environment's namespace after hand-over. */
    untouched: z.literal(true).optional(),
    /** The Service never went without a ready endpoint for longer than `maxSecondsWithout`. */
    endpoints: Endpoints.optional(),
  })
  .refine((p) => p.minReplicas !== undefined || p.untouched !== undefined || p.endpoints !== undefined, {
    message: 'name at least one bound: minReplicas, untouched or endpoints',
  });
type Params = z.infer<typeof Params>;

interface Broken {
  readonly messages: string[];
  readonly mismatches: Mismatch[];
}

const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

function minReplicasBound(cluster: ClusterEvidence, namespace: string, objects: Record<string, unknown[]>, b: z.infer<typeof MinReplicas>, after: readonly RecordedChange[], out: Broken): string | { cannot: string } {
  const id = `${b.kind}/${b.name}`;
  // A deletecollection of the kind (`kubectl delete deployment --all`) names no object: it may have taken this one.
  const writes = after.filter((c) => c.kind === b.kind && (c.name === b.name || c.verb === 'deletecollection') && !c.verb.endsWith(' status'));
  const unknown = writes.filter((c) => c.replicas === undefined && !c.verb.startsWith('delete'));
  if (unknown.length > 0) {
    return { cannot: `The change record does not carry replica counts for ${unknown.length} write(s) to ${id} (evidence recorded before they were kept, e.g. ${unknown[0]!.verb} at ${unknown[0]!.at}), so whether it stayed at ${b.min} or more is unknown.` };
  }
  const low = writes.filter((c) => c.verb.startsWith('delete') || (c.replicas !== undefined && c.replicas < b.min));
  for (const c of low) {
    const what = c.verb.startsWith('delete') ? 'deleted it' : `set ${c.replicas} replica(s)`;
    out.messages.push(`${c.at}: ${who(c)} ${what} (${c.verb})`);
    out.mismatches.push({ path: `${c.at} ${id} spec.replicas`, got: c.verb.startsWith('delete') ? `deleted by ${who(c)}` : `${c.replicas} (${c.verb} by ${who(c)})`, expected: `at least ${b.min}` });
  }
  // The end counts too: the live object when the evidence was collected (where its kind is collected).
  const live = objects[b.kind];
  if (Array.isArray(live)) {
    const obj = live.find((o) => ((o as { metadata?: { name?: unknown } }).metadata?.name ?? '') === b.name) as { spec?: { replicas?: unknown } } | undefined;
    const r = obj?.spec?.replicas;
    if (!obj) {
      out.messages.push(`${cluster.collectedAt}: ${id} is not in ${namespace}`);
      out.mismatches.push({ path: `${cluster.collectedAt} ${id}`, got: 'absent', expected: `at least ${b.min} replicas` });
    } else if (typeof r === 'number' && r < b.min) {
      out.messages.push(`${cluster.collectedAt}: ${id} has ${r} replica(s) at grading`);
      out.mismatches.push({ path: `${cluster.collectedAt} ${id} spec.replicas`, got: String(r), expected: `at least ${b.min}` });
    }
  }
  const values = writes.filter((c) => c.replicas !== undefined).map((c) => c.replicas!);
  return `${id} stayed at ${b.min} or more replicas (${writes.length} write(s) after hand-over${values.length > 0 ? `, replicas ${[...new Set(values)].join(', ')}` : ''})`;
}

function untouchedBound(namespace: string, after: readonly RecordedChange[], out: Broken): string {
  const writes = after.filter((c) => c.kind !== 'TokenRequest' && !c.noop);
  for (const c of writes) {
    out.messages.push(`${c.at}: ${c.verb} ${c.kind}/${c.name} by ${who(c)} (${c.actor})`);
    out.mismatches.push({ path: `${c.at} ${c.kind}/${c.name}`, got: `${c.verb} by ${who(c)} (${c.actor})`, expected: 'no change' });
  }
  const noops = after.filter((c) => c.noop).length;
  return `nothing in ${namespace} changed after hand-over${noops > 0 ? ` (${noops} write(s) that changed nothing, such as a controller's periodic apply)` : ''}`;
}

/**
 * The stretches a Service had no ready endpoint: its EndpointSlices' ready endpoints summed after each write.
 * A slice not written since hand-over holds what the live evidence shows; a slice first written after it held,
 * before that write, what cannot be known from the record: it is given the benefit of the doubt (ready).
 */
function endpointsBound(cluster: ClusterEvidence, objects: Record<string, unknown[]>, b: z.infer<typeof Endpoints>, after: readonly RecordedChange[], out: Broken): string | { cannot: string } {
  const sliceWrites = after.filter((c) => c.kind === 'EndpointSlice');
  const serviceOf = new Map<string, string>();
  for (const c of sliceWrites) if (c.service) serviceOf.set(c.name, c.service);
  const liveSlices = (Array.isArray(objects['EndpointSlice']) ? objects['EndpointSlice'] : []) as { metadata?: { name?: string; labels?: Record<string, unknown> }; endpoints?: { conditions?: { ready?: unknown } }[] | null }[];
  const ready = new Map<string, number>();
  for (const s of liveSlices) {
    const name = s.metadata?.name ?? '';
    if (s.metadata?.labels?.['kubernetes.io/service-name'] !== b.service) continue;
    serviceOf.set(name, b.service);
    // Its state at hand-over, if nothing wrote it since; otherwise overwritten below before any write counts.
    if (!sliceWrites.some((c) => c.name === name)) ready.set(name, (Array.isArray(s.endpoints) ? s.endpoints : []).filter((e) => e?.conditions?.ready !== false).length);
  }
  const writes = sliceWrites.filter((c) => serviceOf.get(c.name) === b.service && !c.noop);
  const unknown = writes.filter((c) => c.readyEndpoints === undefined && !c.verb.startsWith('delete'));
  if (unknown.length > 0) return { cannot: `The change record does not carry ready endpoints for ${unknown.length} EndpointSlice write(s) of Service ${b.service} (evidence recorded before they were kept), so how long it had none is unknown.` };
  const sorted = [...writes].sort((a, b2) => a.at.localeCompare(b2.at));
  const total = (): number => [...ready.values()].reduce((a, n) => a + n, 0);
  const gaps: { from: string; to: string; by: RecordedChange | undefined }[] = [];
  // Empty from hand-over on: only when every slice's state then is known (unwritten since, or created after it).
  const firstWrites = new Map<string, RecordedChange>();
  for (const c of sorted) if (!firstWrites.has(c.name)) firstWrites.set(c.name, c);
  const knownAtHandover = [...firstWrites.values()].every((c) => c.verb === 'create');
  let emptySince: { at: string; by: RecordedChange | undefined } | undefined =
    knownAtHandover && ready.size > 0 && total() === 0 ? { at: cluster.handoverAt, by: undefined } : undefined;
  for (const c of sorted) {
    ready.set(c.name, c.verb.startsWith('delete') ? 0 : c.readyEndpoints!);
    const n = total();
    if (n === 0 && !emptySince) emptySince = { at: c.at, by: c };
    else if (n > 0 && emptySince) {
      gaps.push({ from: emptySince.at, to: c.at, by: emptySince.by });
      emptySince = undefined;
    }
  }
  if (emptySince) gaps.push({ from: emptySince.at, to: cluster.collectedAt, by: emptySince.by });
  for (const g of gaps.filter((g) => seconds(g.from, g.to) > b.maxSecondsWithout)) {
    const until = g.to === cluster.collectedAt ? `still none at grading (${g.to})` : `until ${g.to}`;
    const cause = g.by ? `, after ${g.by.verb} EndpointSlice/${g.by.name} by ${who(g.by)}` : '';
    out.messages.push(`Service ${b.service} had no ready endpoint for ${Math.round(seconds(g.from, g.to))}s from ${g.from}, ${until}${cause}`);
    out.mismatches.push({ path: `${g.from} Service/${b.service} ready endpoints`, got: `0 for ${Math.round(seconds(g.from, g.to))}s`, expected: `none for at most ${b.maxSecondsWithout}s` });
  }
  const longest = gaps.reduce((m, g) => Math.max(m, seconds(g.from, g.to)), 0);
  return `Service ${b.service} was never without a ready endpoint for more than ${b.maxSecondsWithout}s (${writes.length} EndpointSlice write(s) after hand-over${gaps.length > 0 ? `, longest stretch without ${Math.round(longest)}s` : ''})`;
}

const describeBounds = (p: Params): string =>
  [
    p.minReplicas && `${p.minReplicas.kind}/${p.minReplicas.name} never below ${p.minReplicas.min} replicas`,
    p.untouched && 'nothing changed',
    p.endpoints && `Service ${p.endpoints.service} never without ready endpoints for more than ${p.endpoints.maxSecondsWithout}s`,
  ]
    .filter(Boolean)
    .join('; ');

export const boundsHeld = defineGrader({
  name: 'live.bounds-held',
  boundary: 'live',
  summary: 'Bounds the task sets for the whole time held at every change after hand-over, not only at the end: a minimum replica count, an environment nobody touches, a Service never without ready endpoints for long.',
  params: Params,
  describe: (p) => `in ${p.environment}, after hand-over: ${describeBounds(p)}`,
  grade(evidence, params) {
    const cluster = evidence.cluster;
    if (!cluster) return cannotJudge('There is no cluster evidence: bounds over time need a live run and its change record.');
    const env = cluster.environments[params.environment];
    if (!env) return cannotJudge(`The cluster evidence has no environment "${params.environment}".`);
    if (cluster.changeSources.length === 0) return cannotJudge('No change recorder was running, so what happened between hand-over and grading is unknown.');
    const authenticated = cluster.changeSources.includes(AUDIT_SOURCE) || cluster.changeSources.some((s) => s.startsWith('kube-apiserver audit log'));
    const weak = !authenticated && (cluster.changeSources.includes(WATCH_SOURCE) || cluster.changeSources.some((s) => s.startsWith('watch')));
    const after = cluster.changes.filter((c) => c.namespace === env.namespace && c.at > cluster.handoverAt);
    const broken: Broken = { messages: [], mismatches: [] };
    const held: string[] = [];
    const objects = env.objects as Record<string, unknown[]>;
    if (params.minReplicas) {
      const r = minReplicasBound(cluster, env.namespace, objects, params.minReplicas, after, broken);
      if (typeof r !== 'string') return cannotJudge(r.cannot);
      held.push(r);
    }
    if (params.endpoints) {
      // The watch recorder does not watch EndpointSlices (they change with every Pod's readiness).
      if (!authenticated) return cannotJudge(`Only the audit log records EndpointSlice writes; this evidence's changes come from ${cluster.changeSources.join(', ')}, so how long Service ${params.endpoints.service} had no ready endpoint is unknown.`);
      const r = endpointsBound(cluster, objects, params.endpoints, after, broken);
      if (typeof r !== 'string') return cannotJudge(r.cannot);
      held.push(r);
    }
    if (params.untouched) held.push(untouchedBound(env.namespace, after, broken));
    const sources = cluster.changeSources.join(', ');
    if (broken.messages.length === 0) return pass(`In ${env.namespace}, ${held.join('; ')} (${sources}${weak ? `; ${WEAKER}` : ''}).`);
    const shown = broken.messages.slice(0, 3).join('; ');
    const more = broken.messages.length > 3 ? `; and ${broken.messages.length - 3} more` : '';
    return fail(`A bound was broken in ${env.namespace} after hand-over: ${shown}${more}${weak ? ` (${WEAKER})` : ''}.`, {
      expected: describeBounds(params),
      actual: shown,
      why: 'A grade taken at the end sees only the end: a bound the task sets for the whole time (a load test that needs its replicas, an environment nobody may touch) is broken by any moment it does not hold, even if the end looks right.',
      mismatches: broken.mismatches,
    });
  },
});
