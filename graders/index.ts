/** The grader registry: every check in a scenario names one of these. */
import type { Grader } from './grader.js';
import { changedWithin } from './git/changed-within.js';
import { commitMessage } from './git/commit-message.js';
import { deliveryNote } from './git/delivery-note.js';
import { historyIntact } from './git/history-intact.js';
import { registration } from './git/registration.js';
import { reverted } from './git/reverted.js';
import { unchanged as gitUnchanged } from './git/unchanged.js';
import { yamlField } from './git/yaml-field.js';
import { applicationSetGenerates } from './git/applicationset-generates.js';
import { changesWithin } from './render/changes-within.js';
import { field } from './render/field.js';
import { object } from './render/object.js';
import { probePort } from './render/probe-port.js';
import { selectorMatches } from './render/selector-matches.js';
import { succeeds } from './render/succeeds.js';
import { unchanged as renderUnchanged } from './render/unchanged.js';
import { noErrors } from './sync/no-errors.js';
import { reconciled } from './sync/reconciled.js';
import { generatedBy } from './sync/generated-by.js';
import { absent } from './live/absent.js';
import { boundsHeld } from './live/bounds-held.js';
import { fixedThroughGit } from './live/fixed-through-git.js';
import { matchesRender } from './live/matches-render.js';
import { serviceEndpoints } from './live/service-endpoints.js';
import { liveField } from './live/field.js';
import { available } from './health/available.js';
import { rolloutStatus } from './rollout/status.js';
import { rolloutBlueGreen } from './rollout/blue-green.js';

export const GRADERS: ReadonlyMap<string, Grader> = new Map(
  ([
    changedWithin,
    gitUnchanged,
    historyIntact,
    commitMessage,
    registration,
    yamlField,
    reverted,
    deliveryNote,
    applicationSetGenerates,
    succeeds,
    field,
    renderUnchanged,
    changesWithin,
    selectorMatches,
    object,
    probePort,
    reconciled,
    noErrors,
    generatedBy,
    matchesRender,
    serviceEndpoints,
    absent,
    fixedThroughGit,
    boundsHeld,
    liveField,
    available,
    rolloutStatus,
    rolloutBlueGreen,
  ] as Grader[]).map((g) => [g.name, g]),
);

export type { Grader, Finding, GradeContext } from './grader.js';
