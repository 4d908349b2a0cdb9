import { describe, expect, it } from 'vitest';
import { gate, mapGated, PLEX_PARALLEL, partGate } from './concurrency.js';

/** A task that waits until released by hand, recording when it started. */
function deferred(started: number[], id: number) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  const task = async () => {
    started.push(id);
    await done;
    return id;
  };
  return { task, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('gate', () => {
  it('runs at most `max` tasks at once and starts the rest in order as slots free', async () => {
    const started: number[] = [];
    const run = gate(2);
    const tasks = [0, 1, 2, 3].map((id) => deferred(started, id));
    const results = tasks.map(({ task }) => run(task));
    await tick();
    expect(started).toEqual([0, 1]);
    tasks[1]?.release();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const { release } of tasks) release();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
  });

  it('starts no waiting task once one has failed', async () => {
    const started: number[] = [];
    const run = gate(1);
    const failing = run(async () => {
      started.push(0);
      throw new Error('Plex said no');
    });
    const waiting = run(async () => {
      started.push(1);
      return 1;
    });
    await expect(failing).rejects.toThrow('Plex said no');
    await expect(waiting).rejects.toThrow('Plex said no');
    expect(started).toEqual([0]);
  });
});

describe('mapGated', () => {
  it('keeps the order of the items with PLEX_PARALLEL calls in flight at most', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapGated(
      Array.from({ length: 30 }, (_, i) => i),
      async (n) => {
        most = Math.max(most, ++inFlight);
        await tick();
        inFlight--;
        return n * 2;
      },
    );
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(most).toBe(PLEX_PARALLEL);
  });
});

describe('partGate', () => {
  it("fails only its own waiting tasks, leaving the parent's running", async () => {
    const started: string[] = [];
    const run = gate(1);
    const part = partGate(run);
    const failing = part(async () => {
      started.push('part 1');
      throw new Error('genres refused');
    });
    const partWaiting = part(async () => {
      started.push('part 2');
      return 2;
    });
    const main = run(async () => {
      started.push('main');
      return 'counts';
    });
    await expect(failing).rejects.toThrow('genres refused');
    await expect(partWaiting).rejects.toThrow('genres refused');
    expect(await main).toBe('counts');
    expect(started).toEqual(['part 1', 'main']);
  });

  it("shares the parent's slots", async () => {
    const started: number[] = [];
    const run = gate(1);
    const part = partGate(run);
    const first = deferred(started, 0);
    const a = run(first.task);
    const b = part(async () => {
      started.push(1);
      return 1;
    });
    await tick();
    expect(started).toEqual([0]);
    first.release();
    expect(await Promise.all([a, b])).toEqual([0, 1]);
  });
});
