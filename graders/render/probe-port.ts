import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, renderOf } from '../lib/render.js';
import { getPath, show } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

interface Container {
  readonly name?: string;
  readonly ports?: readonly { readonly name?: string; readonly containerPort?: number }[];
  readonly readinessProbe?: { readonly httpGet?: { readonly port?: number | string }; readonly tcpSocket?: { readonly port?: number | string }; readonly grpc?: { readonly port?: number } };
}

export const probePort = defineGrader({
  name: 'render.probe-port',
  boundary: 'render',
  summary: "Every container's readiness probe targets a port the container declares (by number or by name).",
  params: z.strictObject({ environment: z.string().min(1), kind: z.string().min(1).default('Deployment'), name: z.string().min(1) }),
  describe: (p) => `${p.environment} ${p.kind}/${p.name} readiness probes target declared container ports`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    if (!env.head.ok) return fail(`${params.environment} does not render.`, { actual: env.head.error.split('\n')[0] ?? '' });
    const id = `${params.kind}/${params.name}`;
    const obj = findObject(env.head.objects, params.kind, params.name);
    if (!obj) return fail(`${id} is not in the ${params.environment} render.`, { expected: 'present', actual: 'absent' });
    const containers = (getPath(obj, 'spec.template.spec.containers') ?? []) as Container[];
    const mismatches: Mismatch[] = [];
    for (const c of containers) {
      const probe = c.readinessProbe;
      const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
      if (port === undefined) continue;
      const declared = (c.ports ?? []).some((p) => (typeof port === 'number' ? p.containerPort === port : p.name === port));
      if (!declared) {
        const ports = (c.ports ?? []).map((p) => (p.name ? `${p.name}=${p.containerPort}` : String(p.containerPort))).join(', ') || 'none';
        mismatches.push({ path: `${id} containers[${c.name}].readinessProbe port`, got: show(port), expected: `one of the declared ports (${ports})` });
      }
    }
    if (mismatches.length === 0) return pass(`${id}'s readiness probes target declared ports.`);
    return fail(`${id}'s readiness probe targets a port no container declares.`, {
      expected: mismatches.map((m) => m.expected).join('; '),
      actual: mismatches.map((m) => m.got).join('; '),
      why: 'A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.',
      mismatches,
    });
  },
});
