/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd faults 1`] = `
fail 0/18; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 0/2 withheld
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod). Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
fix-in-platform [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/argocd/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
overlays-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
commit-names-staging [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
staging-generated-by-applicationset [sync.generated-by, sync] fail 0/3
  message: No Argo CD Application registers staging: no ApplicationSet generates one for it.
  expected: an Application owned by an ApplicationSet
  actual: no Application
  why: Until the generator yields this environment, no Application exists for it and nothing deploys it.
staging-no-errors [sync.no-errors, sync] fail 0/1
  message: No Argo CD Application registers staging.
  actual: no Application
staging-reconciled [sync.reconciled, sync] fail 0/2
  message: No Argo CD Application registers staging.
  expected: Synced at 009f549 (main)
  actual: no Application
  why: Nothing reconciles an environment that no registration points at.
staging-runs-promoted-image [health.available, health] fail 0/2
  message: Deployment/payment-api does not exist in payments-staging-153c20.
  expected: Available
  actual: absent
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd solution 1`] = `
pass 18/18; no failure
generator-yields-staging [git.applicationset-generates, git] pass 3/3
  message: The ApplicationSet generates dev, staging, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
generator-yields-only-environments [git.applicationset-generates, git] pass 2/2
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit eac6be0 "platform: the payment-api ApplicationSet generates staging (overlays/staging, not overlays/stage)" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] pass 3/3
  message: Application payment-api-staging-461297 is generated by ApplicationSet payment-api-461297.
staging-no-errors [sync.no-errors, sync] pass 1/1
  message: Argo CD reports no errors for staging.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at eac6be0.
  expected: Synced at eac6be0 (main)
  actual: Synced at eac6be0
staging-runs-promoted-image [health.available, health] pass 2/2
  message: Deployment/payment-api is Available with 2/2 ready.
  actual: Available=True, 2/2 ready
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd wrong-apply-application-by-hand 1`] = `
fail 0/18; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 0/2 withheld
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod). Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
fix-in-platform [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/argocd/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
overlays-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
commit-names-staging [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform, staging-generated-by-applicationset, staging-no-errors, staging-reconciled, staging-runs-promoted-image).
staging-generated-by-applicationset [sync.generated-by, sync] fail 0/3
  message: No Argo CD Application registers staging: no ApplicationSet generates one for it.
  expected: an Application owned by an ApplicationSet
  actual: no Application
  why: Until the generator yields this environment, no Application exists for it and nothing deploys it.
staging-no-errors [sync.no-errors, sync] fail 0/1
  message: No Argo CD Application registers staging.
  actual: no Application
staging-reconciled [sync.reconciled, sync] fail 0/2
  message: No Argo CD Application registers staging.
  expected: Synced at 66173a6 (main)
  actual: no Application
  why: Nothing reconciles an environment that no registration points at.
staging-runs-promoted-image [health.available, health] fail 0/2
  message: Deployment/payment-api does not exist in payments-staging-c6930a.
  expected: Available
  actual: absent
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd wrong-hand-written-application 1`] = `
fail 12/18; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 2/2
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit b304977 "platform: register payment-api staging" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] fail 0/3
  message: Application payment-api-staging-a0ac54 is not generated by an ApplicationSet (it has no owner).
  expected: an Application owned by an ApplicationSet
  actual: no ownerReferences
  why: An Application written out (in Git or by hand) next to the ApplicationSet is not managed with the others: the generator still misses the environment, and the next one added the same way is missed again.
staging-no-errors [sync.no-errors, sync] pass 1/1
  message: Argo CD reports no errors for staging.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at b304977.
  expected: Synced at b304977 (main)
  actual: Synced at b304977
staging-runs-promoted-image [health.available, health] pass 2/2
  message: Deployment/payment-api is Available with 2/2 ready.
  actual: Available=True, 2/2 ready
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd wrong-match-every-overlay 1`] = `
fail 16/18; first failure: git generator-yields-only-environments: The ApplicationSet also generates Applications for apps/payment-api/overlays/local, which no environment deploys.
generator-yields-staging [git.applicationset-generates, git] pass 3/3
  message: The ApplicationSet generates dev, staging, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/local, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
generator-yields-only-environments [git.applicationset-generates, git] fail 0/2
  message: The ApplicationSet also generates Applications for apps/payment-api/overlays/local, which no environment deploys.
  expected: only environments' overlays (apps/payment-api/overlays/dev, apps/payment-api/overlays/staging, apps/payment-api/overlays/prod)
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/local, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging
  why: A pattern that matches every directory deploys whatever is added there next, ready or not.
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 340bf65 "platform: payment-api ApplicationSet generates every overlay, staging included" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] pass 3/3
  message: Application payment-api-staging-94a5e8 is generated by ApplicationSet payment-api-94a5e8.
staging-no-errors [sync.no-errors, sync] pass 1/1
  message: Argo CD reports no errors for staging.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at 340bf65.
  expected: Synced at 340bf65 (main)
  actual: Synced at 340bf65
staging-runs-promoted-image [health.available, health] pass 2/2
  message: Deployment/payment-api is Available with 2/2 ready.
  actual: Available=True, 2/2 ready
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > live argocd wrong-rename-overlay 1`] = `
fail 6/18; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] fail 0/2
  message: The ApplicationSet also generates Applications for apps/payment-api/overlays/stage, which no environment deploys.
  expected: only environments' overlays (apps/payment-api/overlays/dev, apps/payment-api/overlays/staging, apps/payment-api/overlays/prod)
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage
  why: A pattern that matches every directory deploys whatever is added there next, ready or not.
fix-in-platform [git.changed-within, git] fail 0/1
  message: 2 changed file(s) lie outside the allowed paths.
  expected: changes only under platform/argocd/**
  actual: apps/payment-api/overlays/stage/kustomization.yaml, apps/payment-api/overlays/stage/namespace.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/staging/kustomization.yaml -> apps/payment-api/overlays/stage/kustomization.yaml: got renamed, expected unchanged
  - apps/payment-api/overlays/staging/namespace.yaml -> apps/payment-api/overlays/stage/namespace.yaml: got renamed, expected unchanged
overlays-untouched [git.unchanged, git] fail 0/1
  message: 2 file(s) under apps/** changed.
  expected: apps/** unchanged since hand-over
  actual: renamed apps/payment-api/overlays/stage/kustomization.yaml, renamed apps/payment-api/overlays/stage/namespace.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/overlays/stage/kustomization.yaml: got renamed, expected unchanged
  - apps/payment-api/overlays/stage/namespace.yaml: got renamed, expected unchanged
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 70b1d99 "payment-api: rename the staging overlay to stage" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] pass 3/3
  message: Application payment-api-stage-53fae5 is generated by ApplicationSet payment-api-53fae5.
staging-no-errors [sync.no-errors, sync] fail 0/1
  message: Argo CD reports 1 error(s) for staging: application destination server 'https://kubernetes.default.svc' and namespace 'payments-stage-53fae5' do not match any of the allowed destinations in project 'lab-53fae5'
  expected: no error conditions
  actual: condition InvalidSpecError: application destination server 'https://kubernetes.default.svc' and namespace 'payments-stage-53fae5' do not match any of the allowed destinations in project 'lab-53fae5'
  why: An error at the sync boundary means the controller could not load or apply the desired state; nothing after it can be trusted.
  - condition InvalidSpecError: got application destination server 'https://kubernetes.default.svc' and namespace 'payments-stage-53fae5' do not match any of the allowed destinations in project 'lab-53fae5', expected absent
staging-reconciled [sync.reconciled, sync] fail 0/2
  message: Argo CD reports Unknown at <none>, not the head of main.
  expected: Synced at 70b1d99 (main)
  actual: Unknown at <none>
  why: The controller reconciles a different revision than the one you pushed: check what the registration tracks.
  - status.sync.status: got Unknown, expected Synced
  - status.sync.revision: got <none>, expected 70b1d99
staging-runs-promoted-image [health.available, health] fail 0/2
  message: Deployment/payment-api does not exist in payments-staging-53fae5.
  expected: Available
  actual: absent
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd alternative-glob-excluding-local 1`] = `
pass 10/10; no failure
generator-yields-staging [git.applicationset-generates, git] pass 3/3
  message: The ApplicationSet generates dev, staging, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
generator-yields-only-environments [git.applicationset-generates, git] pass 2/2
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 4c1f324 "platform: payment-api ApplicationSet generates every environment overlay (staging was missed), never local" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd faults 1`] = `
fail 0/10; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 0/2 withheld
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod). Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
fix-in-platform [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/argocd/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
overlays-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
commit-names-staging [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd solution 1`] = `
pass 10/10; no failure
generator-yields-staging [git.applicationset-generates, git] pass 3/3
  message: The ApplicationSet generates dev, staging, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
generator-yields-only-environments [git.applicationset-generates, git] pass 2/2
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 38c0b48 "platform: the payment-api ApplicationSet generates staging (overlays/staging, not overlays/stage)" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd wrong-apply-application-by-hand 1`] = `
fail 0/10; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 0/2 withheld
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod). Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
fix-in-platform [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/argocd/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
overlays-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
commit-names-staging [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd wrong-hand-written-application 1`] = `
fail 7/10; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] pass 2/2
  message: The ApplicationSet generates dev, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/prod).
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit c602b59 "platform: register payment-api staging" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd wrong-match-every-overlay 1`] = `
fail 8/10; first failure: git generator-yields-only-environments: The ApplicationSet also generates Applications for apps/payment-api/overlays/local, which no environment deploys.
generator-yields-staging [git.applicationset-generates, git] pass 3/3
  message: The ApplicationSet generates dev, staging, prod (apps/payment-api/overlays/dev, apps/payment-api/overlays/local, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging).
generator-yields-only-environments [git.applicationset-generates, git] fail 0/2
  message: The ApplicationSet also generates Applications for apps/payment-api/overlays/local, which no environment deploys.
  expected: only environments' overlays (apps/payment-api/overlays/dev, apps/payment-api/overlays/staging, apps/payment-api/overlays/prod)
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/local, apps/payment-api/overlays/prod, apps/payment-api/overlays/staging
  why: A pattern that matches every directory deploys whatever is added there next, ready or not.
fix-in-platform [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/argocd/**
overlays-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
other-environments-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 864fcd9 "platform: payment-api ApplicationSet generates every overlay, staging included" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > offline argocd wrong-rename-overlay 1`] = `
fail 1/10; first failure: git generator-yields-staging: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage).
generator-yields-staging [git.applicationset-generates, git] fail 0/3
  message: The ApplicationSet generates no Application for staging (it generates: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage).
  expected: apps/payment-api/overlays/staging
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage
  why: An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.
generator-yields-only-environments [git.applicationset-generates, git] fail 0/2
  message: The ApplicationSet also generates Applications for apps/payment-api/overlays/stage, which no environment deploys.
  expected: only environments' overlays (apps/payment-api/overlays/dev, apps/payment-api/overlays/staging, apps/payment-api/overlays/prod)
  actual: apps/payment-api/overlays/dev, apps/payment-api/overlays/prod, apps/payment-api/overlays/stage
  why: A pattern that matches every directory deploys whatever is added there next, ready or not.
fix-in-platform [git.changed-within, git] fail 0/1
  message: 2 changed file(s) lie outside the allowed paths.
  expected: changes only under platform/argocd/**
  actual: apps/payment-api/overlays/stage/kustomization.yaml, apps/payment-api/overlays/stage/namespace.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/staging/kustomization.yaml -> apps/payment-api/overlays/stage/kustomization.yaml: got renamed, expected unchanged
  - apps/payment-api/overlays/staging/namespace.yaml -> apps/payment-api/overlays/stage/namespace.yaml: got renamed, expected unchanged
overlays-untouched [git.unchanged, git] fail 0/1
  message: 2 file(s) under apps/** changed.
  expected: apps/** unchanged since hand-over
  actual: renamed apps/payment-api/overlays/stage/kustomization.yaml, renamed apps/payment-api/overlays/stage/namespace.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/overlays/stage/kustomization.yaml: got renamed, expected unchanged
  - apps/payment-api/overlays/stage/namespace.yaml: got renamed, expected unchanged
other-environments-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
commit-names-staging [git.commit-message, git] pass 1/1
  message: Commit 126ed95 "payment-api: rename the staging overlay to stage" names staging.
  expected: a commit message mentioning "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (generator-yields-staging, fix-in-platform).
staging-generated-by-applicationset [sync.generated-by, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-no-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > appset-missing-staging > what each check is described as 1`] = `
generator-yields-staging: the ApplicationSet generates dev, staging, prod
generator-yields-only-environments: the ApplicationSet generates dev, prod, and nothing but environments
fix-in-platform: changes only under platform/argocd/**
overlays-untouched: apps/** untouched
other-environments-unchanged: dev, prod render byte-identical to hand-over
commit-names-staging: a fix commit message mentions staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-generated-by-applicationset: staging's Application is generated by an ApplicationSet
staging-no-errors: staging reconciles without controller errors
staging-reconciled: staging reconciled at the tracked branch's head
staging-runs-promoted-image: Deployment/payment-api in staging Available on nginx:1.27.6
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd alternative-overlay-patch 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 4 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d58b83c "payment-api: staging keeps 1.27.5 through an overlay patch, the base is 1.27.4 again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix d58b83c "payment-api: staging keeps 1.27.5 through an overlay patch, the base is …" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix d58b83c, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd alternative-pin-in-base-kustomization 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 2d6a53e "payment-api: pin the base to the released 1.27.4; 1.27.5 only in the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 2d6a53e "payment-api: pin the base to the released 1.27.4; 1.27.5 only in the sta…" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 2d6a53e, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd alternative-revert-then-bump-staging 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6512c74 "Revert "bump payment-api to 1.27.5 for staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 6512c74 "Revert "bump payment-api to 1.27.5 for staging"" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 6512c74, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd faults 1`] = `
fail 0/18; first failure: git changes-only-in-base-and-staging: Nothing changed on the tracked branch since the scenario was handed over.
base-holds-released-image [render.field, render] fail 0/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: Every environment built on layer base starts from what it renders.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 0/3 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5". Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd solution 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 3dde70a "payment-api: move the 1.27.5 bump from the base to the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 3dde70a "payment-api: move the 1.27.5 bump from the base to the staging overlay" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 3dde70a, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd wrong-fix-and-move-staging-into-prod-namespace 1`] = `
fail 15/18; first failure: git delivery-note: There is no delivery note delivery-notes/base-leak.yaml on main.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6c60ae5 "payment-api: move the 1.27.5 bump from the base to the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] fail 0/1
  message: staging changed in 4 places the task does not ask for.
  expected: only nothing changes in staging
  actual: Deployment/payment-api metadata.namespace: "payments-staging" -> "payments-prod"; Namespace/payments-prod: absent -> added; Namespace/payments-staging: present -> removed
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api metadata.namespace: got "payments-prod", expected "payments-staging" (unchanged)
  - Namespace/payments-prod: got added, expected absent
  - Namespace/payments-staging: got removed, expected present
  - Service/payment-api metadata.namespace: got "payments-prod", expected "payments-staging" (unchanged)
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd wrong-pin-prod-overlay 1`] = `
fail 10/18; first failure: git changes-only-in-base-and-staging: 1 changed file(s) lie outside the allowed paths.
base-holds-released-image [render.field, render] fail 0/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: Every environment built on layer base starts from what it renders.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: apps/payment-api/overlays/prod/kustomization.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/prod/kustomization.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: No commit message names the workload and environment it changes.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: 1bb2b38 "payment-api: pin prod to 1.27.4"
  why: Git is the audit log of a GitOps platform; a reviewer must see what changed where from the message alone.
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd wrong-reset-and-force-push 1`] = `
fail 15/18; first failure: git history-not-rewritten: 1 branch(es) moved in a way the fix should not move them.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit ab80d29 "payment-api: 1.27.5 in the staging overlay only" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] fail 0/1
  message: 1 branch(es) moved in a way the fix should not move them.
  expected: main fast-forwarded from f7176ff
  actual: branch main: rewritten: the handed-over commit f7176ff is no longer in its history (head ab80d29)
  why: The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.
  - branch main: got rewritten: the handed-over commit f7176ff is no longer in its history (head ab80d29), expected a fast-forward of f7176ff
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline argocd wrong-revert-everything 1`] = `
fail 12/18; first failure: git delivery-note: There is no delivery note delivery-notes/base-leak.yaml on main.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 3cbf04d "Revert "bump payment-api to 1.27.5 for staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.4"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.4", expected "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] fail 0/1
  message: staging changed in 1 place the task does not ask for.
  expected: only nothing changes in staging
  actual: Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.5" -> "nginx:1.27.4"
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.4", expected "nginx:1.27.5" (unchanged)
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux alternative-overlay-patch 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 4 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d58b83c "payment-api: staging keeps 1.27.5 through an overlay patch, the base is 1.27.4 again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix d58b83c "payment-api: staging keeps 1.27.5 through an overlay patch, the base is …" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix d58b83c, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux alternative-pin-in-base-kustomization 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 2d6a53e "payment-api: pin the base to the released 1.27.4; 1.27.5 only in the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 2d6a53e "payment-api: pin the base to the released 1.27.4; 1.27.5 only in the sta…" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 2d6a53e, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux alternative-revert-then-bump-staging 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6512c74 "Revert "bump payment-api to 1.27.5 for staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 6512c74 "Revert "bump payment-api to 1.27.5 for staging"" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 6512c74, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux faults 1`] = `
fail 0/18; first failure: git changes-only-in-base-and-staging: Nothing changed on the tracked branch since the scenario was handed over.
base-holds-released-image [render.field, render] fail 0/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: Every environment built on layer base starts from what it renders.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 0/3 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5". Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (base-holds-released-image, prod-renders-released-image).
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux solution 1`] = `
pass 18/18; no failure
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 3dde70a "payment-api: move the 1.27.5 bump from the base to the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/base-leak.yaml names the git boundary, fix 3dde70a "payment-api: move the 1.27.5 bump from the base to the staging overlay" and rollback revision 10f32af "payment-api: add prod environment".
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 3dde70a, rollback 10f32af
  diff: cause: "A staging-only image bump was committed to the shared base instead of the staging overlay, so every environment without its own tag, prod among them, rendered and rolled out 1.27.5."
evidence 1: "the leaking commit changed apps/payment-api/base/deployment.yaml, a file every overlay includes"
evidence 2: "kubectl kustomize apps/payment-api/overlays/prod rendered nginx:1.27.5, not the released 1.27.4"
evidence 3: "prod's Pods restarted on nginx:1.27.5 this morning"
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux wrong-fix-and-move-staging-into-prod-namespace 1`] = `
fail 15/18; first failure: git delivery-note: There is no delivery note delivery-notes/base-leak.yaml on main.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6c60ae5 "payment-api: move the 1.27.5 bump from the base to the staging overlay" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] fail 0/1
  message: staging changed in 4 places the task does not ask for.
  expected: only nothing changes in staging
  actual: Deployment/payment-api metadata.namespace: "payments-staging" -> "payments-prod"; Namespace/payments-prod: absent -> added; Namespace/payments-staging: present -> removed
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api metadata.namespace: got "payments-prod", expected "payments-staging" (unchanged)
  - Namespace/payments-prod: got added, expected absent
  - Namespace/payments-staging: got removed, expected present
  - Service/payment-api metadata.namespace: got "payments-prod", expected "payments-staging" (unchanged)
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux wrong-pin-prod-overlay 1`] = `
fail 10/18; first failure: git changes-only-in-base-and-staging: 1 changed file(s) lie outside the allowed paths.
base-holds-released-image [render.field, render] fail 0/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.5"
  why: Every environment built on layer base starts from what it renders.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: apps/payment-api/overlays/prod/kustomization.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/prod/kustomization.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: No commit message names the workload and environment it changes.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: 1bb2b38 "payment-api: pin prod to 1.27.4"
  why: Git is the audit log of a GitOps platform; a reviewer must see what changed where from the message alone.
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux wrong-reset-and-force-push 1`] = `
fail 15/18; first failure: git history-not-rewritten: 1 branch(es) moved in a way the fix should not move them.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit ab80d29 "payment-api: 1.27.5 in the staging overlay only" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] fail 0/1
  message: 1 branch(es) moved in a way the fix should not move them.
  expected: main fast-forwarded from f7176ff
  actual: branch main: rewritten: the handed-over commit f7176ff is no longer in its history (head ab80d29)
  why: The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.
  - branch main: got rewritten: the handed-over commit f7176ff is no longer in its history (head ab80d29), expected a fast-forward of f7176ff
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > offline flux wrong-revert-everything 1`] = `
fail 12/18; first failure: git delivery-note: There is no delivery note delivery-notes/base-leak.yaml on main.
base-holds-released-image [render.field, render] pass 3/3
  message: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
changes-only-in-base-and-staging [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 3cbf04d "Revert "bump payment-api to 1.27.5 for staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.4"
  actual: "nginx:1.27.4"
staging-keeps-bump [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.4"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.4", expected "nginx:1.27.5"
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
staging-render-unchanged [render.changes-within, render] fail 0/1
  message: staging changed in 1 place the task does not ask for.
  expected: only nothing changes in staging
  actual: Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.5" -> "nginx:1.27.4"
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.4", expected "nginx:1.27.5" (unchanged)
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
prod-reconciled [sync.reconciled, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
prod-runs-released-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-runs-bump [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/base-leak.yaml on main.
  expected: delivery-notes/base-leak.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > base-leak > what each check is described as 1`] = `
base-holds-released-image: layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.4"
changes-only-in-base-and-staging: changes only under apps/payment-api/base/**, apps/payment-api/overlays/staging/**, delivery-notes/**
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
prod-renders-released-image: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.4"
staging-keeps-bump: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.5"
prod-changes-only-image: prod changes only in Deployment/payment-api spec.template.spec.containers[name=payment-api].image
staging-render-unchanged: staging renders as at hand-over
dev-unchanged: dev renders byte-identical to hand-over
prod-reconciled: prod reconciled at the tracked branch's head
prod-runs-released-image: Deployment/payment-api in prod Available on nginx:1.27.4
staging-runs-bump: Deployment/payment-api in staging Available on nginx:1.27.5
delivery-note: the delivery note names the git boundary, a fix commit after hand-over (changing apps/payment-api/base/**, apps/payment-api/overlays/staging/**) and a rollback revision holding the known-good apps/payment-api/base/deployment.yaml
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd faults 1`] = `
fail 0/20; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 91974fc. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Synced at 91974fc (main)
  actual: Synced at 91974fc
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Rollout/payment-api status.currentPodHash: got 89444bc7 (stableRS 89444bc7), expected a new ReplicaSet, not the stable one: a release awaiting promotion
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 89444bc7 (the new ReplicaSet)
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-b88bba by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd solution 1`] = `
pass 20/20; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 8970812 "payment-api: staging Rollout previews through payment-api-preview again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at 8970812.
  expected: Synced at 8970812 (main)
  actual: Synced at 8970812
active-has-endpoints [live.service-endpoints, live] pass 1/1
  message: Service/payment-api has 2 ready of 2 endpoint(s).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] pass 4/4
  message: Rollout/payment-api: active Service/payment-api serves 89444bc7 (the stable ReplicaSet, 2 ready); preview Service/payment-api-preview serves 97db4f58 (the new ReplicaSet, 2 ready); awaiting promotion.
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-9681e0 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd wrong-auto-promote-in-git 1`] = `
fail 2/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: false -> true
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: got true, expected false (unchanged)
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5acf6ae "payment-api: auto-promote staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 5acf6ae. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Synced at 5acf6ae (main)
  actual: Synced at 5acf6ae
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Rollout/payment-api status.currentPodHash: got 89444bc7 (stableRS 89444bc7), expected a new ReplicaSet, not the stable one: a release awaiting promotion
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 89444bc7 (the new ReplicaSet)
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-8f57d5 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd wrong-create-the-missing-service 1`] = `
fail 3/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Service/payment-api-qa: absent -> added
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Service/payment-api-qa: got added, expected absent
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 211b7c3 "payment-api: add the payment-api-qa Service staging's Rollout needs" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 211b7c3. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Synced at 211b7c3 (main)
  actual: Synced at 211b7c3
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 97db4f58, activeSelector 89444bc7, previewSelector 97db4f58
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview endpoints: got Pods not of 97db4f58: payment-api-89444bc7-mnlnx, payment-api-89444bc7-kz4cr, expected only Pods of the new ReplicaSet
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-0c634e by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd wrong-drop-the-preview 1`] = `
fail 3/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
  expected: "payment-api-preview"
  actual: <absent>
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got <absent>, expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 61e8e68 "payment-api: staging Rollout without a preview Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 61e8e68. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Synced at 61e8e68 (main)
  actual: Synced at 61e8e68
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 4 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 97db4f58, activeSelector 89444bc7, previewSelector undefined
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got undefined, expected payment-api-preview
  - Rollout/payment-api status.blueGreen.previewSelector: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview endpoints: got Pods not of 97db4f58: payment-api-89444bc7-t85lc, payment-api-89444bc7-7nnfq, expected only Pods of the new ReplicaSet
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-f7df97 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live argocd wrong-patch-live-rollout 1`] = `
fail 0/20; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 9d98829. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Synced at 9d98829 (main)
  actual: Synced at 9d98829
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 97db4f58, activeSelector 89444bc7, previewSelector 97db4f58
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview endpoints: got Pods not of 97db4f58: payment-api-89444bc7-zzw6h, payment-api-89444bc7-lsf9c, expected only Pods of the new ReplicaSet
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-cf2f5f by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Rollout/payment-api by kwok-admin (field manager kubectl-patch)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-03T21:50:59.874863Z Rollout/payment-api: got patch by kwok-admin (field manager kubectl-patch), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux faults 1`] = `
fail 0/20; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 127e5e1 and is Ready. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Ready=True at 127e5e1 (main)
  actual: Ready=True applied 127e5e1 (source at 127e5e1)
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Rollout/payment-api status.currentPodHash: got 89444bc7 (stableRS 89444bc7), expected a new ReplicaSet, not the stable one: a release awaiting promotion
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 89444bc7 (the new ReplicaSet)
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-4c25c3 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux solution 1`] = `
pass 20/20; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 17c1d91 "payment-api: staging Rollout previews through payment-api-preview again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Flux applied 17c1d91 and is Ready.
  expected: Ready=True at 17c1d91 (main)
  actual: Ready=True applied 17c1d91 (source at 17c1d91)
active-has-endpoints [live.service-endpoints, live] pass 1/1
  message: Service/payment-api has 2 ready of 2 endpoint(s).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] pass 4/4
  message: Rollout/payment-api: active Service/payment-api serves 89444bc7 (the stable ReplicaSet, 2 ready); preview Service/payment-api-preview serves 97db4f58 (the new ReplicaSet, 2 ready); awaiting promotion.
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-dfd18a by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux wrong-auto-promote-in-git 1`] = `
fail 2/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: false -> true
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: got true, expected false (unchanged)
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 8dae8b3 "payment-api: auto-promote staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 8dae8b3 and is Ready. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Ready=True at 8dae8b3 (main)
  actual: Ready=True applied 8dae8b3 (source at 8dae8b3)
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Rollout/payment-api status.currentPodHash: got 89444bc7 (stableRS 89444bc7), expected a new ReplicaSet, not the stable one: a release awaiting promotion
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 89444bc7 (the new ReplicaSet)
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-775402 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux wrong-create-the-missing-service 1`] = `
fail 3/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Service/payment-api-qa: absent -> added
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Service/payment-api-qa: got added, expected absent
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 8453416 "payment-api: add the payment-api-qa Service staging's Rollout needs" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 8453416 and is Ready. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Ready=True at 8453416 (main)
  actual: Ready=True applied 8453416 (source at 8453416)
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 97db4f58, activeSelector 89444bc7, previewSelector 97db4f58
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview endpoints: got Pods not of 97db4f58: payment-api-89444bc7-tcnwb, payment-api-89444bc7-j4gqz, expected only Pods of the new ReplicaSet
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-6beddd by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux wrong-drop-the-preview 1`] = `
fail 3/20; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
  expected: "payment-api-preview"
  actual: <absent>
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got <absent>, expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6c8a670 "payment-api: staging Rollout without a preview Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 6c8a670 and is Ready. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Ready=True at 6c8a670 (main)
  actual: Ready=True applied 6c8a670 (source at 6c8a670)
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 4 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 97db4f58, activeSelector 89444bc7, previewSelector undefined
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got undefined, expected payment-api-preview
  - Rollout/payment-api status.blueGreen.previewSelector: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 97db4f58 (the new ReplicaSet)
  - Service/payment-api-preview endpoints: got Pods not of 97db4f58: payment-api-89444bc7-2m82v, payment-api-89444bc7-2sxsd, expected only Pods of the new ReplicaSet
staging-awaits-promotion [rollout.status, rollout] pass 1/1
  message: Rollout/payment-api is Paused.
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-284141 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > live flux wrong-patch-live-rollout 1`] = `
fail 0/20; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 8348c32 and is Ready. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  expected: Ready=True at 8348c32 (main)
  actual: Ready=True applied 8348c32 (source at 8348c32)
active-has-endpoints [live.service-endpoints, live] pass 0/1 withheld
  message: Service/payment-api has 2 ready of 2 endpoint(s). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview, preview-serves-new-active-serves-stable).
  actual: 2 ready of 2 endpoint(s)
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] fail 0/4
  message: Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 3 mismatch(es).
  expected: active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints
  actual: stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7
  why: Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got payment-api-qa, expected payment-api-preview
  - Rollout/payment-api status.currentPodHash: got 89444bc7 (stableRS 89444bc7), expected a new ReplicaSet, not the stable one: a release awaiting promotion
  - Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]: got undefined, expected 89444bc7 (the new ReplicaSet)
staging-awaits-promotion [rollout.status, rollout] fail 0/1
  message: Rollout/payment-api is Degraded, expected Paused.
  expected: Paused
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (InvalidSpec: The Rollout "payment-api" is invalid: spec.strategy.blueGreen.previewService: Invalid value: "payment-api-qa": service "payment-api-qa" not found), expected Paused
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-ce6710 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Rollout/payment-api by kwok-admin (field manager kubectl-patch)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-03T21:56:21.870418Z Rollout/payment-api: got patch by kwok-admin (field manager kubectl-patch), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd alternative-name-preview-in-patch 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit b5df36e "payment-api: staging Rollout previews through payment-api-preview (payment-api-qa does not exist)" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd alternative-revert-rename-commit 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6b7ccb6 "Revert "payment-api: staging preview for QA's new dashboard"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd faults 1`] = `
fail 0/10; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd solution 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d892a1b "payment-api: staging Rollout previews through payment-api-preview again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd wrong-auto-promote-in-git 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: false -> true
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: got true, expected false (unchanged)
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 0d5617e "payment-api: auto-promote staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd wrong-create-the-missing-service 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Service/payment-api-qa: absent -> added
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Service/payment-api-qa: got added, expected absent
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 99f2655 "payment-api: add the payment-api-qa Service staging's Rollout needs" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd wrong-drop-the-preview 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
  expected: "payment-api-preview"
  actual: <absent>
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got <absent>, expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit e8dafd1 "payment-api: staging Rollout without a preview Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline argocd wrong-patch-live-rollout 1`] = `
fail 0/10; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux alternative-name-preview-in-patch 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit b5df36e "payment-api: staging Rollout previews through payment-api-preview (payment-api-qa does not exist)" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux alternative-revert-rename-commit 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 6b7ccb6 "Revert "payment-api: staging preview for QA's new dashboard"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux faults 1`] = `
fail 0/10; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux solution 1`] = `
pass 10/10; no failure
rollout-previews-through-payment-api-preview [render.field, render] pass 3/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-preview".
  expected: "payment-api-preview"
  actual: "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 1/1
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api".
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d892a1b "payment-api: staging Rollout previews through payment-api-preview again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux wrong-auto-promote-in-git 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: false -> true
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Rollout/payment-api spec.strategy.blueGreen.autoPromotionEnabled: got true, expected false (unchanged)
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 0d5617e "payment-api: auto-promote staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux wrong-create-the-missing-service 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Rollout/payment-api spec.strategy.blueGreen.previewService changes in staging
  actual: Service/payment-api-qa: absent -> added
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Service/payment-api-qa: got added, expected absent
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 99f2655 "payment-api: add the payment-api-qa Service staging's Rollout needs" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux wrong-drop-the-preview 1`] = `
fail 2/10; first failure: render rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is <absent>.
  expected: "payment-api-preview"
  actual: <absent>
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got <absent>, expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] pass 1/1
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit e8dafd1 "payment-api: staging Rollout without a preview Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > offline flux wrong-patch-live-rollout 1`] = `
fail 0/10; first failure: git staging-overlay-only: Nothing changed on the tracked branch since the scenario was handed over.
rollout-previews-through-payment-api-preview [render.field, render] fail 0/3
  message: staging Rollout/payment-api spec.strategy.blueGreen.previewService is "payment-api-qa".
  expected: "payment-api-preview"
  actual: "payment-api-qa"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.strategy.blueGreen.previewService: got "payment-api-qa", expected "payment-api-preview"
rollout-keeps-its-active-service [render.field, render] pass 0/1 withheld
  message: staging Rollout/payment-api spec.strategy.blueGreen.activeService is "payment-api". Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
  expected: "payment-api"
  actual: "payment-api"
only-the-preview-reference-changed [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Rollout/payment-api spec.strategy.blueGreen.previewService). Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-overlay-only [git.changed-within, git] fail 0/1
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (rollout-previews-through-payment-api-preview).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
active-has-endpoints [live.service-endpoints, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
preview-serves-new-active-serves-stable [rollout.blue-green, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-awaits-promotion [rollout.status, rollout] skipped 0/1
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bluegreen-preview-renamed > what each check is described as 1`] = `
rollout-previews-through-payment-api-preview: staging Rollout/payment-api spec.strategy.blueGreen.previewService = "payment-api-preview"
rollout-keeps-its-active-service: staging Rollout/payment-api spec.strategy.blueGreen.activeService = "payment-api"
only-the-preview-reference-changed: staging changes only in Rollout/payment-api spec.strategy.blueGreen.previewService
staging-overlay-only: changes only under apps/payment-api/overlays/staging/**
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-intact: tracked branch fast-forwarded, not rewritten
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
staging-reconciled: staging reconciled at the tracked branch's head
active-has-endpoints: Service/payment-api in staging has ≥2 ready endpoint(s)
preview-serves-new-active-serves-stable: Rollout/payment-api in staging: the active Service payment-api serves the stable ReplicaSet, the preview Service payment-api-preview the new one, awaiting promotion
staging-awaits-promotion: Rollout/payment-api in staging is Paused
staging-changed-through-git: nobody changed Service, Rollout, ReplicaSet, Pod in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline argocd faults 1`] = `
fail 0/11; first failure: git staging-registered: No argocd registration for staging under platform/clusters/staging/argocd/.
staging-registered [git.registration, git] fail 0/5
  message: No argocd registration for staging under platform/clusters/staging/argocd/.
  expected: an Argo CD Application under platform/clusters/staging/argocd/
  actual: none
  why: Until a registration in Git points the controller at the overlay, nothing reconciles this environment.
registration-only [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline argocd solution 1`] = `
pass 11/11; no failure
staging-registered [git.registration, git] pass 5/5
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
registration-only [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
apps-untouched [git.unchanged, git] pass 2/2
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5adf578 "payment-api: register the staging environment" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline argocd wrong-kubectl-apply-render 1`] = `
fail 0/11; first failure: git staging-registered: No argocd registration for staging under platform/clusters/staging/argocd/.
staging-registered [git.registration, git] fail 0/5
  message: No argocd registration for staging under platform/clusters/staging/argocd/.
  expected: an Argo CD Application under platform/clusters/staging/argocd/
  actual: none
  why: Until a registration in Git points the controller at the overlay, nothing reconciles this environment.
registration-only [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline flux faults 1`] = `
fail 0/11; first failure: git staging-registered: No flux registration for staging under platform/clusters/staging/flux/.
staging-registered [git.registration, git] fail 0/5
  message: No flux registration for staging under platform/clusters/staging/flux/.
  expected: a Flux Kustomization (with its GitRepository) under platform/clusters/staging/flux/
  actual: none
  why: Until a registration in Git points the controller at the overlay, nothing reconciles this environment.
registration-only [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline flux solution 1`] = `
pass 11/11; no failure
staging-registered [git.registration, git] pass 5/5
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
registration-only [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
apps-untouched [git.unchanged, git] pass 2/2
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5adf578 "payment-api: register the staging environment" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > offline flux wrong-kubectl-apply-render 1`] = `
fail 0/11; first failure: git staging-registered: No flux registration for staging under platform/clusters/staging/flux/.
staging-registered [git.registration, git] fail 0/5
  message: No flux registration for staging under platform/clusters/staging/flux/.
  expected: a Flux Kustomization (with its GitRepository) under platform/clusters/staging/flux/
  actual: none
  why: Until a registration in Git points the controller at the overlay, nothing reconciles this environment.
registration-only [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-registered).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > bootstrap-staging > what each check is described as 1`] = `
staging-registered: staging registration exists with path={overlay}, revision=main, automated=true, targetsEnvironmentNamespace=true
registration-only: changes only under platform/clusters/staging/**
apps-untouched: apps/** untouched
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-reconciled: staging reconciled at the tracked branch's head
staging-available: Deployment/payment-api in staging Available
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live argocd faults 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 91fe8e1. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Synced at 91fe8e1 (main)
  actual: Synced at 91fe8e1
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Degraded, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)), expected Healthy
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
  - Rollout/payment-api status.stableRS: got 89444bc7, expected 7fbdcfd7c7 (currentPodHash: fully promoted)
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-04372f by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live argocd solution 1`] = `
pass 17/17; no failure
staging-renders-stable-image [render.field, render] pass 4/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 2fa50de "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at 2fa50de.
  expected: Synced at 2fa50de (main)
  actual: Synced at 2fa50de
staging-rollout-healthy-on-stable [rollout.status, rollout] pass 4/4
  message: Rollout/payment-api is Healthy on nginx:1.27.5.
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-ec8ee6 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live argocd wrong-abort-only 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 04621b1. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Synced at 04621b1 (main)
  actual: Synced at 04621b1
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Degraded, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)), expected Healthy
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
  - Rollout/payment-api status.stableRS: got 89444bc7, expected 7fbdcfd7c7 (currentPodHash: fully promoted)
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-893ed5 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live argocd wrong-delete-replicasets-by-hand 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at d0821bb. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Synced at d0821bb (main)
  actual: Synced at d0821bb
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Healthy, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Healthy
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 2 change(s) were made to payments-staging-218be9 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: delete ReplicaSet/payment-api-7fbdcfd7c7 by kwok-admin; delete ReplicaSet/payment-api-89444bc7 by kwok-admin
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-02T04:47:34.867874Z ReplicaSet/payment-api-7fbdcfd7c7: got delete by kwok-admin, expected no manual change
  - 2026-12-02T04:47:34.947177Z ReplicaSet/payment-api-89444bc7: got delete by kwok-admin, expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live flux faults 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 120fa85 and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Ready=True at 120fa85 (main)
  actual: Ready=True applied 120fa85 (source at 120fa85)
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Degraded, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)), expected Healthy
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
  - Rollout/payment-api status.stableRS: got 89444bc7, expected 7fbdcfd7c7 (currentPodHash: fully promoted)
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-9ea300 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live flux solution 1`] = `
pass 17/17; no failure
staging-renders-stable-image [render.field, render] pass 4/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 55b14c9 "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Flux applied 55b14c9 and is Ready.
  expected: Ready=True at 55b14c9 (main)
  actual: Ready=True applied 55b14c9 (source at 55b14c9)
staging-rollout-healthy-on-stable [rollout.status, rollout] pass 4/4
  message: Rollout/payment-api is Healthy on nginx:1.27.5.
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-1d82df by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live flux wrong-abort-only 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied a28fdda and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Ready=True at a28fdda (main)
  actual: Ready=True applied a28fdda (source at a28fdda)
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Degraded, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Degraded
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api status.phase: got Degraded (RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)), expected Healthy
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
  - Rollout/payment-api status.stableRS: got 89444bc7, expected 7fbdcfd7c7 (currentPodHash: fully promoted)
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-a75043 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > live flux wrong-delete-replicasets-by-hand 1`] = `
fail 0/17; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied cf0497e and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image, staging-rollout-healthy-on-stable).
  expected: Ready=True at cf0497e (main)
  actual: Ready=True applied cf0497e (source at cf0497e)
staging-rollout-healthy-on-stable [rollout.status, rollout] fail 0/4
  message: Rollout/payment-api is Healthy, expected Healthy on nginx:1.27.5.
  expected: Healthy
  actual: Healthy
  why: Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.
  - Rollout/payment-api spec image: got nginx:1.27.9, expected nginx:1.27.5
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 2 change(s) were made to payments-staging-d2a522 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: delete ReplicaSet/payment-api-7fbdcfd7c7 by kwok-admin; delete ReplicaSet/payment-api-89444bc7 by kwok-admin
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-02T04:49:01.652781Z ReplicaSet/payment-api-7fbdcfd7c7: got delete by kwok-admin, expected no manual change
  - 2026-12-02T04:49:01.753417Z ReplicaSet/payment-api-89444bc7: got delete by kwok-admin, expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline argocd faults 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline argocd solution 1`] = `
pass 9/9; no failure
staging-renders-stable-image [render.field, render] pass 4/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 88895ea "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline argocd wrong-abort-only 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline argocd wrong-delete-replicasets-by-hand 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline flux faults 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline flux solution 1`] = `
pass 9/9; no failure
staging-renders-stable-image [render.field, render] pass 4/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
history-intact [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 88895ea "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline flux wrong-abort-only 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > offline flux wrong-delete-replicasets-by-hand 1`] = `
fail 0/9; first failure: git revert-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-stable-image [render.field, render] fail 0/4
  message: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Rollout/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
revert-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-intact [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-stable-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-rollout-healthy-on-stable [rollout.status, rollout] skipped 0/4
  message: Needs a cluster: the rollout boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > canary-failed-analysis > what each check is described as 1`] = `
staging-renders-stable-image: staging Rollout/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.5"
revert-in-staging-overlay: changes only under apps/payment-api/overlays/staging/**
history-intact: tracked branch fast-forwarded, not rewritten
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
staging-reconciled: staging reconciled at the tracked branch's head
staging-rollout-healthy-on-stable: Rollout/payment-api in staging is Healthy on nginx:1.27.5
staging-changed-through-git: nobody changed ReplicaSet, Pod, Service in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline argocd faults 1`] = `
fail 0/8; first failure: git fix-under-platform: Nothing changed on the tracked branch since the scenario was handed over.
fix-under-platform [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-keeps-project [git.yaml-field, git] pass 0/2 withheld
  message: platform/clusters/staging/argocd/payment-api.yaml spec.project is "payments". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: anything but "default"
  actual: "payments"
apps-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
staging-renders-promoted-image [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline argocd solution 1`] = `
pass 8/8; no failure
fix-under-platform [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
staging-keeps-project [git.yaml-field, git] pass 2/2
  message: platform/clusters/staging/argocd/payment-api.yaml spec.project is "payments".
  expected: anything but "default"
  actual: "payments"
apps-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit a6ce441 "payment-api: allow the staging deployer to deploy into staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-promoted-image [render.field, render] pass 1/1
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline argocd wrong-apply-by-hand 1`] = `
fail 0/8; first failure: git fix-under-platform: Nothing changed on the tracked branch since the scenario was handed over.
fix-under-platform [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-keeps-project [git.yaml-field, git] pass 0/2 withheld
  message: platform/clusters/staging/argocd/payment-api.yaml spec.project is "payments". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: anything but "default"
  actual: "payments"
apps-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
staging-renders-promoted-image [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline argocd wrong-back-to-default-project 1`] = `
fail 6/8; first failure: git staging-keeps-project: platform/clusters/staging/argocd/payment-api.yaml spec.project is "default".
fix-under-platform [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
staging-keeps-project [git.yaml-field, git] fail 0/2
  message: platform/clusters/staging/argocd/payment-api.yaml spec.project is "default".
  expected: anything but "default"
  actual: "default"
  why: Each layer owns its own values: the base holds what every environment shares, an overlay what only it needs.
  - platform/clusters/staging/argocd/payment-api.yaml spec.project: got "default", expected anything but "default"
apps-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 22d1226 "payment-api: staging back to the default project" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-promoted-image [render.field, render] pass 1/1
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline flux faults 1`] = `
fail 0/6; first failure: git fix-under-platform: Nothing changed on the tracked branch since the scenario was handed over.
fix-under-platform [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
staging-renders-promoted-image [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline flux solution 1`] = `
pass 6/6; no failure
fix-under-platform [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
apps-untouched [git.unchanged, git] pass 1/1
  message: apps/** is untouched.
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit a6ce441 "payment-api: allow the staging deployer to deploy into staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-promoted-image [render.field, render] pass 1/1
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > offline flux wrong-apply-by-hand 1`] = `
fail 0/6; first failure: git fix-under-platform: Nothing changed on the tracked branch since the scenario was handed over.
fix-under-platform [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
apps-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/** is untouched. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: apps/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
staging-renders-promoted-image [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (fix-under-platform).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-no-errors [sync.no-errors, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > destination-denied > what each check is described as 1`] = `
fix-under-platform: changes only under platform/clusters/staging/**
staging-keeps-project: platform/clusters/staging/argocd/payment-api.yaml spec.project != "default"
apps-untouched: apps/** untouched
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-renders-promoted-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.6"
staging-no-errors: staging reconciles without controller errors
staging-reconciled: staging reconciled at the tracked branch's head
staging-runs-promoted-image: Deployment/payment-api in staging Available on nginx:1.27.6
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live argocd faults 1`] = `
fail 0/23; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
staging-reconciled [sync.reconciled, sync] fail 0/3
  message: Argo CD reports OutOfSync at af049e7, not the head of main.
  expected: Synced at af049e7 (main)
  actual: OutOfSync at af049e7
  why: Desired and live state differ: the controller has not applied the change.
  - status.sync.status: got OutOfSync, expected Synced
staging-matches-git [live.matches-render, live] fail 0/3
  message: Live Deployment/payment-api drifts from Git at spec.replicas.
  expected: Deployment/payment-api spec.replicas=3
  actual: Deployment/payment-api spec.replicas=5
  why: Live state that differs from Git is drift: the next sync reverts it, or worse, nobody knows which is true.
  - Deployment/payment-api spec.replicas: got 5, expected 3
staging-runs-five [health.available, health] pass 0/3 withheld
  message: Deployment/payment-api is Available with 5/5 ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] pass 0/3 withheld
  message: In payments-staging-03b74f, Deployment/payment-api stayed at 5 or more replicas (0 write(s) after hand-over) (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
staging-changed-through-git [live.fixed-through-git, live] pass 0/1 withheld
  message: No one changed payments-staging-03b74f by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live argocd solution 1`] = `
pass 23/23; no failure
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit ed2d027 "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Argo CD is Synced at ed2d027.
  expected: Synced at ed2d027 (main)
  actual: Synced at ed2d027
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 5/5 ready.
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] pass 3/3
  message: In payments-staging-5df5d3, Deployment/payment-api stayed at 5 or more replicas (0 write(s) after hand-over) (kube-apiserver audit log (authenticated users)).
staging-changed-through-git [live.fixed-through-git, live] pass 1/1
  message: No one changed payments-staging-5df5d3 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live argocd wrong-dip-to-three-between-pushes 1`] = `
fail 19/23; first failure: live staging-never-below-five: A bound was broken in payments-staging-ff1d83 after hand-over: 2026-12-02T04:56:58.633065Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch).
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 48bab4f "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Argo CD is Synced at 7c70120.
  expected: Synced at 7c70120 (main)
  actual: Synced at 7c70120
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 5/5 ready.
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] fail 0/3
  message: A bound was broken in payments-staging-ff1d83 after hand-over: 2026-12-02T04:56:58.633065Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch).
  expected: Deployment/payment-api never below 5 replicas
  actual: 2026-12-02T04:56:58.633065Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch)
  why: A grade taken at the end sees only the end: a bound the task sets for the whole time (a load test that needs its replicas, an environment nobody may touch) is broken by any moment it does not hold, even if the end looks right.
  - 2026-12-02T04:56:58.633065Z Deployment/payment-api spec.replicas: got 3 (patch by kwok-admin (field manager kubectl-scale)), expected at least 5
staging-changed-through-git [live.fixed-through-git, live] fail 0/1
  message: 2 change(s) were made to payments-staging-ff1d83 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Deployment/payment-api by kwok-admin (field manager kubectl-scale); patch Deployment/payment-api by kwok-admin (field manager kubectl-scale)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-02T04:56:58.633065Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-scale), expected no manual change
  - 2026-12-02T04:56:59.109297Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-scale), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live argocd wrong-sync-back-to-three 1`] = `
fail 10/23; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Argo CD is Synced at 16be16e.
  expected: Synced at 16be16e (main)
  actual: Synced at 16be16e
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 3/5 ready.
  expected: Available=True, 5/5 ready
  actual: Available=True, 3/5 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Deployment/payment-api readyReplicas: got 3, expected 5
staging-never-below-five [live.bounds-held, live] fail 0/3
  message: A bound was broken in payments-staging-0b1f47 after hand-over: 2026-12-02T04:56:40.941162Z: system:serviceaccount:argocd:argocd-application-controller (field manager argocd-controller, agent argocd/v0.0.0) set 3 replica(s) (patch); 2026-12-02T04:56:44.593Z: Deployment/payment-api has 3 replica(s) at grading.
  expected: Deployment/payment-api never below 5 replicas
  actual: 2026-12-02T04:56:40.941162Z: system:serviceaccount:argocd:argocd-application-controller (field manager argocd-controller, agent argocd/v0.0.0) set 3 replica(s) (patch); 2026-12-02T04:56:44.593Z: Deployment/payment-api has 3 replica(s) at grading
  why: A grade taken at the end sees only the end: a bound the task sets for the whole time (a load test that needs its replicas, an environment nobody may touch) is broken by any moment it does not hold, even if the end looks right.
  - 2026-12-02T04:56:40.941162Z Deployment/payment-api spec.replicas: got 3 (patch by system:serviceaccount:argocd:argocd-application-controller (field manager argocd-controller, agent argocd/v0.0.0)), expected at least 5
  - 2026-12-02T04:56:44.593Z Deployment/payment-api spec.replicas: got 3, expected at least 5
staging-changed-through-git [live.fixed-through-git, live] pass 1/1
  message: No one changed payments-staging-0b1f47 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live flux faults 1`] = `
fail 0/25; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-reconciling [git.registration, git] fail 0/2
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: suspended=false
  actual: suspended=true
  why: A suspended registration reconciles nothing, not even a fix in Git: the controller holds what it last applied.
  - suspended: got true, expected false
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
staging-reconciled [sync.reconciled, sync] pass 0/3 withheld
  message: Flux applied 10edfa7 and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
  expected: Ready=True at 10edfa7 (main)
  actual: Ready=True applied 10edfa7 (source at 10edfa7)
staging-matches-git [live.matches-render, live] fail 0/3
  message: Live Deployment/payment-api drifts from Git at spec.replicas.
  expected: Deployment/payment-api spec.replicas=3
  actual: Deployment/payment-api spec.replicas=5
  why: Live state that differs from Git is drift: the next sync reverts it, or worse, nobody knows which is true.
  - Deployment/payment-api spec.replicas: got 5, expected 3
staging-runs-five [health.available, health] pass 0/3 withheld
  message: Deployment/payment-api is Available with 5/5 ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] pass 0/3 withheld
  message: In payments-staging-f9ff82, Deployment/payment-api stayed at 5 or more replicas (0 write(s) after hand-over) (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
staging-changed-through-git [live.fixed-through-git, live] pass 0/1 withheld
  message: No one changed payments-staging-f9ff82 by hand after hand-over (kube-apiserver audit log (authenticated users)). Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas, staging-matches-git).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live flux solution 1`] = `
pass 25/25; no failure
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling [git.registration, git] pass 2/2
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 4ddbc5a "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Flux applied 4ddbc5a and is Ready.
  expected: Ready=True at 4ddbc5a (main)
  actual: Ready=True applied 4ddbc5a (source at 4ddbc5a)
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 5/5 ready.
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] pass 3/3
  message: In payments-staging-669f50, Deployment/payment-api stayed at 5 or more replicas (2 write(s) after hand-over, replicas 5) (kube-apiserver audit log (authenticated users)).
staging-changed-through-git [live.fixed-through-git, live] pass 1/1
  message: No one changed payments-staging-669f50 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live flux wrong-dip-to-three-between-pushes 1`] = `
fail 21/25; first failure: live staging-never-below-five: A bound was broken in payments-staging-797801 after hand-over: 2026-12-02T05:04:13.469898Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch).
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling [git.registration, git] pass 2/2
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 4e7ff21 "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Flux applied 428cc80 and is Ready.
  expected: Ready=True at 428cc80 (main)
  actual: Ready=True applied 428cc80 (source at 428cc80)
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 5/5 ready.
  actual: Available=True, 5/5 ready
staging-never-below-five [live.bounds-held, live] fail 0/3
  message: A bound was broken in payments-staging-797801 after hand-over: 2026-12-02T05:04:13.469898Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch).
  expected: Deployment/payment-api never below 5 replicas
  actual: 2026-12-02T05:04:13.469898Z: kwok-admin (field manager kubectl-scale) set 3 replica(s) (patch)
  why: A grade taken at the end sees only the end: a bound the task sets for the whole time (a load test that needs its replicas, an environment nobody may touch) is broken by any moment it does not hold, even if the end looks right.
  - 2026-12-02T05:04:13.469898Z Deployment/payment-api spec.replicas: got 3 (patch by kwok-admin (field manager kubectl-scale)), expected at least 5
staging-changed-through-git [live.fixed-through-git, live] fail 0/1
  message: 2 change(s) were made to payments-staging-797801 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Deployment/payment-api by kwok-admin (field manager kubectl-scale); patch Deployment/payment-api by kwok-admin (field manager kubectl-scale)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-12-02T05:04:13.469898Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-scale), expected no manual change
  - 2026-12-02T05:04:14.023813Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-scale), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > live flux wrong-resume-without-accepting 1`] = `
fail 15/25; first failure: render staging-renders-five-replicas: staging Deployment/payment-api spec.replicas is 3.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling [git.registration, git] pass 2/2
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 2339703 "payment-api: resume staging reconciliation" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 3/3
  message: Flux applied 2339703 and is Ready.
  expected: Ready=True at 2339703 (main)
  actual: Ready=True applied 2339703 (source at 2339703)
staging-matches-git [live.matches-render, live] pass 3/3
  message: Live Deployment/payment-api matches Git at spec.replicas.
staging-runs-five [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 3/5 ready.
  expected: Available=True, 5/5 ready
  actual: Available=True, 3/5 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Deployment/payment-api readyReplicas: got 3, expected 5
staging-never-below-five [live.bounds-held, live] fail 0/3
  message: A bound was broken in payments-staging-f15713 after hand-over: 2026-12-02T05:03:31.802223Z: system:serviceaccount:flux-system:kustomize-controller (field manager kustomize-controller, agent kustomize-controller/v0.0.0) set 3 replica(s) (patch); 2026-12-02T05:03:42.239Z: Deployment/payment-api has 3 replica(s) at grading.
  expected: Deployment/payment-api never below 5 replicas
  actual: 2026-12-02T05:03:31.802223Z: system:serviceaccount:flux-system:kustomize-controller (field manager kustomize-controller, agent kustomize-controller/v0.0.0) set 3 replica(s) (patch); 2026-12-02T05:03:42.239Z: Deployment/payment-api has 3 replica(s) at grading
  why: A grade taken at the end sees only the end: a bound the task sets for the whole time (a load test that needs its replicas, an environment nobody may touch) is broken by any moment it does not hold, even if the end looks right.
  - 2026-12-02T05:03:31.802223Z Deployment/payment-api spec.replicas: got 3 (patch by system:serviceaccount:flux-system:kustomize-controller (field manager kustomize-controller, agent kustomize-controller/v0.0.0)), expected at least 5
  - 2026-12-02T05:03:42.239Z Deployment/payment-api spec.replicas: got 3, expected at least 5
staging-changed-through-git [live.fixed-through-git, live] pass 1/1
  message: No one changed payments-staging-f15713 by hand after hand-over (kube-apiserver audit log (authenticated users)).
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline argocd faults 1`] = `
fail 0/10; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline argocd solution 1`] = `
pass 10/10; no failure
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 1651577 "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline argocd wrong-sync-back-to-three 1`] = `
fail 0/10; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline flux faults 1`] = `
fail 0/12; first failure: git fix-in-staging: Nothing changed on the tracked branch since the scenario was handed over.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-reconciling [git.registration, git] fail 0/2
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: suspended=false
  actual: suspended=true
  why: A suspended registration reconciles nothing, not even a fix in Git: the controller holds what it last applied.
  - suspended: got true, expected false
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline flux solution 1`] = `
pass 12/12; no failure
staging-renders-five-replicas [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.replicas is 5.
  expected: 5
  actual: 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling [git.registration, git] pass 2/2
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
base-untouched [git.unchanged, git] pass 1/1
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 1651577 "payment-api: run 5 replicas in staging for the LT-88 load test" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > offline flux wrong-resume-without-accepting 1`] = `
fail 5/12; first failure: render staging-renders-five-replicas: staging Deployment/payment-api spec.replicas is 3.
staging-renders-five-replicas [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.replicas is 3.
  expected: 5
  actual: 3
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 3, expected 5
fix-in-staging [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling [git.registration, git] pass 2/2
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
base-untouched [git.unchanged, git] pass 0/1 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
  expected: apps/payment-api/base/** unchanged since hand-over
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 12c1109 "payment-api: resume staging reconciliation" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-five-replicas).
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-five [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-never-below-five [live.bounds-held, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-accept > what each check is described as 1`] = `
staging-renders-five-replicas: staging Deployment/payment-api spec.replicas = 5
fix-in-staging: changes only under apps/payment-api/overlays/staging/**, platform/clusters/staging/**
staging-reconciling: staging registration exists with automated=true
base-untouched: apps/payment-api/base/** untouched
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-reconciled: staging reconciled at the tracked branch's head
staging-matches-git: live Deployment/payment-api in staging equals the render at spec.replicas
staging-runs-five: Deployment/payment-api in staging Available with 5 ready
staging-never-below-five: in staging, after hand-over: Deployment/payment-api never below 5 replicas
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > drift-revert > offline argocd faults 1`] = `
fail 0/5; no failure
git-unchanged [git.unchanged, git] pass 0/2 withheld
  message: apps/**, platform/** is untouched. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: apps/**, platform/** unchanged since hand-over
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
staging-renders-approved-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5". Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-approved-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-revert > offline argocd solution 1`] = `
fail 0/5; no failure
git-unchanged [git.unchanged, git] pass 0/2 withheld
  message: apps/**, platform/** is untouched. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: apps/**, platform/** unchanged since hand-over
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
staging-renders-approved-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5". Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-approved-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-revert > offline argocd wrong-commit-unapproved-tag 1`] = `
fail 0/5; first failure: git git-unchanged: 1 file(s) under apps/**, platform/** changed.
git-unchanged [git.unchanged, git] fail 0/2
  message: 1 file(s) under apps/**, platform/** changed.
  expected: apps/**, platform/** unchanged since hand-over
  actual: modified apps/payment-api/overlays/staging/kustomization.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/overlays/staging/kustomization.yaml: got modified, expected unchanged
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
staging-renders-approved-image [render.field, render] fail 0/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.7".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.7"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.7", expected "nginx:1.27.5"
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-approved-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-revert > offline argocd wrong-kubectl-set-image-back 1`] = `
fail 0/5; no failure
git-unchanged [git.unchanged, git] pass 0/2 withheld
  message: apps/**, platform/** is untouched. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: apps/**, platform/** unchanged since hand-over
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
staging-renders-approved-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5". Not scored yet: guards earn their weight once the task has made progress (none is graded in this scope: the task is graded on a cluster).
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-matches-git [live.matches-render, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-runs-approved-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > drift-revert > what each check is described as 1`] = `
git-unchanged: apps/**, platform/** untouched
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-renders-approved-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.5"
staging-reconciled: staging reconciled at the tracked branch's head
staging-matches-git: live Deployment/payment-api in staging equals the render at spec.template.spec.containers[name=payment-api].image
staging-runs-approved-image: Deployment/payment-api in staging Available on nginx:1.27.5
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > every grader: name, boundary and summary > must match snapshot 1`] = `
git.changed-within (git): Every file the learner changed lies inside an allowed set of paths, and something changed.
git.unchanged (git): Files under the given paths are byte-for-byte as they were at hand-over (e.g. the shared base).
git.history-intact (git): The tracked branch was extended, not rewritten, and the named branches were left alone.
git.commit-message (git): A commit after hand-over has a message that names each given word (workload, environment).
git.registration (git): The environment's controller registration in Git exists and points at the right path and revision.
git.yaml-field (git): A field of a YAML file on the tracked branch has the expected value (the right layer holds the change).
git.reverted (git): A commit after hand-over reverts the commit with the given subject (as \`git revert\` writes it): it changes files (exactly the listed ones, if given), is not reapplied later, and the tracked branch still holds the handed-over history.
git.delivery-note (git): The learner's delivery note (\`delivery-notes/<scenario>.yaml\`) parses and agrees with the evidence: \`boundary\` is where the incident first failed at hand-over, \`fixCommit\` is a commit of theirs after hand-over that changes more than the note (a file under \`fixIn\`, if given), \`rollbackRevision\` is a commit before it that holds the known-good content of the named paths (and, with \`restored\`, what the head holds); \`cause\` and \`evidence\` are free text, shown to the instructor, unscored.
git.applicationset-generates (git): Argo CD: the ApplicationSets in Git (in the environments' registration directory) generate an Application for each environment named, at its overlay; with onlyEnvironments, none for a directory that is not an environment.
render.succeeds (render): kustomize renders every listed environment (all, by default) without an error.
render.field (render): A field of one object in one environment's (or one layer's) render has the expected value (\`equals\`, \`notEquals\`, \`oneOf\`) or is present or absent (\`exists\`). The object is named by \`name\`, or found by \`namePrefix\` (a configMapGenerator's hash-suffixed ConfigMap) or a matchLabels \`selector\` (\`key=value,...\`); exactly one object must match, and the finding names the one judged.
render.unchanged (render): Other environments' renders are byte-for-byte what they were at hand-over.
render.changes-within (render): Between the hand-over render and the learner's, an environment changed only in the allowed fields.
render.selector-matches (render): A Service's selector matches the Pod template labels of a workload in the same render.
render.object (render): An object is present in (or absent from) one environment's render: named by \`name\`, or found by \`namePrefix\` or a matchLabels \`selector\` (\`key=value,...\`), where present means at least one match (the finding names them) and absent none.
render.probe-port (render): Every container's readiness probe targets a port the container declares (by number or by name).
sync.reconciled (sync): The controller reports the tracked branch's head as reconciled (Argo CD Synced at it; Flux applied it, Ready=True, or for a HelmRelease released the chart built from it), and the run's root did not refuse its registration folder.
sync.no-errors (sync): The controller reports no error for the environment, at its root (which applies the registration folder) or its registration (Argo CD error conditions and failed operations; Flux Ready=False, of a HelmRelease and its HelmChart too).
sync.generated-by (sync): Argo CD: the environment's Application is generated by an ApplicationSet (its controlling ownerReference, as the cluster holds it), not written out next to it or applied by hand.
live.matches-render (live): A live object equals the render for the fields Git owns (image, replicas, selector, ...): no drift.
live.service-endpoints (live): A live Service has ready endpoints in its EndpointSlices.
live.absent (live): An object removed from Git is gone from the cluster too (pruned).
live.fixed-through-git (live): No person changed the environment's objects in the cluster after hand-over: the fix went through Git.
live.bounds-held (live): Bounds the task sets for the whole time held at every change after hand-over, not only at the end: a minimum replica count, an environment nobody touches, a Service never without ready endpoints for long.
live.field (live): A field of one live object in the environment's namespace, as collected at grading, has the expected value (\`equals\`, \`notEquals\`, \`oneOf\`) or is present or absent (\`exists\`): status fields included, whatever Git says. The object is named by \`name\`, or found by \`namePrefix\` or a matchLabels \`selector\` (\`key=value,...\`); exactly one live object must match, and the finding names the one judged.
health.available (health): A Deployment is Available with all desired replicas ready, optionally running an expected image.
rollout.status (rollout): An Argo Rollout is in the expected phase, optionally fully promoted to an expected image (stable == current).
rollout.blue-green (rollout): A blue-green Rollout's Services serve the right ReplicaSets: the active Service the stable one, the preview Service the new one (awaiting promotion) or the stable one (fully promoted), each with ready endpoints that are Pods of that ReplicaSet.
`

exports[`test/graders/recorded.test.ts > TAP > flux-bad-path > offline flux faults 1`] = `
fail 0/11; first failure: git staging-path-points-at-overlay: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
staging-path-points-at-overlay [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: path="apps/payment-api/overlays/staging"
  actual: path="apps/payment-api/overlays/stagign"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - path: got "apps/payment-api/overlays/stagign", expected "apps/payment-api/overlays/staging"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
every-environment-renders [render.succeeds, render] pass 0/2 withheld
  message: dev, staging, prod render cleanly. Not scored yet: guards earn their weight once the task has made progress (staging-path-points-at-overlay).
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-path-points-at-overlay).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-path-points-at-overlay).
staging-no-errors [sync.no-errors, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > flux-bad-path > offline flux solution 1`] = `
pass 11/11; no failure
staging-path-points-at-overlay [git.registration, git] pass 4/4
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
every-environment-renders [render.succeeds, render] pass 2/2
  message: dev, staging, prod render cleanly.
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit e74d5ea "payment-api: fix the staging Kustomization path (stagign -> staging)" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-no-errors [sync.no-errors, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > flux-bad-path > offline flux wrong-rename-overlay-to-typo 1`] = `
fail 1/11; first failure: git staging-path-points-at-overlay: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
staging-path-points-at-overlay [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: path="apps/payment-api/overlays/staging"
  actual: path="apps/payment-api/overlays/stagign"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - path: got "apps/payment-api/overlays/stagign", expected "apps/payment-api/overlays/staging"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: 2 changed file(s) lie outside the allowed paths.
  expected: changes only under platform/clusters/staging/**
  actual: apps/payment-api/overlays/stagign/kustomization.yaml, apps/payment-api/overlays/stagign/namespace.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/staging/kustomization.yaml -> apps/payment-api/overlays/stagign/kustomization.yaml: got renamed, expected unchanged
  - apps/payment-api/overlays/staging/namespace.yaml -> apps/payment-api/overlays/stagign/namespace.yaml: got renamed, expected unchanged
every-environment-renders [render.succeeds, render] fail 0/2
  message: staging no longer renders.
  expected: kustomize build succeeds
  actual: apps/payment-api/overlays/staging: no such directory in the repository
  why: A controller cannot apply what it cannot render; the sync stops at the render boundary.
  - apps/payment-api/overlays/staging: got apps/payment-api/overlays/staging: no such directory in the repository, expected renders
staging-render-unchanged [render.changes-within, render] fail 0/1
  message: staging does not render, so what changed cannot be bounded.
  expected: a render that differs only in the allowed fields
  actual: render error: apps/payment-api/overlays/staging: no such directory in the repository
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit dceba3b "payment-api: move staging overlay to where Flux looks for it" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-path-points-at-overlay).
staging-no-errors [sync.no-errors, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-reconciled [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > flux-bad-path > what each check is described as 1`] = `
staging-path-points-at-overlay: staging registration exists with path={overlay}, targetsEnvironmentNamespace=true
fix-in-staging-registration: changes only under platform/clusters/staging/**
every-environment-renders: every environment renders
staging-render-unchanged: staging renders as at hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-no-errors: staging reconciles without controller errors
staging-reconciled: staging reconciled at the tracked branch's head
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd alternative-pin-prod-explicitly 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 9aad56c "payment-api: 1.27.6 to staging; prod stays on 1.27.5 until its release" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd alternative-revert-then-promote 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 997d45a "Revert "payment-api: promote 1.27.6 to staging" (it went into prod's values)" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd faults 1`] = `
fail 0/16; first failure: git only-values-files-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
chart-and-defaults-untouched [git.unchanged, git] pass 0/2 withheld
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-registration-reads-its-values [git.registration, git] pass 0/1 withheld
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd solution 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 36ac80f "payment-api: promote 1.27.6 to staging in values-staging.yaml, not production's" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd wrong-hardcode-in-template 1`] = `
fail 8/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/templates/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/templates/deployment.yaml: got modified, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml changed.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
  actual: modified charts/payment-api/templates/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - charts/payment-api/templates/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d43e51d "payment-api: pin 1.27.6 for staging in the chart" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] fail 0/1
  message: The change leaks into dev.
  expected: dev unchanged
  actual: dev: different bytes (formatting or order)
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - dev: got different bytes (formatting or order), expected identical render
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd wrong-kubectl-set-image 1`] = `
fail 0/16; first failure: git only-values-files-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
chart-and-defaults-untouched [git.unchanged, git] pass 0/2 withheld
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-registration-reads-its-values [git.registration, git] pass 0/1 withheld
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd wrong-rendered-manifest-beside-chart 1`] = `
fail 11/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/rendered/staging.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/rendered/staging.yaml: got added, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 336548c "payment-api: staging manifest with 1.27.6" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd wrong-staging-only 1`] = `
fail 13/16; first failure: render prod-renders-released-image: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 39abda3 "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline argocd wrong-template-default 1`] = `
fail 9/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/values.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/values.yaml: got modified, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml changed.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
  actual: modified charts/payment-api/values.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - charts/payment-api/values.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 03531a9 "payment-api: 1.27.6 for staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux alternative-pin-prod-explicitly 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 9aad56c "payment-api: 1.27.6 to staging; prod stays on 1.27.5 until its release" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux alternative-revert-then-promote 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 997d45a "Revert "payment-api: promote 1.27.6 to staging" (it went into prod's values)" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux faults 1`] = `
fail 0/16; first failure: git only-values-files-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
chart-and-defaults-untouched [git.unchanged, git] pass 0/2 withheld
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-registration-reads-its-values [git.registration, git] pass 0/1 withheld
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux solution 1`] = `
pass 16/16; no failure
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 36ac80f "payment-api: promote 1.27.6 to staging in values-staging.yaml, not production's" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux wrong-hardcode-in-template 1`] = `
fail 8/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/templates/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/templates/deployment.yaml: got modified, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml changed.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
  actual: modified charts/payment-api/templates/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - charts/payment-api/templates/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit d43e51d "payment-api: pin 1.27.6 for staging in the chart" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] fail 0/1
  message: The change leaks into dev.
  expected: dev unchanged
  actual: dev: different bytes (formatting or order)
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - dev: got different bytes (formatting or order), expected identical render
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux wrong-kubectl-set-image 1`] = `
fail 0/16; first failure: git only-values-files-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
chart-and-defaults-untouched [git.unchanged, git] pass 0/2 withheld
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-registration-reads-its-values [git.registration, git] pass 0/1 withheld
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
prod-changes-only-image [render.changes-within, render] pass 0/1 withheld
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
dev-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-new-image, prod-renders-released-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux wrong-rendered-manifest-beside-chart 1`] = `
fail 11/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/rendered/staging.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/rendered/staging.yaml: got added, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 336548c "payment-api: staging manifest with 1.27.6" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
prod-renders-released-image [render.field, render] pass 3/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux wrong-staging-only 1`] = `
fail 13/16; first failure: render prod-renders-released-image: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
only-values-files-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched [git.unchanged, git] pass 2/2
  message: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml is untouched.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 39abda3 "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > offline flux wrong-template-default 1`] = `
fail 9/16; first failure: git only-values-files-changed: 1 changed file(s) lie outside the allowed paths.
only-values-files-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
  actual: charts/payment-api/values.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - charts/payment-api/values.yaml: got modified, expected unchanged
chart-and-defaults-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml changed.
  expected: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml unchanged since hand-over
  actual: modified charts/payment-api/values.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - charts/payment-api/values.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 03531a9 "payment-api: 1.27.6 for staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-registration-reads-its-values [git.registration, git] pass 1/1
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
staging-renders-new-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
prod-renders-released-image [render.field, render] fail 0/3
  message: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.6"
  why: The rendered manifests are what the controller applies to prod.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.6", expected "nginx:1.27.5"
staging-changes-only-image [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-changes-only-image [render.changes-within, render] pass 1/1
  message: prod changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
dev-unchanged [render.unchanged, render] pass 1/1
  message: dev render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-new-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > helm-values-promotion > what each check is described as 1`] = `
only-values-files-changed: changes only under charts/payment-api/values-staging.yaml, charts/payment-api/values-production.yaml
chart-and-defaults-untouched: charts/payment-api/templates/**, charts/payment-api/values.yaml, charts/payment-api/Chart.yaml untouched
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-registration-reads-its-values: staging registration exists with helm=payment-api with values-staging.yaml
staging-renders-new-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.6"
prod-renders-released-image: prod Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.5"
staging-changes-only-image: staging changes only in Deployment/payment-api spec.template.spec.containers[name=payment-api].image
prod-changes-only-image: prod changes only in Deployment/payment-api spec.template.spec.containers[name=payment-api].image
dev-unchanged: dev renders byte-identical to hand-over
staging-reconciled: staging reconciled at the tracked branch's head
staging-runs-new-image: Deployment/payment-api in staging Available on nginx:1.27.6
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live argocd faults 1`] = `
fail 0/20; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 322087d. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Synced at 322087d (main)
  actual: Synced at 322087d
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-9hn6k image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-f765m image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-374d26 by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live argocd solution 1`] = `
pass 20/20; no failure
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
base-untouched [git.unchanged, git] pass 2/2
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 67aee77 "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-dev-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-and-dev-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at 67aee77.
  expected: Synced at 67aee77 (main)
  actual: Synced at 67aee77
staging-runs-dev-image [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 2/2 ready.
  actual: Available=True, 2/2 ready
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-3e0016 by hand after hand-over (kube-apiserver audit log).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live argocd wrong-kubectl-set-image 1`] = `
fail 0/20; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at b5837ed. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Synced at b5837ed (main)
  actual: Synced at b5837ed
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-jj5ng image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-zrz9x image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-8bbb1a by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Deployment/payment-api by kwok-admin (field manager kubectl-set, agent node-fetch/1.0)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-11-26T22:15:35.113413Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-set, agent node-fetch/1.0), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live argocd wrong-promote-in-base 1`] = `
fail 1/20; first failure: git only-staging-overlay-changed: 1 changed file(s) lie outside the allowed paths.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: apps/payment-api/base/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
base-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under apps/payment-api/base/** changed.
  expected: apps/payment-api/base/** unchanged since hand-over
  actual: modified apps/payment-api/base/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit fb2a99a "payment-api: bump image to 1.27.6 in staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into prod.
  expected: dev, prod unchanged
  actual: prod Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at fb2a99a. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Synced at fb2a99a (main)
  actual: Synced at fb2a99a
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-4v6fx image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-dbxhh image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-690c92 by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live flux faults 1`] = `
fail 0/20; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 5cff222 and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Ready=True at 5cff222 (main)
  actual: Ready=True applied 5cff222 (source at 5cff222)
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-mh2hl image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-wbq6t image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-2e1d5e by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live flux solution 1`] = `
pass 20/20; no failure
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
base-untouched [git.unchanged, git] pass 2/2
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit a239b20 "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-dev-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-and-dev-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Flux applied a239b20 and is Ready.
  expected: Ready=True at a239b20 (main)
  actual: Ready=True applied a239b20 (source at a239b20)
staging-runs-dev-image [health.available, health] pass 3/3
  message: Deployment/payment-api is Available with 2/2 ready.
  actual: Available=True, 2/2 ready
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-4a7e91 by hand after hand-over (kube-apiserver audit log).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live flux wrong-kubectl-set-image 1`] = `
fail 0/20; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 5ac0222 and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Ready=True at 5ac0222 (main)
  actual: Ready=True applied 5ac0222 (source at 5ac0222)
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-qc8nb image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-zlk4h image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-fd32d2 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Deployment/payment-api by kwok-admin (field manager kubectl-set, agent node-fetch/1.0)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-11-26T22:16:55.550638Z Deployment/payment-api: got patch by kwok-admin (field manager kubectl-set, agent node-fetch/1.0), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > live flux wrong-promote-in-base 1`] = `
fail 1/20; first failure: git only-staging-overlay-changed: 1 changed file(s) lie outside the allowed paths.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: apps/payment-api/base/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
base-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under apps/payment-api/base/** changed.
  expected: apps/payment-api/base/** unchanged since hand-over
  actual: modified apps/payment-api/base/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit b16df8d "payment-api: bump image to 1.27.6 in staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
prod-and-dev-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into prod.
  expected: dev, prod unchanged
  actual: prod Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied b16df8d and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
  expected: Ready=True at b16df8d (main)
  actual: Ready=True applied b16df8d (source at b16df8d)
staging-runs-dev-image [health.available, health] fail 0/3
  message: Deployment/payment-api: Available=True, 2/2 ready.
  expected: Available=True, 2/2 ready on nginx:1.27.6
  actual: Available=True, 2/2 ready
  why: Synced is not the same as usable: health asks whether the Pods are Ready to serve.
  - Pod/payment-api-7589bff9b8-drh9t image: got ["nginx:1.27.5"], expected nginx:1.27.6
  - Pod/payment-api-7589bff9b8-l8swl image: got ["nginx:1.27.5"], expected nginx:1.27.6
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-ad0b06 by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image, staging-runs-dev-image).
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline argocd faults 1`] = `
fail 0/13; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline argocd solution 1`] = `
pass 13/13; no failure
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
base-untouched [git.unchanged, git] pass 2/2
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 1b7954d "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-dev-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-and-dev-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline argocd wrong-kubectl-set-image 1`] = `
fail 0/13; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline argocd wrong-promote-in-base 1`] = `
fail 1/13; first failure: git only-staging-overlay-changed: 1 changed file(s) lie outside the allowed paths.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: apps/payment-api/base/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
base-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under apps/payment-api/base/** changed.
  expected: apps/payment-api/base/** unchanged since hand-over
  actual: modified apps/payment-api/base/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 0270015 "payment-api: bump image to 1.27.6 in staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into prod.
  expected: dev, prod unchanged
  actual: prod Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline flux faults 1`] = `
fail 0/13; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline flux solution 1`] = `
pass 13/13; no failure
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
base-untouched [git.unchanged, git] pass 2/2
  message: apps/payment-api/base/** is untouched.
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 1b7954d "payment-api: promote 1.27.6 to staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-renders-dev-image [render.field, render] pass 3/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image).
prod-and-dev-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline flux wrong-kubectl-set-image 1`] = `
fail 0/13; first failure: git only-staging-overlay-changed: Nothing changed on the tracked branch since the scenario was handed over.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
base-untouched [git.unchanged, git] pass 0/2 withheld
  message: apps/payment-api/base/** is untouched. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
  expected: apps/payment-api/base/** unchanged since hand-over
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > offline flux wrong-promote-in-base 1`] = `
fail 1/13; first failure: git only-staging-overlay-changed: 1 changed file(s) lie outside the allowed paths.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: apps/payment-api/base/deployment.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
base-untouched [git.unchanged, git] fail 0/2
  message: 1 file(s) under apps/payment-api/base/** changed.
  expected: apps/payment-api/base/** unchanged since hand-over
  actual: modified apps/payment-api/base/deployment.yaml
  why: These files are shared by other environments; changing them changes what those environments render.
  - apps/payment-api/base/deployment.yaml: got modified, expected unchanged
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 0270015 "payment-api: bump image to 1.27.6 in staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
staging-renders-dev-image [render.field, render] fail 0/3
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.5"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
staging-changes-only-image [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
prod-and-dev-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into prod.
  expected: dev, prod unchanged
  actual: prod Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-dev-image [health.available, health] skipped 0/3
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > promote-staging-image > what each check is described as 1`] = `
only-staging-overlay-changed: changes only under apps/payment-api/overlays/staging/**
base-untouched: apps/payment-api/base/** untouched
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-renders-dev-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.6"
staging-changes-only-image: staging changes only in Deployment/payment-api spec.template.spec.containers[name=payment-api].image
prod-and-dev-unchanged: dev, prod render byte-identical to hand-over
staging-reconciled: staging reconciled at the tracked branch's head
staging-runs-dev-image: Deployment/payment-api in staging Available on nginx:1.27.6
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > prune-orphan > offline argocd faults 1`] = `
fail 0/11; first failure: git staging-prunes: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
staging-prunes [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
  expected: prune=true
  actual: prune=false
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - prune: got false, expected true
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
worker-stays-retired [render.object, render] pass 0/1 withheld
  message: Deployment/old-payment-worker is not in the staging render. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
worker-gone [live.absent, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > prune-orphan > offline argocd solution 1`] = `
pass 11/11; no failure
staging-prunes [git.registration, git] pass 4/4
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**
worker-stays-retired [render.object, render] pass 1/1
  message: Deployment/old-payment-worker is not in the staging render.
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5e71a26 "payment-api: prune resources removed from Git in staging" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
worker-gone [live.absent, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > prune-orphan > offline argocd wrong-delete-by-hand 1`] = `
fail 0/11; first failure: git staging-prunes: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
staging-prunes [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
  expected: prune=true
  actual: prune=false
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - prune: got false, expected true
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
worker-stays-retired [render.object, render] pass 0/1 withheld
  message: Deployment/old-payment-worker is not in the staging render. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-prunes).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
worker-gone [live.absent, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > prune-orphan > what each check is described as 1`] = `
staging-prunes: staging registration exists with automated=true, prune=true
fix-in-staging-registration: changes only under platform/clusters/staging/**
worker-stays-retired: staging render has no Deployment/old-payment-worker
staging-render-unchanged: staging renders as at hand-over
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-reconciled: staging reconciled at the tracked branch's head
worker-gone: Deployment/old-payment-worker is gone from staging
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline argocd faults 1`] = `
fail 0/12; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-replicas-unchanged [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.replicas is 2. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket). Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline argocd solution 1`] = `
pass 12/12; no failure
staging-probes-container-port [render.probe-port, render] pass 4/4
  message: Deployment/payment-api's readiness probes target declared ports.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
staging-replicas-unchanged [render.field, render] pass 1/1
  message: staging Deployment/payment-api spec.replicas is 2.
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit a765a8a "payment-api: probe the container port in staging again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline argocd wrong-delete-pods 1`] = `
fail 0/12; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-replicas-unchanged [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.replicas is 2. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket). Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline argocd wrong-raise-replicas 1`] = `
fail 3/12; first failure: render staging-probes-container-port: Deployment/payment-api's readiness probe targets a port no container declares.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
staging-replicas-unchanged [render.field, render] fail 0/1
  message: staging Deployment/payment-api spec.replicas is 4.
  expected: 2
  actual: 4
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 4, expected 2
staging-changes-only-readiness-probe [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket changes in staging
  actual: Deployment/payment-api spec.replicas: 2 -> 4
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api spec.replicas: got 4, expected 2 (unchanged)
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 7d7d56b "payment-api: scale staging to 4 replicas" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline flux faults 1`] = `
fail 0/12; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-replicas-unchanged [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.replicas is 2. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket). Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline flux solution 1`] = `
pass 12/12; no failure
staging-probes-container-port [render.probe-port, render] pass 4/4
  message: Deployment/payment-api's readiness probes target declared ports.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
staging-replicas-unchanged [render.field, render] pass 1/1
  message: staging Deployment/payment-api spec.replicas is 2.
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit a765a8a "payment-api: probe the container port in staging again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline flux wrong-delete-pods 1`] = `
fail 0/12; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
staging-replicas-unchanged [render.field, render] pass 0/1 withheld
  message: staging Deployment/payment-api spec.replicas is 2. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
  expected: 2
  actual: 2
staging-changes-only-readiness-probe [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket). Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > offline flux wrong-raise-replicas 1`] = `
fail 3/12; first failure: render staging-probes-container-port: Deployment/payment-api's readiness probe targets a port no container declares.
staging-probes-container-port [render.probe-port, render] fail 0/4
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 1 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
staging-replicas-unchanged [render.field, render] fail 0/1
  message: staging Deployment/payment-api spec.replicas is 4.
  expected: 2
  actual: 4
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.replicas: got 4, expected 2
staging-changes-only-readiness-probe [render.changes-within, render] fail 0/2
  message: staging changed in 1 place the task does not ask for.
  expected: only Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket changes in staging
  actual: Deployment/payment-api spec.replicas: 2 -> 4
  why: A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.
  - Deployment/payment-api spec.replicas: got 4, expected 2 (unchanged)
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 7d7d56b "payment-api: scale staging to 4 replicas" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-probes-container-port).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-available [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/1
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > readiness-broken > what each check is described as 1`] = `
staging-probes-container-port: staging Deployment/payment-api readiness probes target declared container ports
fix-in-staging-overlay: changes only under apps/payment-api/overlays/staging/**
staging-replicas-unchanged: staging Deployment/payment-api spec.replicas = 2
staging-changes-only-readiness-probe: staging changes only in Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.httpGet, Deployment/payment-api spec.template.spec.containers[name=payment-api].readinessProbe.tcpSocket
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-reconciled: staging reconciled at the tracked branch's head
staging-available: Deployment/payment-api in staging Available with 2 ready
staging-service-has-endpoints: Service/payment-api in staging has ≥2 ready endpoint(s)
staging-changed-through-git: nobody changed objects in staging by hand
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd alternative-revert-no-edit 1`] = `
pass 16/16; no failure
promotion-reverted [git.reverted, git] pass 3/3
  message: Commit dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" reverts "payment-api: promote 1.27.9 to staging" on main, on top of the handed-over history.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: dafdb65 "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/rollback-bad-promotion.yaml names the render boundary, fix dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" and rollback revision 783d6d0 "payment-api: promote 1.27.7 to dev".
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary render, fix dafdb65, rollback 783d6d0
  diff: cause: "The promotion moved staging to 1.27.9 and its readiness probe to port 9090, which no container declares, so the new Pods never became ready and the rollout stalled."
evidence 1: "kubectl kustomize apps/payment-api/overlays/staging rendered nginx:1.27.9 with a readinessProbe on port 9090; the container declares only 8080"
evidence 2: "the staging rollout was stuck, its 1.27.9 Pods not ready while the 1.27.5 Pods still served"
evidence 3: "after the revert staging renders nginx:1.27.5 with the base's probe, and the controller reports the revert applied"
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd faults 1`] = `
fail 0/16; first failure: git promotion-reverted: There is no commit after hand-over: nothing was reverted.
promotion-reverted [git.reverted, git] fail 0/3
  message: There is no commit after hand-over: nothing was reverted.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: no commits
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd solution 1`] = `
pass 16/16; no failure
promotion-reverted [git.reverted, git] pass 3/3
  message: Commit 633a558 "Revert "payment-api: promote 1.27.9 to staging"" reverts "payment-api: promote 1.27.9 to staging" on main, on top of the handed-over history.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 633a558 "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 633a558 "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/rollback-bad-promotion.yaml names the render boundary, fix 633a558 "Revert "payment-api: promote 1.27.9 to staging"" and rollback revision 783d6d0 "payment-api: promote 1.27.7 to dev".
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary render, fix 633a558, rollback 783d6d0
  diff: cause: "The promotion moved staging to 1.27.9 and its readiness probe to port 9090, which no container declares, so the new Pods never became ready and the rollout stalled."
evidence 1: "kubectl kustomize apps/payment-api/overlays/staging rendered nginx:1.27.9 with a readinessProbe on port 9090; the container declares only 8080"
evidence 2: "the staging rollout was stuck, its 1.27.9 Pods not ready while the 1.27.5 Pods still served"
evidence 3: "after the revert staging renders nginx:1.27.5 with the base's probe, and the controller reports the revert applied"
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd wrong-kubectl-rollout-undo 1`] = `
fail 0/16; first failure: git promotion-reverted: There is no commit after hand-over: nothing was reverted.
promotion-reverted [git.reverted, git] fail 0/3
  message: There is no commit after hand-over: nothing was reverted.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: no commits
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd wrong-revert-wrong-commit 1`] = `
fail 0/16; first failure: git promotion-reverted: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev"" reverts another commit, not "payment-api: promote 1.27.9 to staging".
promotion-reverted [git.reverted, git] fail 0/3
  message: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev"" reverts another commit, not "payment-api: promote 1.27.9 to staging".
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev""
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
  - main commits: got "Revert "payment-api: promote 1.27.7 to dev"", expected "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: apps/payment-api/overlays/dev/kustomization.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/dev/kustomization.yaml: got modified, expected unchanged
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: No commit message names the workload and environment it changes.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev""
  why: Git is the audit log of a GitOps platform; a reviewer must see what changed where from the message alone.
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into dev.
  expected: dev, prod unchanged
  actual: dev Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - dev Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.7"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline argocd wrong-roll-forward-untested-tag 1`] = `
fail 4/16; first failure: git promotion-reverted: No commit after hand-over reverts "payment-api: promote 1.27.9 to staging".
promotion-reverted [git.reverted, git] fail 0/3
  message: No commit after hand-over reverts "payment-api: promote 1.27.9 to staging".
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 5845d20 "payment-api: roll staging forward to 1.27.10"
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
  - main commits: got "payment-api: roll staging forward to 1.27.10", expected "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5845d20 "payment-api: roll staging forward to 1.27.10" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.10".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.10"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.10", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux alternative-revert-no-edit 1`] = `
pass 16/16; no failure
promotion-reverted [git.reverted, git] pass 3/3
  message: Commit dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" reverts "payment-api: promote 1.27.9 to staging" on main, on top of the handed-over history.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: dafdb65 "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/rollback-bad-promotion.yaml names the render boundary, fix dafdb65 "Revert "payment-api: promote 1.27.9 to staging"" and rollback revision 783d6d0 "payment-api: promote 1.27.7 to dev".
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary render, fix dafdb65, rollback 783d6d0
  diff: cause: "The promotion moved staging to 1.27.9 and its readiness probe to port 9090, which no container declares, so the new Pods never became ready and the rollout stalled."
evidence 1: "kubectl kustomize apps/payment-api/overlays/staging rendered nginx:1.27.9 with a readinessProbe on port 9090; the container declares only 8080"
evidence 2: "the staging rollout was stuck, its 1.27.9 Pods not ready while the 1.27.5 Pods still served"
evidence 3: "after the revert staging renders nginx:1.27.5 with the base's probe, and the controller reports the revert applied"
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux faults 1`] = `
fail 0/16; first failure: git promotion-reverted: There is no commit after hand-over: nothing was reverted.
promotion-reverted [git.reverted, git] fail 0/3
  message: There is no commit after hand-over: nothing was reverted.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: no commits
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux solution 1`] = `
pass 16/16; no failure
promotion-reverted [git.reverted, git] pass 3/3
  message: Commit 633a558 "Revert "payment-api: promote 1.27.9 to staging"" reverts "payment-api: promote 1.27.9 to staging" on main, on top of the handed-over history.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 633a558 "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 633a558 "Revert "payment-api: promote 1.27.9 to staging"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] pass 4/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/rollback-bad-promotion.yaml names the render boundary, fix 633a558 "Revert "payment-api: promote 1.27.9 to staging"" and rollback revision 783d6d0 "payment-api: promote 1.27.7 to dev".
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary render, fix 633a558, rollback 783d6d0
  diff: cause: "The promotion moved staging to 1.27.9 and its readiness probe to port 9090, which no container declares, so the new Pods never became ready and the rollout stalled."
evidence 1: "kubectl kustomize apps/payment-api/overlays/staging rendered nginx:1.27.9 with a readinessProbe on port 9090; the container declares only 8080"
evidence 2: "the staging rollout was stuck, its 1.27.9 Pods not ready while the 1.27.5 Pods still served"
evidence 3: "after the revert staging renders nginx:1.27.5 with the base's probe, and the controller reports the revert applied"
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux wrong-kubectl-rollout-undo 1`] = `
fail 0/16; first failure: git promotion-reverted: There is no commit after hand-over: nothing was reverted.
promotion-reverted [git.reverted, git] fail 0/3
  message: There is no commit after hand-over: nothing was reverted.
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: no commits
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux wrong-revert-wrong-commit 1`] = `
fail 0/16; first failure: git promotion-reverted: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev"" reverts another commit, not "payment-api: promote 1.27.9 to staging".
promotion-reverted [git.reverted, git] fail 0/3
  message: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev"" reverts another commit, not "payment-api: promote 1.27.9 to staging".
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev""
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
  - main commits: got "Revert "payment-api: promote 1.27.7 to dev"", expected "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] fail 0/2
  message: 1 changed file(s) lie outside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
  actual: apps/payment-api/overlays/dev/kustomization.yaml
  why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
  - apps/payment-api/overlays/dev/kustomization.yaml: got modified, expected unchanged
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: No commit message names the workload and environment it changes.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: 525a6b1 "Revert "payment-api: promote 1.27.7 to dev""
  why: Git is the audit log of a GitOps platform; a reviewer must see what changed where from the message alone.
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.9".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.9"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.9", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] fail 0/1
  message: Deployment/payment-api's readiness probe targets a port no container declares.
  expected: one of the declared ports (http=8080)
  actual: 9090
  why: A probe against a port nothing listens on never succeeds: the Pods run but never become Ready, so the Service has no endpoints.
  - Deployment/payment-api containers[payment-api].readinessProbe port: got 9090, expected one of the declared ports (http=8080)
dev-and-prod-unchanged [render.unchanged, render] fail 0/2
  message: The change leaks into dev.
  expected: dev, prod unchanged
  actual: dev Deployment/payment-api spec.template.spec.containers[0].image: "nginx:1.27.6"
  why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
  - dev Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.7"
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > offline flux wrong-roll-forward-untested-tag 1`] = `
fail 4/16; first failure: git promotion-reverted: No commit after hand-over reverts "payment-api: promote 1.27.9 to staging".
promotion-reverted [git.reverted, git] fail 0/3
  message: No commit after hand-over reverts "payment-api: promote 1.27.9 to staging".
  expected: a commit "Revert "payment-api: promote 1.27.9 to staging"" on main, a fast-forward of 4259956
  actual: 5845d20 "payment-api: roll staging forward to 1.27.10"
  why: A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.
  - main commits: got "payment-api: roll staging forward to 1.27.10", expected "Revert "payment-api: promote 1.27.9 to staging""
only-staging-overlay-changed [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 5845d20 "payment-api: roll staging forward to 1.27.10" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-known-good-image [render.field, render] fail 0/4
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.10".
  expected: "nginx:1.27.5"
  actual: "nginx:1.27.10"
  why: The rendered manifests are what the controller applies to staging.
  - Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.10", expected "nginx:1.27.5"
staging-probes-container-port [render.probe-port, render] pass 1/1
  message: Deployment/payment-api's readiness probes target declared ports.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (promotion-reverted, staging-renders-known-good-image).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-sync-without-errors [sync.no-errors, sync] skipped 0/1
  message: Needs a cluster: the sync boundary is not graded offline.
staging-back-on-known-good [health.available, health] skipped 0/4
  message: Needs a cluster: the health boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/rollback-bad-promotion.yaml on main.
  expected: delivery-notes/rollback-bad-promotion.yaml: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > rollback-bad-promotion > what each check is described as 1`] = `
promotion-reverted: "payment-api: promote 1.27.9 to staging" reverted on the tracked branch (apps/payment-api/overlays/staging/kustomization.yaml, apps/payment-api/overlays/staging/readiness.yaml), history intact
only-staging-overlay-changed: changes only under apps/payment-api/overlays/staging/**, delivery-notes/**
history-not-rewritten: tracked branch fast-forwarded, not rewritten
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
staging-renders-known-good-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.5"
staging-probes-container-port: staging Deployment/payment-api readiness probes target declared container ports
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
staging-reconciled: staging reconciled at the tracked branch's head
staging-sync-without-errors: staging reconciles without controller errors
staging-back-on-known-good: Deployment/payment-api in staging Available with 2 ready on nginx:1.27.5
staging-changed-through-git: nobody changed objects in staging by hand
delivery-note: the delivery note names the render boundary, a fix commit after hand-over (changing apps/payment-api/overlays/staging/**) and a rollback revision holding the known-good apps/payment-api/overlays/staging/kustomization.yaml, apps/payment-api/overlays/staging/readiness.yaml, as the head does again
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd alternative-full-ref-names 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit fad8c1f "payment-api: point staging at refs/heads/main" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix fad8c1f "payment-api: point staging at refs/heads/main" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix fad8c1f, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd alternative-revert-freeze-commit 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 16a123e "Revert "staging: track release/staging for payment-api during the freeze"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix 16a123e "Revert "staging: track release/staging for payment-api during the freeze…" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 16a123e, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd alternative-target-head 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit ab87904 "payment-api: staging follows HEAD (main) again" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix ab87904 "payment-api: staging follows HEAD (main) again" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix ab87904, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd faults 1`] = `
fail 0/15; first failure: git staging-tracks-main: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
staging-tracks-main [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
  expected: revision="main"
  actual: revision="release/staging"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - revision: got "release/staging", expected "main"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
release-branch-untouched [git.history-intact, git] pass 0/2 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-promoted-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/stale-branch.yaml on main.
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd solution 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/argocd/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 65aa934 "payment-api: staging tracks main again now the freeze is over" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix 65aa934 "payment-api: staging tracks main again now the freeze is over" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 65aa934, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline argocd wrong-push-to-stale-branch 1`] = `
fail 0/15; first failure: git staging-tracks-main: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
staging-tracks-main [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/argocd/payment-api.yaml is not what the fix needs.
  expected: revision="main"
  actual: revision="release/staging"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - revision: got "release/staging", expected "main"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
release-branch-untouched [git.history-intact, git] fail 0/2
  message: 1 branch(es) moved in a way the fix should not move them.
  expected: main fast-forwarded from 2ff59b7; release/staging untouched
  actual: branch release/staging: 317221d
  why: The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.
  - branch release/staging: got 317221d, expected 9fd64b0
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-promoted-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/stale-branch.yaml on main.
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline flux alternative-full-ref-names 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit fad8c1f "payment-api: point staging at refs/heads/main" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix fad8c1f "payment-api: point staging at refs/heads/main" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix fad8c1f, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline flux alternative-revert-freeze-commit 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 16a123e "Revert "staging: track release/staging for payment-api during the freeze"" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix 16a123e "Revert "staging: track release/staging for payment-api during the freeze…" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 16a123e, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline flux faults 1`] = `
fail 0/15; first failure: git staging-tracks-main: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
staging-tracks-main [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: revision="main"
  actual: revision="release/staging"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - revision: got "release/staging", expected "main"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
release-branch-untouched [git.history-intact, git] pass 0/2 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-promoted-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/stale-branch.yaml on main.
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline flux solution 1`] = `
pass 15/15; no failure
staging-tracks-main [git.registration, git] pass 4/4
  message: platform/clusters/staging/flux/payment-api.yaml registers staging as intended.
fix-in-staging-registration [git.changed-within, git] pass 2/2
  message: All 3 changed file(s) are inside the allowed paths.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched [git.history-intact, git] pass 2/2
  message: History on the tracked branch was extended, not rewritten.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 65aa934 "payment-api: staging tracks main again now the freeze is over" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
staging-renders-promoted-image [render.field, render] pass 2/2
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6".
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 1/1
  message: staging changed only where the task allows (nothing).
dev-and-prod-unchanged [render.unchanged, render] pass 1/1
  message: dev, prod render exactly as before.
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] pass 2/2
  message: delivery-notes/stale-branch.yaml names the git boundary, fix 65aa934 "payment-api: staging tracks main again now the freeze is over" and rollback revision 9fd64b0 "payment-api: add prod environment".
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: boundary git, fix 65aa934, rollback 9fd64b0
  diff: cause: "The freeze pointed staging's registration at release/staging and nobody pointed it back at main, so the controller kept deploying the release branch, which never received the 1.27.6 promotion."
evidence 1: "platform/clusters/staging names release/staging as the revision to deploy, in the Argo CD Application and the Flux GitRepository"
evidence 2: "main renders nginx:1.27.6 for staging, the release branch nginx:1.27.5"
evidence 3: "the controller reported staging reconciled at the head of release/staging, not at the head of main"
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > offline flux wrong-push-to-stale-branch 1`] = `
fail 0/15; first failure: git staging-tracks-main: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
staging-tracks-main [git.registration, git] fail 0/4
  message: The staging registration in platform/clusters/staging/flux/payment-api.yaml is not what the fix needs.
  expected: revision="main"
  actual: revision="release/staging"
  why: The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.
  - revision: got "release/staging", expected "main"
fix-in-staging-registration [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under platform/clusters/staging/**, delivery-notes/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
release-branch-untouched [git.history-intact, git] fail 0/2
  message: 1 branch(es) moved in a way the fix should not move them.
  expected: main fast-forwarded from 2ff59b7; release/staging untouched
  actual: branch release/staging: 317221d
  why: The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.
  - branch release/staging: got 317221d, expected 9fd64b0
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
staging-renders-promoted-image [render.field, render] pass 0/2 withheld
  message: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.6". Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
  expected: "nginx:1.27.6"
  actual: "nginx:1.27.6"
staging-render-unchanged [render.changes-within, render] pass 0/1 withheld
  message: staging changed only where the task allows (nothing). Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
dev-and-prod-unchanged [render.unchanged, render] pass 0/1 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-tracks-main).
staging-reconciled-at-main [sync.reconciled, sync] skipped 0/3
  message: Needs a cluster: the sync boundary is not graded offline.
staging-runs-promoted-image [health.available, health] skipped 0/2
  message: Needs a cluster: the health boundary is not graded offline.
delivery-note [git.delivery-note, git] fail 0/2
  message: There is no delivery note delivery-notes/stale-branch.yaml on main.
  expected: delivery-notes/stale-branch.yaml: boundary git, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)
  actual: no such file
  why: A delivery is not done when the push lands: the note says which boundary failed first, which commit fixed it, what evidence shows it, and which known-good revision to roll back to, so the next engineer need not reconstruct the incident.
`

exports[`test/graders/recorded.test.ts > TAP > stale-branch > what each check is described as 1`] = `
staging-tracks-main: staging registration exists with revision=main
fix-in-staging-registration: changes only under platform/clusters/staging/**, delivery-notes/**
release-branch-untouched: tracked branch fast-forwarded; release/staging untouched
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
staging-renders-promoted-image: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.6"
staging-render-unchanged: staging renders as at hand-over
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
staging-reconciled-at-main: staging reconciled at the tracked branch's head
staging-runs-promoted-image: Deployment/payment-api in staging Available on nginx:1.27.6
delivery-note: the delivery note names the git boundary, a fix commit after hand-over (changing platform/clusters/staging/**) and a rollback revision holding the known-good platform/clusters/staging/argocd/payment-api.yaml, platform/clusters/staging/flux/payment-api.yaml
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live argocd faults 1`] = `
fail 0/21; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at e447164. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
  expected: Synced at e447164 (main)
  actual: Synced at e447164
staging-service-has-endpoints [live.service-endpoints, live] fail 0/3
  message: Service/payment-api has 0 ready of 0 endpoint(s).
  expected: at least 1 ready endpoint(s)
  actual: 0 ready of 0 endpoint(s)
  why: Its selector {"app.kubernetes.io/name":"payment-api","tier":"backend"} matches no Pod: Synced and Healthy, yet every connection fails.
  - Service/payment-api endpoints: got 0 ready of 0 endpoint(s), expected ≥1 ready
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-54c1ca by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live argocd solution 1`] = `
pass 21/21; no failure
staging-service-selects-pods [render.selector-matches, render] pass 4/4
  message: Service/payment-api selects Deployment/payment-api's Pods.
staging-changes-only-service-selector [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Service/payment-api spec.selector).
dev-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
prod-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 9a17461 "payment-api: select tier=api Pods in the staging Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Argo CD is Synced at 9a17461.
  expected: Synced at 9a17461 (main)
  actual: Synced at 9a17461
staging-service-has-endpoints [live.service-endpoints, live] pass 3/3
  message: Service/payment-api has 2 ready of 2 endpoint(s).
  actual: 2 ready of 2 endpoint(s)
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-139d66 by hand after hand-over (kube-apiserver audit log).
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live argocd wrong-kubectl-patch-service 1`] = `
fail 0/21; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Argo CD is Synced at 7f9980a. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
  expected: Synced at 7f9980a (main)
  actual: Synced at 7f9980a
staging-service-has-endpoints [live.service-endpoints, live] fail 0/3
  message: Service/payment-api has 0 ready of 0 endpoint(s).
  expected: at least 1 ready endpoint(s)
  actual: 0 ready of 0 endpoint(s)
  why: Its selector {"app.kubernetes.io/name":"payment-api","tier":"backend"} matches no Pod: Synced and Healthy, yet every connection fails.
  - Service/payment-api endpoints: got 0 ready of 0 endpoint(s), expected ≥1 ready
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-6e18d0 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Service/payment-api by kwok-admin (field manager kubectl-patch, agent node-fetch/1.0)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-11-26T22:17:52.538102Z Service/payment-api: got patch by kwok-admin (field manager kubectl-patch, agent node-fetch/1.0), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live flux faults 1`] = `
fail 0/21; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied 6df404d and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
  expected: Ready=True at 6df404d (main)
  actual: Ready=True applied 6df404d (source at 6df404d)
staging-service-has-endpoints [live.service-endpoints, live] fail 0/3
  message: Service/payment-api has 0 ready of 0 endpoint(s).
  expected: at least 1 ready endpoint(s)
  actual: 0 ready of 0 endpoint(s)
  why: Its selector {"app.kubernetes.io/name":"payment-api","tier":"backend"} matches no Pod: Synced and Healthy, yet every connection fails.
  - Service/payment-api endpoints: got 0 ready of 0 endpoint(s), expected ≥1 ready
staging-changed-through-git [live.fixed-through-git, live] pass 0/2 withheld
  message: No one changed payments-staging-1f0860 by hand after hand-over (kube-apiserver audit log). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live flux solution 1`] = `
pass 21/21; no failure
staging-service-selects-pods [render.selector-matches, render] pass 4/4
  message: Service/payment-api selects Deployment/payment-api's Pods.
staging-changes-only-service-selector [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Service/payment-api spec.selector).
dev-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
prod-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit 24c293b "payment-api: select tier=api Pods in the staging Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] pass 2/2
  message: Flux applied 24c293b and is Ready.
  expected: Ready=True at 24c293b (main)
  actual: Ready=True applied 24c293b (source at 24c293b)
staging-service-has-endpoints [live.service-endpoints, live] pass 3/3
  message: Service/payment-api has 2 ready of 2 endpoint(s).
  actual: 2 ready of 2 endpoint(s)
staging-changed-through-git [live.fixed-through-git, live] pass 2/2
  message: No one changed payments-staging-528167 by hand after hand-over (kube-apiserver audit log).
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > live flux wrong-kubectl-patch-service 1`] = `
fail 0/21; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
staging-reconciled [sync.reconciled, sync] pass 0/2 withheld
  message: Flux applied f468d7f and is Ready. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods, staging-service-has-endpoints).
  expected: Ready=True at f468d7f (main)
  actual: Ready=True applied f468d7f (source at f468d7f)
staging-service-has-endpoints [live.service-endpoints, live] fail 0/3
  message: Service/payment-api has 0 ready of 0 endpoint(s).
  expected: at least 1 ready endpoint(s)
  actual: 0 ready of 0 endpoint(s)
  why: Its selector {"app.kubernetes.io/name":"payment-api","tier":"backend"} matches no Pod: Synced and Healthy, yet every connection fails.
  - Service/payment-api endpoints: got 0 ready of 0 endpoint(s), expected ≥1 ready
staging-changed-through-git [live.fixed-through-git, live] fail 0/2
  message: 1 change(s) were made to payments-staging-bfc4f4 by hand, not through Git.
  expected: only controllers change live objects after hand-over
  actual: patch Service/payment-api by kwok-admin (field manager kubectl-patch, agent node-fetch/1.0)
  why: In GitOps, Git is the only way in: a kubectl change drifts from desired state, is invisible to review, and the controller may revert it.
  - 2026-11-26T22:19:11.923631Z Service/payment-api: got patch by kwok-admin (field manager kubectl-patch, agent node-fetch/1.0), expected no manual change
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline argocd faults 1`] = `
fail 0/14; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline argocd solution 1`] = `
pass 14/14; no failure
staging-service-selects-pods [render.selector-matches, render] pass 4/4
  message: Service/payment-api selects Deployment/payment-api's Pods.
staging-changes-only-service-selector [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Service/payment-api spec.selector).
dev-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
prod-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit c164039 "payment-api: select tier=api Pods in the staging Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline argocd wrong-kubectl-patch-service 1`] = `
fail 0/14; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline flux faults 1`] = `
fail 0/14; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline flux solution 1`] = `
pass 14/14; no failure
staging-service-selects-pods [render.selector-matches, render] pass 4/4
  message: Service/payment-api selects Deployment/payment-api's Pods.
staging-changes-only-service-selector [render.changes-within, render] pass 2/2
  message: staging changed only where the task allows (Service/payment-api spec.selector).
dev-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
prod-service-selects-pods [render.selector-matches, render] pass 1/1
  message: Service/payment-api selects Deployment/payment-api's Pods.
fix-in-staging-overlay [git.changed-within, git] pass 2/2
  message: All 2 changed file(s) are inside the allowed paths.
  expected: changes only under apps/payment-api/overlays/staging/**
dev-and-prod-unchanged [render.unchanged, render] pass 2/2
  message: dev, prod render exactly as before.
commit-names-workload-and-environment [git.commit-message, git] pass 1/1
  message: Commit c164039 "payment-api: select tier=api Pods in the staging Service" names payment-api and staging.
  expected: a commit message mentioning "payment-api" and "staging"
history-not-rewritten [git.history-intact, git] pass 1/1
  message: History on the tracked branch was extended, not rewritten.
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > offline flux wrong-kubectl-patch-service 1`] = `
fail 0/14; first failure: git fix-in-staging-overlay: Nothing changed on the tracked branch since the scenario was handed over.
staging-service-selects-pods [render.selector-matches, render] fail 0/4
  message: Service/payment-api's selector matches no Pod template in staging.
  expected: selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}
  actual: {"app.kubernetes.io/name":"payment-api","tier":"backend"}
  why: A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.
  - selector tier: got "backend", expected "api"
staging-changes-only-service-selector [render.changes-within, render] pass 0/2 withheld
  message: staging changed only where the task allows (Service/payment-api spec.selector). Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
dev-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
prod-service-selects-pods [render.selector-matches, render] pass 0/1 withheld
  message: Service/payment-api selects Deployment/payment-api's Pods. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
fix-in-staging-overlay [git.changed-within, git] fail 0/2
  message: Nothing changed on the tracked branch since the scenario was handed over.
  expected: changes only under apps/payment-api/overlays/staging/**
  actual: no changes
  why: A GitOps fix is a commit: until Git changes, the desired state is still the broken one.
dev-and-prod-unchanged [render.unchanged, render] pass 0/2 withheld
  message: dev, prod render exactly as before. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
commit-names-workload-and-environment [git.commit-message, git] fail 0/1
  message: There is no commit after hand-over.
  expected: a commit message mentioning "payment-api" and "staging"
  actual: no commits
history-not-rewritten [git.history-intact, git] pass 0/1 withheld
  message: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-service-selects-pods).
staging-reconciled [sync.reconciled, sync] skipped 0/2
  message: Needs a cluster: the sync boundary is not graded offline.
staging-service-has-endpoints [live.service-endpoints, live] skipped 0/3
  message: Needs a cluster: the live boundary is not graded offline.
staging-changed-through-git [live.fixed-through-git, live] skipped 0/2
  message: Needs a cluster: the live boundary is not graded offline.
`

exports[`test/graders/recorded.test.ts > TAP > wrong-selector > what each check is described as 1`] = `
staging-service-selects-pods: staging Service/payment-api selects payment-api's Pods
staging-changes-only-service-selector: staging changes only in Service/payment-api spec.selector
dev-service-selects-pods: dev Service/payment-api selects payment-api's Pods
prod-service-selects-pods: prod Service/payment-api selects payment-api's Pods
fix-in-staging-overlay: changes only under apps/payment-api/overlays/staging/**
dev-and-prod-unchanged: dev, prod render byte-identical to hand-over
commit-names-workload-and-environment: a fix commit message mentions payment-api and staging
history-not-rewritten: tracked branch fast-forwarded, not rewritten
staging-reconciled: staging reconciled at the tracked branch's head
staging-service-has-endpoints: Service/payment-api in staging has ≥1 ready endpoint(s)
staging-changed-through-git: nobody changed objects in staging by hand
`
