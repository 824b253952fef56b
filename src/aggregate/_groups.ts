/**
 * The grouping engine behind byTouchpoint (and, later, groupBy): one pass over interactions, one
 * over surveys, every metric family folded per group.
 * @internal
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import type { SurveyResponse } from '../models/surveyResponse.js';
import { invalidValue } from '../models/errors.js';
import { type AhtResult, type AhtState, ahtFamily, ahtInit } from '../metrics/aht.js';
import { type CesOptions, type CesResult, type CesState, cesFamily, cesInit } from '../metrics/ces.js';
import {
  type ChurnIncidenceOptions,
  type ChurnIncidenceResult,
  type ChurnIncidenceState,
  churnIncidenceFamily,
  churnIncidenceInit,
} from '../metrics/churnIncidence.js';
import { type CsatOptions, type CsatResult, type CsatState, csatFamily, csatInit } from '../metrics/csat.js';
import { FcrCore, type FcrOptions, type FcrResult, fcrInit } from '../metrics/fcr.js';
import { type StatOptions, resultOptions } from '../metrics/_accumulator.js';
import { type HoldTimeResult, type HoldTimeState, holdTimeFamily, holdTimeInit } from '../metrics/holdTime.js';
import { type NpsResult, type NpsState, npsFamily, npsInit } from '../metrics/nps.js';
import { type ReroutesResult, type ReroutesState, reroutesFamily, reroutesInit } from '../metrics/reroutes.js';
import {
  type ServiceLevelOptions,
  type ServiceLevelResult,
  type ServiceLevelState,
  serviceLevelFamily,
  serviceLevelInit,
} from '../metrics/serviceLevel.js';
import {
  type AverageSpeedOfAnswerResult,
  type AverageSpeedOfAnswerState,
  averageSpeedOfAnswerFamily,
  averageSpeedOfAnswerInit,
} from '../metrics/averageSpeedOfAnswer.js';
import { type ResolutionRateResult, type ResolutionRateState, resolutionRateFamily, resolutionRateInit } from '../metrics/resolutionRate.js';
import { type DurationCore, type DurationOptions, type DurationResult, durationCoreFor } from '../metrics/_durations.js';
import { firstResponseTimeSpec } from '../metrics/firstResponseTime.js';
import { resolutionTimeSpec } from '../metrics/resolutionTime.js';
import { type SurveyFcrResult, type SurveyFcrState, surveyFcrFamily, surveyFcrInit } from '../metrics/surveyFcr.js';

/** Fields a contact or survey can be grouped by. */
export type GroupField = 'touchpoint' | 'channel' | 'agentId' | 'queue' | 'journeyId';

/** Options of the per-group metrics (each as the metric function takes it), and row order. */
export interface GroupMetricsOptions extends StatOptions {
  /** Options of {@link csat} in every group. */
  csat?: CsatOptions;
  /** Options of {@link ces} in every group. */
  ces?: CesOptions;
  /** Options of {@link fcr} in every group (FCR is computed on the group's own contacts). */
  fcr?: FcrOptions;
  /** Options of {@link churnIncidence} in every group. */
  churnIncidence?: ChurnIncidenceOptions;
  /** Options of {@link serviceLevel} in every group. */
  serviceLevel?: ServiceLevelOptions;
  /** Options of {@link firstResponseTime} in every group. */
  firstResponseTime?: DurationOptions;
  /** Options of {@link resolutionTime} in every group. */
  resolutionTime?: DurationOptions;
  /**
   * Keys to list first, in this order (e.g. a journey's touchpoint ids); other keys follow in
   * code-unit order, and the `null` group comes last.
   * @defaultValue `[]`
   */
  order?: readonly string[];
}

/** One group's row: every metric on the group's own records. JSON-safe. */
export interface GroupRow {
  /** The group's key; `null` for records without the field. */
  key: string | null;
  /** Interactions in the group. */
  interactions: number;
  /** Survey responses in the group. */
  surveys: number;
  aht: AhtResult;
  holdTime: HoldTimeResult;
  reroutes: ReroutesResult;
  churnIncidence: ChurnIncidenceResult;
  fcr: FcrResult;
  csat: CsatResult;
  nps: NpsResult;
  ces: CesResult;
  /** Answered within the threshold (see {@link serviceLevel}). */
  serviceLevel: ServiceLevelResult;
  /** Queue wait of answered contacts. */
  averageSpeedOfAnswer: AverageSpeedOfAnswerResult;
  /** Share of handled contacts marked resolved, among those that report it. */
  resolutionRate: ResolutionRateResult;
  /** Survey FCR: share of "yes, resolved" among responses that answer it. */
  surveyFcr: SurveyFcrResult;
  /** First response time (see {@link firstResponseTime}); contacts without it are `missing`. */
  firstResponseTime: DurationResult;
  /** Resolution time (see {@link resolutionTime}); contacts without it are `missing`. */
  resolutionTime: DurationResult;
}

interface Group {
  key: string | null;
  interactions: number;
  surveys: number;
  aht: AhtState;
  holdTime: HoldTimeState;
  reroutes: ReroutesState;
  churn: ChurnIncidenceState;
  fcr: FcrCore;
  csat: CsatState;
  nps: NpsState;
  ces: CesState;
  serviceLevel: ServiceLevelState;
  asa: AverageSpeedOfAnswerState;
  resolution: ResolutionRateState;
  surveyFcr: SurveyFcrState;
  frt: DurationCore<'firstResponseTime'>;
  rt: DurationCore<'resolutionTime'>;
}

function checkKey(v: unknown, label: string, field: string, i: number): string | null {
  if (v === undefined) return null;
  if (typeof v !== 'string') invalidValue(`${label}[${i}].${field}`, i, 'must be a string', v);
  return v;
}

/**
 * Groups interactions and surveys by `field` and computes every metric family per group.
 * A survey without the field takes its interaction's (through `interactionId`).
 * @internal
 */
export function groupMetrics(
  data: { interactions?: Iterable<Interaction>; surveys?: Iterable<SurveyResponse> },
  field: GroupField,
  options: GroupMetricsOptions | undefined,
): GroupRow[] {
  // Validate every option once, up front, so a bad option fails even on empty data.
  const csat0 = csatInit(options?.csat);
  const ces0 = cesInit(options?.ces);
  const churn0 = churnIncidenceInit(options?.churnIncidence);
  const fcr0 = fcrInit(options?.fcr);
  const sl0 = serviceLevelInit(options?.serviceLevel);
  const order = options?.order ?? [];
  // each metric's own `confidence` / `lowSample` win over the top-level ones
  const optsFor = (own: StatOptions | undefined) =>
    resultOptions({
      ...pickStat(options),
      ...pickStat(own),
    });
  const opts = optsFor(undefined);
  const csatOpts = optsFor(options?.csat);
  const cesOpts = optsFor(options?.ces);
  const fcrOpts = optsFor(options?.fcr);
  const churnOpts = optsFor(options?.churnIncidence);
  const slOpts = optsFor(options?.serviceLevel);
  const frt0 = durationCoreFor(firstResponseTimeSpec, { ...pickStat(options), ...options?.firstResponseTime });
  const rt0 = durationCoreFor(resolutionTimeSpec, { ...pickStat(options), ...options?.resolutionTime });
  const groups = new Map<string | null, Group>();
  const groupOf = (key: string | null): Group => {
    let g = groups.get(key);
    if (g === undefined) {
      g = {
        key,
        interactions: 0,
        surveys: 0,
        aht: ahtInit(),
        holdTime: holdTimeInit(),
        reroutes: reroutesInit(),
        churn: { ...churn0 },
        fcr: new FcrCore(fcr0.windowHours, fcr0.asOf),
        csat: csatFamily.copy(csat0),
        nps: npsInit(),
        ces: cesFamily.copy(ces0),
        serviceLevel: serviceLevelFamily.copy(sl0),
        asa: averageSpeedOfAnswerInit(),
        resolution: resolutionRateInit(),
        surveyFcr: surveyFcrInit(),
        frt: frt0.make(),
        rt: rt0.make(),
      };
      groups.set(key, g);
    }
    return g;
  };

  // Surveys first: those that carry the field go straight to their group; those that lack it but
  // name an interaction wait for the interaction pass, which resolves them in O(1) each.
  const waiting = new Map<string, number[]>();
  const surveys: SurveyResponse[] = [];
  let si = 0;
  for (const s of data.surveys ?? []) {
    const i = si++;
    if (typeof s !== 'object' || s === null) invalidValue(`surveys[${i}]`, i, 'must be an object', s);
    const key = checkKey(s[field as keyof SurveyResponse], 'surveys', field, i);
    if (key === null && typeof s.interactionId === 'string') {
      surveys[i] = s;
      const list = waiting.get(s.interactionId);
      if (list === undefined) waiting.set(s.interactionId, [i]);
      else list.push(i);
      continue;
    }
    addSurvey(groupOf(key), s, i);
  }

  let ii = 0;
  for (const r of data.interactions ?? []) {
    const i = ii++;
    if (typeof r !== 'object' || r === null) invalidValue(`interactions[${i}]`, i, 'must be an object', r);
    const key = checkKey(r[field], 'interactions', field, i);
    const g = groupOf(key);
    g.interactions++;
    ahtFamily.add(g.aht, r, i);
    holdTimeFamily.add(g.holdTime, r, i);
    reroutesFamily.add(g.reroutes, r, i);
    churnIncidenceFamily.add(g.churn, r, i);
    g.fcr.add(r, i);
    serviceLevelFamily.add(g.serviceLevel, r, i);
    averageSpeedOfAnswerFamily.add(g.asa, r, i);
    resolutionRateFamily.add(g.resolution, r, i);
    // durations only where the record has one: the others are `missing`, set at the end
    if (r.firstResponseSeconds !== undefined || r.firstResponseAt !== undefined) g.frt.add(r, i);
    if (r.resolutionSeconds !== undefined || r.resolvedAt !== undefined) g.rt.add(r, i);
    if (waiting.size > 0 && key !== null) {
      const list = waiting.get(r.id);
      if (list !== undefined) {
        waiting.delete(r.id);
        for (const j of list) addSurvey(g, surveys[j]!, j);
      }
    }
  }
  // Surveys whose interaction was not found (or has no key) form the null group.
  for (const list of waiting.values()) for (const j of list) addSurvey(groupOf(null), surveys[j]!, j);

  const rank = new Map<string, number>();
  order.forEach((k, i) => {
    if (!rank.has(k)) rank.set(k, i);
  });
  const rows = [...groups.values()].sort((a, b) => {
    if (a.key === b.key) return 0;
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    const ra = rank.get(a.key);
    const rb = rank.get(b.key);
    if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity) || (a.key < b.key ? -1 : 1);
    return a.key < b.key ? -1 : 1;
  });
  for (const g of rows) {
    g.frt.missing = g.interactions - g.frt.n;
    g.rt.missing = g.interactions - g.rt.n;
  }
  return rows.map((g) => ({
    key: g.key,
    interactions: g.interactions,
    surveys: g.surveys,
    aht: ahtFamily.result(g.aht, opts),
    holdTime: holdTimeFamily.result(g.holdTime, opts),
    reroutes: reroutesFamily.result(g.reroutes, opts),
    churnIncidence: churnIncidenceFamily.result(g.churn, churnOpts),
    fcr: g.fcr.result(fcrOpts),
    csat: csatFamily.result(g.csat, csatOpts),
    nps: npsFamily.result(g.nps, opts),
    ces: cesFamily.result(g.ces, cesOpts),
    serviceLevel: serviceLevelFamily.result(g.serviceLevel, slOpts),
    averageSpeedOfAnswer: averageSpeedOfAnswerFamily.result(g.asa, opts),
    resolutionRate: resolutionRateFamily.result(g.resolution, opts),
    surveyFcr: surveyFcrFamily.result(g.surveyFcr, opts),
    firstResponseTime: g.frt.result(frt0.opts),
    resolutionTime: g.rt.result(rt0.opts),
  }));
}

function pickStat(o: StatOptions | undefined): StatOptions {
  const out: StatOptions = {};
  if (o?.confidence !== undefined) out.confidence = o.confidence;
  if (o?.lowSample !== undefined) out.lowSample = o.lowSample;
  return out;
}

function addSurvey(g: Group, s: SurveyResponse, i: number): void {
  g.surveys++;
  const w = s.weight;
  if (s.csat !== undefined) csatFamily.add(g.csat, s.csat, i, 'csat', w);
  if (s.nps !== undefined) npsFamily.add(g.nps, s.nps, i, 'nps', w);
  if (s.ces !== undefined) cesFamily.add(g.ces, s.ces, i, 'ces', w);
  surveyFcrFamily.add(g.surveyFcr, s, i);
}
