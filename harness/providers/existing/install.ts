/**
 * `up --provider existing --install-controllers`: installs the controllers whose CRDs the context lacks, from
 * the pinned upstream manifests with the shared installer (server-side apply, as on kind), and records what it
 * installed so that `down` can remove exactly that. A controller that was there before is never installed over
 * nor removed. The decisions are pure (planInstall, planUninstall); the apply and delete go through an
 * Installer, which tests replace.
 */
import type { KubeClient, KubeObject } from '../../kube/client.js';
import type { ControllerName } from '../provider.js';
import { applyUpstream, loadManifests, waitForWorkloads } from '../upstream/install.js';
import { type InstallManifest, installManifests } from '../upstream/manifests.js';
import { loadUpstreamPins } from '../upstream/pins.js';
import type { MissingCrd } from './crds.js';

/** One controller gitops-lab installed on an existing cluster (recorded in state.json). */
export interface InstalledController {
  readonly controller: ControllerName;
  readonly url: string;
  readonly namespace: string;
  /** The namespace did not exist before the install (so `down` may delete it). */
  readonly createdNamespace: boolean;
  readonly at: string;
}

/**
 * What `up` does about missing CRDs: nothing missing, install the controllers that miss any (when told to), or
 * refuse (the caller says what is missing and how to install it).
 */
export function planInstall(missing: readonly MissingCrd[], installControllers: boolean): { install: ControllerName[] } | { refuse: true } {
  if (missing.length === 0) return { install: [] };
  if (!installControllers) return { refuse: true };
  return { install: [...new Set(missing.map((m) => m.controller))] };
}

/** Another record of gitops-lab (an existing cluster under another name) on the same API server. */
export interface OtherRecord {
  readonly name: string;
  readonly apiServer: string;
  readonly controllers: readonly ControllerName[];
}

/**
 * What `down` uninstalls: what this record installed, except a controller another record on the same API
 * server uses (that one is kept, and said so).
 */
export function planUninstall(
  installed: readonly InstalledController[],
  apiServer: string,
  others: readonly OtherRecord[],
): { uninstall: InstalledController[]; keep: { controller: ControllerName; usedBy: string[] }[] } {
  const uninstall: InstalledController[] = [];
  const keep: { controller: ControllerName; usedBy: string[] }[] = [];
  for (const i of installed) {
    const usedBy = others.filter((o) => o.apiServer === apiServer && o.controllers.includes(i.controller)).map((o) => o.name);
    if (usedBy.length > 0) keep.push({ controller: i.controller, usedBy });
    else uninstall.push(i);
  }
  return { uninstall, keep };
}

/** The objects of one manifest in the order `down` deletes them: workloads and the rest, then CRDs, then namespaces. */
export function uninstallOrder(objects: readonly KubeObject[], namespace: string, createdNamespace: boolean): KubeObject[] {
  const rank = (o: KubeObject): number => (o.kind === 'Namespace' ? 2 : o.kind === 'CustomResourceDefinition' ? 1 : 0);
  const own = objects.filter((o) => o.kind !== 'Namespace' || (createdNamespace && o.metadata.name === namespace));
  const withNs = createdNamespace && !own.some((o) => o.kind === 'Namespace') ? [...own, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } as KubeObject] : own;
  return withNs.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
}

export interface Installer {
  install(kube: KubeClient, controllers: readonly ControllerName[], log: (line: string) => void, timeoutMs: number): Promise<InstalledController[]>;
  uninstall(kube: KubeClient, installed: readonly InstalledController[], log: (line: string) => void): Promise<void>;
}

const manifestOf = (i: InstalledController): InstallManifest => ({ controller: i.controller, url: i.url, namespace: i.namespace, serverSide: true, forceConflicts: true });

/** The real installer: the shared upstream install (as on kind), and its inverse for what it recorded. */
export const upstreamInstaller: Installer = {
  async install(kube, controllers, log, timeoutMs) {
    const loaded = await loadManifests(installManifests(loadUpstreamPins(), controllers));
    const before = new Map<string, boolean>();
    for (const l of loaded) before.set(l.manifest.namespace, (await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: l.manifest.namespace })) !== undefined);
    await applyUpstream(kube, loaded, log);
    await waitForWorkloads(kube, loaded, timeoutMs);
    const at = new Date().toISOString();
    return loaded.map((l) => ({ controller: l.manifest.controller, url: l.manifest.url, namespace: l.manifest.namespace, createdNamespace: !before.get(l.manifest.namespace), at }));
  },
  async uninstall(kube, installed, log) {
    for (const i of installed) {
      const [loaded] = await loadManifests([manifestOf(i)]);
      for (const o of uninstallOrder(loaded!.objects, i.namespace, i.createdNamespace)) {
        await kube.delete({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) });
      }
      log(`  uninstalled ${i.controller} (${i.url})${i.createdNamespace ? `, namespace ${i.namespace}` : ''}`);
    }
  },
};
