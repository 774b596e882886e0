/** Argo CD: Applications in namespace argocd; refresh by annotation; sync through the `operation` field. */
import type { KubeObject } from '../kube/client.js';
import { LabError } from '../errors.js';
import { automatedSync, errorConditions, readApplication, REFRESH_ANNOTATION, RETRIES_BEFORE_ANSWER } from '../model/argocd-status.js';
import { beingDeleted, FIELD_MANAGER, labels, type ControllerAdapter, type RegistrationState, type RootOptions, type SettleVerdict } from './adapter.js';

const APP = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' } as const;
const PROJECT = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject' } as const;
const APPSET = { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet' } as const;
const NS = 'argocd';
const IN_CLUSTER = 'https://kubernetes.default.svc';

/** The run's AppProject, which its registrations name (`{{lab.project}}`): its repository, its namespaces only. */
export const runProjectName = (runId: string): string => `lab-${runId}`;
/** The AppProject of the run's roots: Applications (and what the scenario's registration folders hold) in argocd only. */
export const rootProjectName = (runId: string): string => `lab-root-${runId}`;

const ref = (name: string) => ({ ...APP, namespace: NS, name });

/** How much of a retrying sync's message the state line carries: its start and its end (where Kubernetes puts the reason). */
export const RETRY_MESSAGE_CHARS = 200;
export { RETRIES_BEFORE_ANSWER } from '../model/argocd-status.js';

/** A message cut to `max` characters keeping both ends: "<start> … <end>". */
export function clip(message: string, max: number = RETRY_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  const head = Math.ceil((max - 3) / 2);
  return `${message.slice(0, head)} … ${message.slice(message.length - (max - 3 - head))}`;
}

/**
 * Has Argo CD reconciled `sha` in this Application, or reached a terminal answer for it? Pure: it reads the
 * Application (raw, as the API server or a recording holds it) through the status model and nothing else.
 */
export function settleApplication(raw: KubeObject | undefined, sha: string): SettleVerdict {
  if (!raw) return { settled: false, state: 'no Application yet' };
  const app = readApplication(raw);
  const { sync, health, operationState: op } = app.status;
  const conditions = errorConditions(app);
  const line = `sync=${sync.status ?? '?'}@${(sync.revision ?? '').slice(0, 7)} health=${health.status ?? 'Unknown'} op=${op.phase ?? '-'}${conditions.length ? ` ${conditions[0]!.type}` : ''}`;
  if (app.metadata.annotations[REFRESH_ANNOTATION] !== undefined) return { settled: false, state: `${line} (refresh pending)` };
  // A sync of this commit that failed and waits to be retried (Argo CD puts it back to Running, counts the retry in
  // retryCount and keeps `operation` set): the error is the controller's answer, and the retries of the same
  // commit give the same one ("field is immutable"). Waiting them out would spend the whole settle timeout.
  const opRevision = op.syncResult.revision ?? op.operation?.sync.revision ?? app.operation?.sync.revision;
  if (op.phase === 'Running' && (op.retryCount ?? 0) >= RETRIES_BEFORE_ANSWER && opRevision === sha) {
    return { settled: true, state: `${line} (retrying: ${clip(op.message ?? '')})` };
  }
  if (app.operation !== undefined) return { settled: false, state: `${line} (operation pending)` };
  // Our refresh was consumed (no annotation left): an error condition now is the controller's answer to it
  // (InvalidSpecError and ComparisonError do not always advance reconciledAt).
  if (conditions.length > 0) return { settled: true, state: line };
  if (sync.revision !== sha) return { settled: false, state: line };
  if (op.phase === 'Running' || op.phase === 'Terminating') return { settled: false, state: line };
  if (op.phase === 'Failed' || op.phase === 'Error') return { settled: true, state: line };
  if (sync.status === 'OutOfSync') {
    // With automated sync, OutOfSync at the new revision means a sync of it is still to come; without it (or
    // once a sync of this revision ran, e.g. drift with self-heal off) OutOfSync is where it rests.
    const automated = automatedSync(app);
    // Automated sync never acts on objects that only need pruning while prune is off: that OutOfSync rests.
    const outOfSync = app.status.resources.filter((r) => r.status === 'OutOfSync');
    const onlyPrunes = outOfSync.length > 0 && outOfSync.every((r) => r.requiresPruning === true) && app.spec.syncPolicy.automated?.prune !== true;
    return { settled: !automated || onlyPrunes || op.syncResult.revision === sha, state: line };
  }
  return { settled: sync.status === 'Synced', state: line };
}

export const argocd: ControllerAdapter = {
  name: 'argocd',
  namespace: NS,
  rootName: (runId, env) => `lab-root-${env}-${runId}`,
  rootObjects(o: RootOptions): KubeObject[] {
    // Tenancy by the controller: the root may create Applications (and the kinds the scenario's registration
    // folders hold at hand-over) in argocd, nothing elsewhere; the run's Applications may deploy only the run's
    // repository into the run's namespaces (the Namespaces themselves, for CreateNamespace, are the one
    // cluster-scoped kind). Any other destination, kind or source gets Argo CD's own refusal at the sync boundary.
    const extra = o.rootKinds.filter((k) => !(k.group === APP.apiVersion.split('/')[0] && k.kind === APP.kind));
    const rootProject: KubeObject = {
      ...PROJECT,
      metadata: { name: rootProjectName(o.runId), namespace: NS, labels: labels(o.runId) },
      spec: {
        description: `gitops-lab run ${o.runId}: the roots, which apply the registration folders`,
        sourceRepos: [o.repoURL],
        destinations: [{ server: IN_CLUSTER, namespace: NS }],
        namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'Application' }, ...extra],
        // A kind listed here that is namespaced (or above, cluster-scoped) has no effect: the API decides which it is.
        clusterResourceWhitelist: extra,
      },
    };
    const runProject: KubeObject = {
      ...PROJECT,
      metadata: { name: runProjectName(o.runId), namespace: NS, labels: labels(o.runId) },
      spec: {
        description: `gitops-lab run ${o.runId}: its registrations`,
        sourceRepos: [o.repoURL],
        destinations: o.namespaces.map((namespace) => ({ server: IN_CLUSTER, namespace })),
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      },
    };
    return [
      rootProject,
      runProject,
      {
        ...APP,
        metadata: { name: this.rootName(o.runId, o.environment), namespace: NS, labels: labels(o.runId) },
        spec: {
          project: rootProjectName(o.runId),
          source: { repoURL: o.repoURL, targetRevision: o.branch, path: o.path },
          destination: { server: IN_CLUSTER, namespace: NS },
          // No self-heal: the root applies what Git says, and does not undo a person's live change to a registration.
          // A refused sync is retried with the latest revision (refresh), soon: by default Argo CD retries the
          // refused commit itself for about two and a half minutes, and a learner's fix pushed meanwhile waits.
          syncPolicy: { automated: { prune: true }, retry: { limit: 5, refresh: true, backoff: { duration: '5s', factor: 2, maxDuration: '20s' } } },
        },
      },
    ];
  },
  // An Application outside argocd is not one Argo CD watches: the registration is always read in argocd.
  async refresh(kube, runId, env, reg) {
    const annotate = { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } };
    await kube.patch(ref(this.rootName(runId, env)), annotate, { fieldManager: FIELD_MANAGER });
    if (reg && (await kube.get(ref(reg.name)))) await kube.patch(ref(reg.name), annotate, { fieldManager: FIELD_MANAGER });
  },
  async read(kube, { name }): Promise<RegistrationState> {
    const application = await kube.get(ref(name));
    return application ? { application } : {};
  },
  settled(state, sha) {
    return settleApplication(state.application, sha);
  },
  async setSource(kube, { name }, change, fieldManager) {
    const source: Record<string, string> = {};
    if (change.revision) source['targetRevision'] = change.revision;
    if (change.path) source['path'] = change.path;
    await kube.patch(ref(name), { spec: { source } }, { fieldManager });
  },
  async sync(kube, { name }, prune) {
    await kube.patch(ref(name), { operation: { initiatedBy: { username: 'gitops-lab' }, sync: { prune, syncStrategy: { hook: {} } } } }, { fieldManager: FIELD_MANAGER });
  },
  async suspend(kube, { name }, suspended, fieldManager) {
    // Argo CD has no suspend: turning automated sync off is the equivalent.
    const app = await kube.get(ref(name));
    // The policy as it is (fields the model does not name kept), with `automated` replaced.
    const policy = readApplication(app).spec.syncPolicy;
    await kube.patch(ref(name), { spec: { syncPolicy: suspended ? { ...policy, automated: null } : { ...policy, automated: { prune: true, selfHeal: true } } } }, { fieldManager });
  },
  async endOperation(kube, { name }) {
    const app = await kube.get(ref(name));
    // What Argo CD's terminate-op does: with an operation set and running, its state's phase becomes Terminating;
    // the application controller then stops it (and retries no terminating operation).
    if (!app || app['operation'] === undefined || readApplication(app).status.operationState.phase !== 'Running') return false;
    await kube.patch(ref(name), { status: { operationState: { phase: 'Terminating' } } }, { fieldManager: FIELD_MANAGER });
    return true;
  },
  async deleteRoots(kube, runId, environments) {
    for (const env of environments) await kube.delete(ref(this.rootName(runId, env)));
    // The run's ApplicationSets (named after it), then the Applications of the run's projects: the ApplicationSet
    // controller gives what it generates Argo CD's resources finalizer, which the application controller never
    // clears for an Application whose project is gone, so those would outlive the run, deleting forever. The
    // run's namespaces are deleted next, with whatever they hold.
    const sets = await kube.list(APPSET.apiVersion, APPSET.kind, { namespace: NS }).catch(() => [] as KubeObject[]);
    for (const set of sets) if (set.metadata.name?.endsWith(`-${runId}`)) await kube.delete({ ...APPSET, namespace: NS, name: set.metadata.name });
    const projects = [rootProjectName(runId), runProjectName(runId)];
    for (const app of await kube.list(APP.apiVersion, APP.kind, { namespace: NS })) {
      const name = app.metadata.name ?? '';
      if (!projects.includes((app['spec'] as { project?: string } | undefined)?.project ?? '')) continue;
      // The garbage collector may delete a generated one between the list and the patch: gone is what we want.
      const gone = (error: unknown): void => {
        if (!(error instanceof LabError && error.code === 'NOT_FOUND')) throw error;
      };
      if (((app.metadata as { finalizers?: unknown[] }).finalizers ?? []).length > 0) await kube.patch(ref(name), { metadata: { finalizers: null } }, { fieldManager: FIELD_MANAGER }).catch(gone);
      await kube.delete(ref(name));
    }
    for (const name of projects) await kube.delete({ ...PROJECT, namespace: NS, name });
  },

  async terminating(kube, runId) {
    // The run's Applications (named after it, in argocd), generated ones included: the applicationset-controller
    // deletes one its generator no longer yields, and Argo CD's resources finalizer holds it while its objects go.
    const apps = (await kube.list(APP.apiVersion, APP.kind, { namespace: NS })).filter((a) => a.metadata.name?.endsWith(`-${runId}`));
    return beingDeleted(apps);
  },
};

/** The ValidatingAdmissionPolicies (each with a binding of the same name) that hold what Argo CD applies to a run. */
export const APPPROJECT_POLICY = 'gitops-lab-run-appprojects';
export const APPLICATION_POLICY = 'gitops-lab-run-applications';
export const APPLICATIONSET_POLICY = 'gitops-lab-run-applicationsets';
/** What the applicationset-controller generates is held to the run of the ApplicationSet that generates it. */
export const GENERATED_APPLICATION_POLICY = 'gitops-lab-run-generated-applications';
/** Who writes the Applications an ApplicationSet generates. */
export const APPLICATIONSET_CONTROLLER_USER = 'system:serviceaccount:argocd:argocd-applicationset-controller';
/** Who applies what a root's registration folder holds. */
export const ARGOCD_CONTROLLER_USER = 'system:serviceaccount:argocd:argocd-application-controller';
/** Argo CD's annotation tracking (its default since 3.0): `<application>:<group>/<kind>:<namespace>/<name>`. */
export const TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';

/** A policy on one argoproj.io resource as Argo CD's controller writes it, knowing the run whose root applied it. */
function runPolicy(name: string, resource: string, validations: readonly Record<string, string>[]): KubeObject[] {
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: { resourceRules: [{ apiGroups: ['argoproj.io'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: [resource] }] },
        // What the controller applies from Git carries its tracking id (Argo CD writes it on every object it applies);
        // its own writes to objects it did not apply (the harness's roots and projects, a status) do not, and are
        // not this policy's business.
        matchConditions: [
          { name: 'applied-by-argocd', expression: `request.userInfo.username == '${ARGOCD_CONTROLLER_USER}'` },
          { name: 'applied-from-git', expression: `has(object.metadata.annotations) && '${TRACKING_ANNOTATION}' in object.metadata.annotations` },
        ],
        variables: [
          {
            name: 'app',
            expression: `has(object.metadata.annotations) && '${TRACKING_ANNOTATION}' in object.metadata.annotations ? object.metadata.annotations['${TRACKING_ANNOTATION}'].split(':')[0] : ''`,
          },
          // The run of the root that applies it: roots are named lab-root-<environment>-<run> (rootName).
          { name: 'run', expression: "variables.app.matches('^lab-root-[a-z0-9-]+-[0-9a-f]{6}$') ? variables.app.substring(variables.app.size() - 6) : ''" },
        ],
        validations: [
          { expression: "variables.run != ''", messageExpression: `'gitops-lab: what Argo CD applies here must come from the root of a run; the tracking id of ' + object.metadata.name + ' names no lab-root Application'` },
          { expression: "object.metadata.name.endsWith('-' + variables.run)", messageExpression: `'gitops-lab: run ' + variables.run + ' names its ${resource} ...-' + variables.run + ', not ' + object.metadata.name` },
          ...validations,
        ],
      },
    },
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name }, spec: { policyName: name, validationActions: ['Deny'] } },
  ];
}

/**
 * What a root applies from a registration folder is held to its run by the cluster's own admission, not only by
 * Argo CD: an AppProject is not limited by another AppProject (destination-denied's registration folder holds
 * one, and a looser one would let the run deploy anywhere), and an Application of another run's name would be
 * taken over by the root that applies it (Argo CD applies over another Application's resource unless told to
 * fail). So every Application and AppProject Argo CD's controller writes is held to the run whose root applied it
 * (the Application its tracking id names, which Argo CD writes itself): named `…-<run>`; an Application names a
 * project `…-<run>`; an AppProject's destinations are the in-cluster server and namespaces `…-<run>`, spelled out
 * (no globs, no negation), its sources the run's repository on the lab git server (loopback, or a Service in the cluster: never another address), no cluster-scoped kind but Namespace, no source
 * namespaces or destination service accounts. A refusal is the API server's answer to the root's sync, graded at
 * the sync boundary like Argo CD's own.
 */
export function runPolicyObjects(): KubeObject[] {
  return [
    ...runPolicy(APPPROJECT_POLICY, 'appprojects', [
      {
        expression: `!has(object.spec.destinations) || object.spec.destinations.all(d, has(d.namespace) && d.namespace.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?-' + variables.run + '$') && (!has(d.server) || d.server == '${IN_CLUSTER}') && (!has(d.name) || d.name == 'in-cluster'))`,
        messageExpression: `'gitops-lab: an AppProject of run ' + variables.run + ' may name as destinations only the namespaces of that run (...-' + variables.run + ', no globs) on the in-cluster server'`,
      },
      {
        expression: "!has(object.spec.sourceRepos) || object.spec.sourceRepos.all(r, r.matches(r'^https?://([^/@\\s]*@)?(127\\.0\\.0\\.1|localhost|[a-z0-9-]+\\.[a-z0-9-]+\\.svc(\\.cluster\\.local)?)(:[0-9]+)?/[^*!?#\\s]+-' + variables.run + r'\\.git$'))",
        messageExpression: `'gitops-lab: an AppProject of run ' + variables.run + ' may name as a source only the lab repository of that run'`,
      },
      {
        expression: "!has(object.spec.clusterResourceWhitelist) || object.spec.clusterResourceWhitelist.all(k, k.group == '' && k.kind == 'Namespace')",
        message: 'gitops-lab: the only cluster-scoped kind an AppProject of a run may allow is Namespace',
      },
      {
        expression: '(!has(object.spec.sourceNamespaces) || size(object.spec.sourceNamespaces) == 0) && (!has(object.spec.destinationServiceAccounts) || size(object.spec.destinationServiceAccounts) == 0)',
        message: 'gitops-lab: an AppProject of a run may not set sourceNamespaces or destinationServiceAccounts',
      },
    ]),
    ...runPolicy(APPLICATION_POLICY, 'applications', [
      {
        expression: "has(object.spec.project) && object.spec.project.endsWith('-' + variables.run)",
        messageExpression: `'gitops-lab: an Application of run ' + variables.run + ' names a project of that run (...-' + variables.run + '), not ' + (has(object.spec.project) ? object.spec.project : 'none')`,
      },
    ]),
    // An ApplicationSet a root applies generates Applications as the applicationset-controller (below): its template
    // names them and their project after the run, and its generators read only the run's lab repository (the Git
    // generator asks the repo-server for any URL it is given; AppProjects do not limit it).
    ...runPolicy(APPLICATIONSET_POLICY, 'applicationsets', [
      {
        expression: "has(object.spec.template.spec.project) && object.spec.template.spec.project.endsWith('-' + variables.run) && has(object.spec.template.metadata.name) && object.spec.template.metadata.name.endsWith('-' + variables.run)",
        messageExpression: `'gitops-lab: an ApplicationSet of run ' + variables.run + ' generates Applications named ...-' + variables.run + ' in a project of that run (template.metadata.name, template.spec.project)'`,
      },
      {
        expression: '!has(object.spec.templatePatch)',
        message: 'gitops-lab: an ApplicationSet of a run may not set templatePatch (it could move the generated Applications out of the run)',
      },
      {
        expression: `object.spec.generators.all(g, (has(g.list) && !has(g.list.elementsYaml)) || (has(g.git) && g.git.repoURL.matches(r'^https?://([^/@\\s]*@)?(127\\.0\\.0\\.1|localhost|[a-z0-9-]+\\.[a-z0-9-]+\\.svc(\\.cluster\\.local)?)(:[0-9]+)?/[^*!?#\\s]+-' + variables.run + r'\\.git$')))`,
        messageExpression: `'gitops-lab: an ApplicationSet of run ' + variables.run + ' may use list generators and Git generators on the lab repository of that run, nothing else'`,
      },
    ]),
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: GENERATED_APPLICATION_POLICY },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: { resourceRules: [{ apiGroups: ['argoproj.io'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['applications'] }] },
        matchConditions: [{ name: 'generated', expression: `request.userInfo.username == '${APPLICATIONSET_CONTROLLER_USER}'` }],
        variables: [
          {
            name: 'owner',
            expression: "has(object.metadata.ownerReferences) ? object.metadata.ownerReferences.filter(o, o.kind == 'ApplicationSet' && o.apiVersion.startsWith('argoproj.io/')).map(o, o.name) : []",
          },
          // The run of the ApplicationSet that generates it: the run policy above names it …-<run>.
          { name: 'run', expression: "size(variables.owner) == 1 && variables.owner[0].matches('-[0-9a-f]{6}$') ? variables.owner[0].substring(variables.owner[0].size() - 6) : ''" },
        ],
        validations: [
          { expression: "variables.run != ''", messageExpression: `'gitops-lab: the applicationset-controller writes only Applications of an ApplicationSet of a run; ' + object.metadata.name + ' has no such owner'` },
          {
            expression: "object.metadata.name.endsWith('-' + variables.run) && has(object.spec.project) && object.spec.project.endsWith('-' + variables.run)",
            messageExpression: `'gitops-lab: an Application generated for run ' + variables.run + ' is named ...-' + variables.run + ' and names a project of that run, not ' + object.metadata.name + ' in ' + (has(object.spec.project) ? object.spec.project : 'none')`,
          },
        ],
      },
    },
    { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: GENERATED_APPLICATION_POLICY }, spec: { policyName: GENERATED_APPLICATION_POLICY, validationActions: ['Deny'] } },
  ];
}
