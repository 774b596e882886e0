/**
 * One context out of a user's kubeconfig, as a kubeconfig of its own whose current-context is that context
 * (the harness's Kubernetes client always uses the current context). Credentials are copied as they are;
 * relative file paths are made absolute, since the copy lives elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { LabError } from '../../errors.js';

type Named<T> = { name?: string } & Record<string, T | unknown>;
interface KubeconfigDoc {
  contexts?: Named<{ cluster?: string; user?: string; namespace?: string }>[];
  clusters?: Named<Record<string, unknown>>[];
  users?: Named<Record<string, unknown>>[];
}

const PATH_FIELDS: Readonly<Record<'cluster' | 'user', readonly string[]>> = {
  cluster: ['certificate-authority'],
  user: ['client-certificate', 'client-key', 'tokenFile'],
};

function absolutePaths(entry: Record<string, unknown>, fields: readonly string[], base: string): Record<string, unknown> {
  const out = { ...entry };
  for (const f of fields) {
    const v = out[f];
    if (typeof v === 'string' && v.length > 0 && !isAbsolute(v)) out[f] = resolve(base, v);
  }
  return out;
}

export function contextNames(text: string): string[] {
  const doc = (parse(text) ?? {}) as KubeconfigDoc;
  return (doc.contexts ?? []).map((c) => c.name).filter((n): n is string => typeof n === 'string');
}

/** A kubeconfig (YAML) holding only `context`, its cluster and its user. */
export function kubeconfigForContext(text: string, sourcePath: string, context: string): string {
  const doc = (parse(text) ?? {}) as KubeconfigDoc;
  const ctx = (doc.contexts ?? []).find((c) => c.name === context);
  if (!ctx) {
    throw new LabError('USAGE', `kubeconfig ${sourcePath} has no context ${JSON.stringify(context)}`, {
      suggestion: `one of: ${contextNames(text).join(', ') || '(none)'}`,
    });
  }
  const c = (ctx['context'] ?? {}) as { cluster?: string; user?: string };
  const cluster = (doc.clusters ?? []).find((x) => x.name === c.cluster);
  const user = (doc.users ?? []).find((x) => x.name === c.user);
  if (!cluster) throw new LabError('INVALID_CONFIG', `${sourcePath}: context ${context} names cluster ${JSON.stringify(c.cluster)}, which is not in clusters`);
  const base = dirname(resolve(sourcePath));
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': context,
    contexts: [ctx],
    clusters: [{ name: cluster.name, cluster: absolutePaths((cluster['cluster'] ?? {}) as Record<string, unknown>, PATH_FIELDS.cluster, base) }],
    users: user ? [{ name: user.name, user: absolutePaths((user['user'] ?? {}) as Record<string, unknown>, PATH_FIELDS.user, base) }] : [],
  });
}

/** The kubeconfig file that holds `context`: the one given, else the first in $KUBECONFIG that has it, else ~/.kube/config. */
export function findKubeconfig(context: string, given: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (given) {
    if (!existsSync(given)) throw new LabError('USAGE', `--kubeconfig ${given} does not exist`);
    return resolve(given);
  }
  const candidates = (env['KUBECONFIG'] ?? '').split(delimiter).filter((p) => p.length > 0);
  candidates.push(resolve(env['HOME'] ?? homedir(), '.kube', 'config'));
  const existing = candidates.filter((p) => existsSync(p));
  for (const p of existing) if (contextNames(readFileSync(p, 'utf8')).includes(context)) return resolve(p);
  throw new LabError('USAGE', `no kubeconfig has context ${JSON.stringify(context)} (looked in ${existing.join(', ') || 'no files'})`, {
    suggestion: 'pass --kubeconfig <file>, or check `kubectl config get-contexts`',
  });
}
