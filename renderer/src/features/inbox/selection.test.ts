import { describe, expect, it } from 'vitest';
import { emptySelection, MAX_SELECTION, rangeTo, type Selection, toggled } from './selection';

const ids = (s: Selection) => [...s.ids].sort((a, b) => b - a);
const order = [9, 8, 7, 6, 5, 4];

describe('export selection', () => {
  it('ticks and unticks one row, remembering it as the anchor', () => {
    const one = toggled(emptySelection, 7);
    expect(ids(one)).toEqual([7]);
    expect(one.anchor).toBe(7);
    const none = toggled(one, 7);
    expect(ids(none)).toEqual([]);
    expect(emptySelection.ids.size).toBe(0);
  });

  it('shift-click ticks every row between the anchor and the click, in either direction', () => {
    expect(ids(rangeTo(toggled(emptySelection, 8), 5, order))).toEqual([8, 7, 6, 5]);
    expect(ids(rangeTo(toggled(emptySelection, 5), 8, order))).toEqual([8, 7, 6, 5]);
  });

  it('shift-click from an unticked anchor unticks the range', () => {
    const all = rangeTo(toggled(emptySelection, 9), 4, order);
    const cleared = rangeTo(toggled(all, 7), 5, order);
    expect(ids(cleared)).toEqual([9, 8, 4]);
  });

  it('without an anchor in the list, shift-click ticks just the row', () => {
    expect(ids(rangeTo(emptySelection, 6, order))).toEqual([6]);
    expect(ids(rangeTo(toggled(emptySelection, 42), 6, order))).toEqual([42, 6]);
  });

  it('stops at the most one export can name', () => {
    const many = Array.from({ length: MAX_SELECTION + 10 }, (_, i) => i + 1);
    const s = rangeTo(toggled(emptySelection, 1), MAX_SELECTION + 10, many);
    expect(s.ids.size).toBe(MAX_SELECTION);
  });
});
