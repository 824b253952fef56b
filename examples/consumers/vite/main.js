// A browser app built with `vite build`, no plugins. It imports only metric functions, so the
// bundle carries neither zod nor the parsers (the package is split per layer, sideEffects: false):
// records here are already normalized (epoch-ms timestamps); dirty input would go through
// parseInteractions / parseSurveyResponses, which bring zod along.
import { byTouchpoint, nps } from 'cx-metrics';

const interactions = [
  { id: 'c1', channel: 'phone', startedAt: Date.UTC(2024, 2, 1, 9), customerId: 'k1', touchpoint: 'billing', talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 40 },
  { id: 'c2', channel: 'chat', startedAt: Date.UTC(2024, 2, 1, 10), customerId: 'k1', touchpoint: 'billing', talkSeconds: 200 },
  { id: 'c3', channel: 'phone', startedAt: Date.UTC(2024, 2, 2, 9), customerId: 'k2', touchpoint: 'support', talkSeconds: 500 },
  { id: 'c4', channel: 'phone', startedAt: Date.UTC(2024, 2, 2, 9, 30), customerId: 'k3', touchpoint: 'support', abandoned: true },
];
const surveys = [
  { id: 's1', submittedAt: Date.UTC(2024, 2, 1, 9, 30), interactionId: 'c1', nps: 10 },
  { id: 's2', submittedAt: Date.UTC(2024, 2, 1, 11), interactionId: 'c2', nps: 7 },
  { id: 's3', submittedAt: Date.UTC(2024, 2, 2, 10), interactionId: 'c3', nps: 3 },
  { id: 's4', submittedAt: Date.UTC(2024, 2, 3, 12), nps: 9 },
];

const fmt = (v, digits = 0) => (v === null ? '–' : v.toFixed(digits));
const overall = nps(surveys.map((s) => s.nps));
const lines = [`NPS ${fmt(overall.score)} (n=${overall.n})`];
for (const row of byTouchpoint({ interactions, surveys })) {
  lines.push(
    `${row.key ?? '(none)'}: contacts ${row.interactions}, AHT ${fmt(row.aht.mean)} s, ` +
      `abandoned ${fmt(row.churnIncidence.rate === null ? null : row.churnIncidence.rate * 100)}%, NPS ${fmt(row.nps.score)}`,
  );
}
document.getElementById('out').textContent = lines.join('\n');
