// A browser app's TypeScript under moduleResolution bundler, with the strictest common flags
// (noUncheckedIndexedAccess, exactOptionalPropertyTypes, verbatimModuleSyntax).
import {
  byTouchpoint,
  ces,
  csat,
  nps,
  npsAccumulator,
  type ByTouchpointOptions,
  type CsatResult,
  type Interaction,
  type NpsState,
  type SurveyResponse,
  type TouchpointRow,
} from 'cx-metrics';

const interactions: Interaction[] = [
  { id: 'c1', channel: 'phone', startedAt: Date.UTC(2024, 2, 1, 9), touchpoint: 'billing', talkSeconds: 300 },
  { id: 'c2', channel: 'chat', startedAt: Date.UTC(2024, 2, 1, 10), touchpoint: 'support', abandoned: true },
];
const surveys: SurveyResponse[] = [{ id: 's1', submittedAt: Date.UTC(2024, 2, 1, 9, 30), interactionId: 'c1', nps: 9, csat: 5 }];

const options: ByTouchpointOptions = { csat: { scale: [1, 5], satisfiedFrom: 4 }, fcr: { windowHours: 24 }, order: ['support'] };
const rows: TouchpointRow[] = byTouchpoint({ interactions, surveys }, options);
const firstKey: string | null | undefined = rows[0]?.key; // possibly undefined: noUncheckedIndexedAccess

const sat: CsatResult = csat([5, 4, 1]);
const easy: number | null = ces([6, 7]).rate;
const saved: NpsState = npsAccumulator().add(9).state();
const restored = npsAccumulator.fromState(saved).result();

const out = document.createElement('pre');
out.textContent = JSON.stringify({ firstKey, sat, easy, nps: nps([9, 10]).score, restored });
document.body.append(out);
