/**
 * Pins for the providers that run the controllers from upstream release manifests (kind; existing, when it
 * installs): read from cluster-config/versions.yaml, the same file the local provider builds from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LabError } from '../../errors.js';
import { loadVersions, pin } from '../local/components.js';
import { repoRoot } from '../local/paths.js';

export interface UpstreamPins {
  /** kind release, e.g. v0.32.0. */
  readonly kind: string;
  /** kind node image, by tag and digest. */
  readonly nodeImage: string;
  /** Image of the in-cluster lab git server (node and git), by tag and digest. */
  readonly gitServerImage: string;
  readonly argocd: string;
  readonly flux: string;
  readonly rollouts: string;
}

const VERSION_RE = /^v\d+\.\d+\.\d+$/;
const NODE_IMAGE_RE = /^kindest\/node:v\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$/;
const DIGEST_IMAGE_RE = /^[a-z0-9][a-z0-9./-]*:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}$/;

export function loadUpstreamPins(path = join(repoRoot(), 'cluster-config', 'versions.yaml')): UpstreamPins {
  const versions = loadVersions(path);
  const doc = parse(readFileSync(path, 'utf8')) as { kind?: Record<string, unknown> } | null;
  const kind = doc?.kind ?? {};
  const field = (key: string, re: RegExp, rule: string): string => {
    const value = kind[key];
    if (typeof value !== 'string' || !re.test(value)) {
      throw new LabError('INVALID_CONFIG', `${path}: kind.${key} (${JSON.stringify(value ?? null)}) must be ${rule}`);
    }
    return value;
  };
  return {
    kind: field('version', VERSION_RE, 'a release tag like v0.32.0'),
    nodeImage: field('nodeImage', NODE_IMAGE_RE, 'kindest/node:<tag>@sha256:<digest> (pinned by digest)'),
    gitServerImage: field('gitServerImage', DIGEST_IMAGE_RE, '<image>:<tag>@sha256:<digest> (pinned by digest)'),
    flux: field('flux', VERSION_RE, 'a flux2 release tag like v2.9.4'),
    argocd: pin(versions, 'argocd').version,
    rollouts: pin(versions, 'argoRollouts').version,
  };
}
