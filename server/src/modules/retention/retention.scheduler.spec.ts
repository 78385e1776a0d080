import { MovableClock } from '../../clock';
import type { ExclusiveRunner } from '../../db/lease';
import { RetentionScheduler } from './retention.scheduler';
import type { RetentionService } from './retention.service';

describe('the daily retention run', () => {
  afterEach(() => jest.useRealTimers());

  function scheduler() {
    jest.useFakeTimers({ now: new Date('2027-03-01T01:00:00Z') });
    const clock = new MovableClock();
    const runs: string[] = [];
    const retention = {
      run: jest.fn(async () => {
        runs.push(clock.now().toISOString());
        return { casesPurged: 0, documentsDestroyed: 0, provisionsPastRetention: 0, ranAt: clock.now().toISOString() };
      }),
    } as unknown as RetentionService;
    // one process: the lease is always free; its once-per-day mark is what the scheduler relies on
    const done = new Set<string>();
    const exclusive: ExclusiveRunner = {
      async runExclusive(_name, fn, { onceFor }) {
        if (onceFor && done.has(onceFor)) return { ran: false, reason: 'done' };
        const result = await fn();
        if (onceFor) done.add(onceFor);
        return { ran: true, result };
      },
    };
    return { scheduled: new RetentionScheduler(retention, clock, exclusive), runs };
  }

  test('runs once a day (Japan time), checked hourly, first shortly after start', async () => {
    const { scheduled, runs } = scheduler();
    scheduled.start();
    await jest.advanceTimersByTimeAsync(9 * 60 * 1000);
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(60 * 1000);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(12 * 60 * 60 * 1000); // 13:10 UTC = 22:10 in Japan, same day
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(2 * 60 * 60 * 1000); // past midnight in Japan
    expect(runs).toHaveLength(2);
    await scheduled.stop();
  });

  test('stop clears the timers: nothing runs afterwards', async () => {
    const { scheduled, runs } = scheduler();
    scheduled.start();
    await scheduled.stop();
    await jest.advanceTimersByTimeAsync(3 * 24 * 60 * 60 * 1000);
    expect(runs).toEqual([]);
  });
});
