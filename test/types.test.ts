// Type-level contract: result and record shapes as DESIGN.md fixes them. Checked by `tsc --noEmit`
// (npm run typecheck, in CI), and run as ordinary tests by vitest.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Interaction,
  type InteractionInput,
  type NpsResult,
  type SurveyResponse,
  type TouchpointRow,
  aht,
  byTouchpoint,
  categorizeNps,
  csat,
  fcr,
  nps,
  npsAccumulator,
  parseInteractions,
} from '../src/index.js';

describe('types', () => {
  it('nps returns a nullable score and integer counts', () => {
    expectTypeOf(nps([9])).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps([9]).score).toEqualTypeOf<number | null>();
    expectTypeOf(categorizeNps(9)).toEqualTypeOf<'promoter' | 'passive' | 'detractor'>();
  });

  it('parsed interactions carry epoch-ms timestamps; inputs accept strings and Dates', () => {
    expectTypeOf(parseInteractions([]).records).toEqualTypeOf<Interaction[]>();
    expectTypeOf<Interaction['startedAt']>().toEqualTypeOf<number>();
    expectTypeOf<string>().toExtend<InteractionInput['startedAt']>();
    expectTypeOf<Date>().toExtend<InteractionInput['startedAt']>();
    expectTypeOf<SurveyResponse['nps']>().toEqualTypeOf<number | undefined>();
  });

  it('metric results have the contract fields', () => {
    expectTypeOf(csat([4])).toHaveProperty('rate');
    expectTypeOf(aht([])).toHaveProperty('totalSeconds');
    expectTypeOf(fcr([]).rate).toEqualTypeOf<number | null>();
    expectTypeOf(byTouchpoint({})).toEqualTypeOf<TouchpointRow[]>();
    expectTypeOf<TouchpointRow['key']>().toEqualTypeOf<string | null>();
  });

  it('accumulators chain and restore from state', () => {
    const acc = npsAccumulator().add(9);
    expectTypeOf(acc.result()).toEqualTypeOf<NpsResult>();
    expectTypeOf(npsAccumulator.fromState(acc.state()).result()).toEqualTypeOf<NpsResult>();
  });
});
