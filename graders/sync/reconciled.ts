import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, short } from '../lib/cluster.js';
import { readApplication } from '../../harness/model/argocd-status.js';
import { fluxCondition, helmChartRefusal, readGitRepository, readHelmChart, readHelmRelease, readKustomization, shaOfRevision } from '../../harness/model/flux-status.js';
import { rootErrors } from '../lib/root.js';

export const reconciled = defineGrader({
  name: 'sync.reconciled',
  boundary: 'sync',
  summary: "The controller reports the tracked branch's head as reconciled (Argo CD Synced at it; Flux applied it, Ready=True, or for a HelmRelease released the chart built from it), and the run's root did not refuse its registration folder.",
  params: z.strictObject({ environment: z.string().min(1) }),
  describe: (p) => `${p.environment} reconciled at the tracked branch's head`,
  grade(evidence, params, { controller }) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const head = evidence.git.headSha;
    const expected = `${controller === 'argocd' ? 'Synced' : 'Ready=True'} at ${short(head)} (${evidence.git.trackedBranch})`;
    // The run's root applies the registration folder: what it refused at the head never reached the cluster.
    const refused = env.root ? rootErrors(controller, env.root) : [];
    if (refused.length > 0) {
      return fail(`The root that applies ${params.environment}'s registration folder refused it: ${refused[0]!.got}`, {
        expected,
        actual: refused.map((e) => `${e.path}: ${e.got}`).join('; '),
        why: "The controller applies the registration folder through the run's root; a kind, namespace or project the run may not use is refused, and nothing of that commit's folder reaches the cluster.",
        mismatches: refused,
      });
    }
    if (controller === 'argocd') {
      if (!env.application) return fail(`No Argo CD Application registers ${params.environment}.`, { expected, actual: 'no Application', why: 'Nothing reconciles an environment that no registration points at.' });
      const sync = readApplication(env.application).status.sync;
      const status = sync.status ?? 'Unknown';
      const revision = shaOfRevision(sync.revision);
      const actual = `${status} at ${short(revision)}`;
      if (status === 'Synced' && revision === head) return pass(`Argo CD is Synced at ${short(head)}.`, { expected, actual });
      return fail(`Argo CD reports ${actual}, not the head of ${evidence.git.trackedBranch}.`, {
        expected,
        actual,
        why: revision !== head ? 'The controller reconciles a different revision than the one you pushed: check what the registration tracks.' : 'Desired and live state differ: the controller has not applied the change.',
        mismatches: [
          ...(status !== 'Synced' ? [{ path: 'status.sync.status', got: status, expected: 'Synced' }] : []),
          ...(revision !== head ? [{ path: 'status.sync.revision', got: short(revision), expected: short(head) }] : []),
        ],
      });
    }
    if (!env.kustomization && env.helmRelease) {
      // A HelmRelease: source-controller built the chart from the head, and helm-controller released that chart.
      const hr = readHelmRelease(env.helmRelease);
      const refusal = helmChartRefusal(hr);
      if (refusal) {
        return fail(`helm-controller refused the HelmRelease: ${refusal.message}.`, {
          expected,
          actual: `refused: ${refusal.message}`,
          why: "Flux's controllers run with --no-cross-namespace-refs: a HelmRelease's chart must come from a source in its own namespace, so nothing of this revision was released.",
          mismatches: [{ path: 'HelmRelease spec.chart.spec.sourceRef.namespace', got: refusal.sourceNamespace, expected: refusal.namespace }],
        });
      }
      const chart = readHelmChart(env.helmChart);
      const ready = fluxCondition(hr, 'Ready');
      const built = shaOfRevision(chart.status.observedSourceArtifactRevision);
      const version = chart.status.artifact.revision;
      const released = hr.status.history[0]?.chartVersion;
      const artifact = shaOfRevision(readGitRepository(env.gitRepository).status.artifact.revision);
      const actual = `Ready=${ready?.status ?? 'Unknown'} released ${released ?? '-'} (chart ${version ?? '-'} built from ${short(built)}, source at ${short(artifact)})`;
      if (ready?.status === 'True' && built === head && version !== undefined && released === version) return pass(`Flux released the chart of ${short(head)} and is Ready.`, { expected, actual });
      return fail(`Flux reports ${actual}.`, {
        expected,
        actual,
        why: artifact !== head ? 'The GitRepository fetched another revision than the one you pushed: check the branch it tracks.' : `The HelmRelease did not release the chart of the revision${ready?.message ? `: ${ready.message}` : ''}.`,
        mismatches: [
          ...(artifact !== head ? [{ path: 'GitRepository status.artifact.revision', got: short(artifact), expected: short(head) }] : []),
          ...(built !== head ? [{ path: 'HelmChart status.observedSourceArtifactRevision', got: short(built), expected: short(head) }] : []),
          ...(version === undefined || released !== version ? [{ path: 'HelmRelease status.history[0].chartVersion', got: released ?? '<none>', expected: version ?? "the chart built from the head" }] : []),
          ...(ready?.status !== 'True' ? [{ path: 'HelmRelease Ready', got: `${ready?.status ?? 'Unknown'} ${ready?.reason ?? ''}`.trim(), expected: 'True' }] : []),
        ],
      });
    }
    if (!env.kustomization) return fail(`No Flux Kustomization registers ${params.environment}.`, { expected, actual: 'no Kustomization', why: 'Nothing reconciles an environment that no registration points at.' });
    const ks = readKustomization(env.kustomization);
    const ready = fluxCondition(ks, 'Ready');
    const applied = shaOfRevision(ks.status.lastAppliedRevision);
    const artifact = shaOfRevision(readGitRepository(env.gitRepository).status.artifact.revision);
    const actual = `Ready=${ready?.status ?? 'Unknown'} applied ${short(applied)} (source at ${short(artifact)})`;
    if (ready?.status === 'True' && applied === head) return pass(`Flux applied ${short(head)} and is Ready.`, { expected, actual });
    return fail(`Flux reports ${actual}.`, {
      expected,
      actual,
      why: artifact !== head ? 'The GitRepository fetched another revision than the one you pushed: check the branch it tracks.' : `The Kustomization did not apply the revision${ready?.message ? `: ${ready.message}` : ''}.`,
      mismatches: [
        ...(artifact !== head ? [{ path: 'GitRepository status.artifact.revision', got: short(artifact), expected: short(head) }] : []),
        ...(applied !== head ? [{ path: 'Kustomization status.lastAppliedRevision', got: short(applied), expected: short(head) }] : []),
        ...(ready?.status !== 'True' ? [{ path: 'Kustomization Ready', got: `${ready?.status ?? 'Unknown'} ${ready?.reason ?? ''}`.trim(), expected: 'True' }] : []),
      ],
    });
  },
});
