import { describe, expect, it } from 'vitest';
import type { Counter } from '../../contracts/api';
import { applyCounterEvent } from './use-hall';

const counter = (id: string, number: number): Counter => ({
  id,
  number,
  name: `Quầy ${number}`,
  active: true,
  state: 'closed',
  pauseReason: null,
  officerId: null,
  officerName: null,
  fields: [],
});

describe('live counters strip', () => {
  it('applies a counter event to that counter only', () => {
    const before = [counter('a', 1), counter('b', 2)];
    const after = applyCounterEvent(before, {
      id: '1.1',
      type: 'counter.paused',
      at: '2026-11-26T02:00:00Z',
      counter: { id: 'b', number: 2, state: 'paused', pauseReason: 'Nghỉ trưa', officerName: 'Trần Văn Minh' },
    });
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ state: 'paused', pauseReason: 'Nghỉ trưa', officerName: 'Trần Văn Minh', name: 'Quầy 2' });
    expect(before[1]!.state).toBe('closed');
  });
});
