import { describe, expect, it } from 'vitest';
import { advanceGaps, emptyGapState, type GapInput, type GapState, heartbeatWarning, listMissing, missingCount } from './subscription-gap-tracker';

function feed(inputs: Omit<GapInput, 'receivedAt'>[], start: GapState = emptyGapState()) {
  let state = start;
  const warnings: string[][] = [];
  inputs.forEach((input, i) => {
    const next = advanceGaps(state, { ...input, receivedAt: 1000 * (i + 1) * 60 });
    state = next.state;
    warnings.push(next.warnings);
  });
  return { state, warnings };
}

const event = (...eventNumbers: number[]) => ({ type: 'event-notification' as const, eventsSinceStart: Math.max(...eventNumbers), eventNumbers });

describe('subscription gap detection', () => {
  it('says nothing about an unbroken sequence, and starts from the first number seen', () => {
    const { state, warnings } = feed([event(41), event(42), event(43, 44)]);
    expect(warnings.flat()).toEqual([]);
    expect(state.highest).toBe(44);
  });

  it('flags a skipped range once, and clears it when the late events arrive', () => {
    const { state, warnings } = feed([event(1), event(5), event(3)]);
    expect(warnings[1]).toEqual([expect.stringMatching(/^Missing events 2–4/)]);
    expect(warnings[2]).toEqual(['Event 3 arrived late, after later events.']);
    expect(listMissing(state)).toEqual([2, 4]);
    expect(missingCount(state)).toBe(2);
  });

  it('counts repeats', () => {
    const { state, warnings } = feed([event(1), event(2), event(2)]);
    expect(warnings[2]).toEqual(['Event 2 repeated (already received).']);
    expect(state.repeated).toBe(1);
  });

  it('takes a heartbeat counter ahead of the events as missed events, inclusive', () => {
    const { state, warnings } = feed([event(3), { type: 'heartbeat', eventsSinceStart: 5, eventNumbers: [] }]);
    expect(warnings[1]).toEqual([expect.stringMatching(/^Missing events 4–5/)]);
    expect(state.inferredHeartbeatSeconds).toBe(60);
  });

  it('starts over after a handshake whose counter went back', () => {
    const { state, warnings } = feed([event(9), { type: 'handshake', eventsSinceStart: 0, eventNumbers: [] }, event(1)]);
    expect(warnings.flat()).toEqual([]);
    expect(state.highest).toBe(1);
  });

  it('ignores $status and $events results', () => {
    const { state } = feed([event(1), { type: 'query-status', eventsSinceStart: 50, eventNumbers: [] }]);
    expect(state.highest).toBe(1);
  });

  it('keeps a bounded list of ranges however large the jump', () => {
    let state = emptyGapState();
    for (let i = 0; i < 300; i++) state = advanceGaps(state, { ...event(i * 1_000_000), receivedAt: i }).state;
    expect(state.missing.length).toBeLessThanOrEqual(100);
    expect(listMissing(state)).toHaveLength(200);
  });

  it('warns when a subscription is silent for more than 1.5 heartbeat periods', () => {
    expect(heartbeatWarning(0, 60, 90_000)).toBeNull();
    expect(heartbeatWarning(0, 60, 96_000)).toMatch(/No notification or heartbeat for 96 s/);
    expect(heartbeatWarning(0, null, 1e9)).toBeNull();
  });
});
