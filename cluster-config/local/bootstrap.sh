#!/usr/bin/env bash
# Bootstrap for experiments only: resolve (go get -tool + tidy) and/or build one tool-module group.
# The real driver is `gitops-lab setup local` (harness/providers/local/build.ts).
# usage: bootstrap.sh resolve|build <group>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="$1"; group="$2"
cache="${GITOPS_LAB_CACHE:-$HOME/.cache/gitops-lab}"
export GOTOOLCHAIN=local GOMODCACHE="$cache/gomod" GOCACHE="$cache/gocache" GOFLAGS=-buildvcs=false
cd "$here/$group"
declare -A TOOLS=(
  [kube]="k8s.io/kubernetes/cmd/kube-apiserver@v1.36.3 k8s.io/kubernetes/cmd/kube-controller-manager@v1.36.3 k8s.io/kubernetes/cmd/kube-scheduler@v1.36.3 k8s.io/kubernetes/cmd/kubectl@v1.36.3"
  [etcd]="go.etcd.io/etcd/server/v3@v3.6.16 go.etcd.io/etcd/etcdctl/v3@v3.6.16"
  [kwok]="sigs.k8s.io/kwok/cmd/kwok@v0.8.0 sigs.k8s.io/kwok/cmd/kwokctl@v0.8.0"
  [argocd]="github.com/argoproj/argo-cd/v3/cmd@v3.5.1"
  [flux]="github.com/fluxcd/source-controller@v1.9.1 github.com/fluxcd/kustomize-controller@v1.9.4"
  [helmctl]="github.com/fluxcd/helm-controller@v1.6.3"
  [rollouts]="github.com/argoproj/argo-rollouts/cmd/rollouts-controller@v1.9.1 github.com/argoproj/argo-rollouts/cmd/kubectl-argo-rollouts@v1.9.1"
  [tools]="sigs.k8s.io/kustomize/kustomize/v5@v5.8.1 helm.sh/helm/v4/cmd/helm@v4.2.1"
)
start=$(date +%s)
case "$mode" in
  resolve)
    for t in ${TOOLS[$group]}; do go get -tool "$t"; done
    go mod tidy
    ;;
  build)
    out="$cache/bin/bootstrap-$group"; mkdir -p "$out"
    pkgs=$(go list tool | xargs)
    ldflags=""
    if [ "$group" = kube ]; then
      v=v1.36.3; d=$(date -u +%Y-%m-%dT%H:%M:%SZ)
      for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        ldflags+=" -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=36 -X $p.gitTreeState=clean -X $p.buildDate=$d"
      done
    fi
    go build -p 2 -trimpath -ldflags "-s -w$ldflags" -o "$out/" $pkgs
    ;;
esac
echo "$group $mode done in $(( $(date +%s) - start ))s"
