/**
 * The part of @kubernetes/client-node gitops-lab uses, imported from the modules that define it. The build
 * (`npm run build`) bundles this file with esbuild into client-node.bundle.cjs beside it, tree-shaken: loading the
 * package's index takes ~0.65 s on this machine (its generated API, about a thousand modules), the bundle ~0.07 s,
 * and every command that talks to a cluster pays it once. client.ts loads the bundle, or this module where no
 * bundle was built (tests run from source).
 */
export { KubeConfig } from '@kubernetes/client-node/dist/config.js';
export { KubernetesObjectApi } from '@kubernetes/client-node/dist/object.js';
export { Watch } from '@kubernetes/client-node/dist/watch.js';
