// The README quick start. In your code: import { nps, csat, byTouchpoint } from 'cx-metrics';
import { nps, csat, byTouchpoint } from '../dist/index.js';

console.log(nps([10, 9, 9, 8, 7, 6, 3])); // score ≈ 14.3: 3 promoters − 2 detractors of 7
console.log(csat([5, 4, 4, 3, 2])); // rate 0.6: 3 of 5 answered 4 or 5

const t = Date.UTC(2024, 2, 4, 9); // timestamps are epoch ms (parseInteractions turns ISO strings into them)
const interactions = [
  { id: 'c1', channel: 'phone', startedAt: t, customerId: 'ann', touchpoint: 'billing-call', talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 60 },
  { id: 'c2', channel: 'chat', startedAt: t, customerId: 'bob', touchpoint: 'chatbot', talkSeconds: 120, transfers: 1 },
  { id: 'c3', channel: 'phone', startedAt: t + 3_600_000, customerId: 'ann', touchpoint: 'billing-call', talkSeconds: 420, afterWorkSeconds: 30 }, // ann calls back: c1 was not resolved first time
];
const surveys = [{ id: 's1', submittedAt: t, interactionId: 'c1', csat: 5, nps: 9 }, { id: 's2', submittedAt: t, interactionId: 'c2', csat: 2, nps: 4 }];
for (const row of byTouchpoint({ interactions, surveys }, { order: ['chatbot', 'billing-call'] })) {
  console.log(row.key, { contacts: row.interactions, ahtSeconds: row.aht.mean, fcr: row.fcr.rate, csat: row.csat.rate, nps: row.nps.score });
}
