// ESM TypeScript under module/moduleResolution node16: the types come from the "import" condition.
import {
  CxMetricsError,
  byTouchpoint,
  fcrAccumulator,
  nps,
  parseInteractions,
  type FcrState,
  type Interaction,
  type NpsResult,
  type TouchpointRow,
} from 'cx-metrics';

const r: NpsResult = nps([9, 10, 6]);
const score: number | null = r.score; // null when there are no answers: the type says so

const { records, issues } = parseInteractions(
  [
    { id: 'c1', channel: 'phone', startedAt: '2024-03-01T09:00:00Z', customerId: 'k1', touchpoint: 'billing', talkSeconds: 300 },
    { id: 'c2', channel: 'chat', startedAt: '2024-03-01T10:00:00Z', customerId: 'k1', touchpoint: 'billing', talkSeconds: -5 },
  ],
  { onInvalid: 'skip' },
);
const first: Interaction | undefined = records[0];
const startedAt: number | undefined = first?.startedAt; // epoch ms after parsing
const rows: TouchpointRow[] = byTouchpoint({ interactions: records });
const keys: Array<string | null> = rows.map((row) => row.key);

// Accumulator states are typed plain JSON: store them, send them, merge them.
const state: FcrState = fcrAccumulator({ windowHours: 24 }).add({ id: 'a', channel: 'phone', startedAt: 0, customerId: 'k1' }).state();
const merged = fcrAccumulator.fromState(state).merge(state).result();

function describe(e: unknown): string {
  // CxMetricsError's fields are typed: no parsing of message text
  return e instanceof CxMetricsError ? `${e.code} at ${e.path} (record ${e.index ?? '-'})` : String(e);
}

console.log({ score, issues: issues.length, startedAt, keys, fcr: merged.rate, error: describe(new Error('x')) });
