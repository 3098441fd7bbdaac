import { describe, expect, it } from 'vitest';
import { createBuildQueue } from '../../../api/site/build/build-queue';

/** A build the test finishes by hand, to control exactly what arrives while it runs. */
function controllableBuilds() {
  const runs: { reasons: string[]; finish: () => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const run = (reasons: string[]) =>
    new Promise<string[]>((resolve) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs.push({
        reasons,
        finish: () => {
          running--;
          resolve(reasons);
        },
      });
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { runs, run, settle, maxRunning: () => maxRunning };
}

describe('createBuildQueue', () => {
  it('runs a build when asked', async () => {
    const builds = controllableBuilds();
    const queue = createBuildQueue(builds.run);
    const result = queue.schedule('publish');
    expect(builds.runs).toHaveLength(1);
    builds.runs[0].finish();
    expect(await result).toEqual(['publish']);
  });

  it('never overlaps builds and turns any number of requests during a build into exactly one more', async () => {
    const builds = controllableBuilds();
    const queue = createBuildQueue(builds.run);
    void queue.schedule('first');
    const during = [queue.schedule('a'), queue.schedule('b'), queue.schedule('c')];
    await builds.settle();
    expect(builds.runs).toHaveLength(1);
    builds.runs[0].finish();
    await builds.settle();
    expect(builds.runs).toHaveLength(2);
    expect(builds.runs[1].reasons).toEqual(['a', 'b', 'c']);
    builds.runs[1].finish();
    const results = await Promise.all(during);
    expect(results.every((r) => r === results[0])).toBe(true);
    await queue.whenIdle();
    expect(builds.runs).toHaveLength(2);
    expect(builds.maxRunning()).toBe(1);
  });

  it('reports idle only after the last queued build finished', async () => {
    const builds = controllableBuilds();
    const queue = createBuildQueue(builds.run);
    void queue.schedule('one');
    void queue.schedule('two');
    let idle = false;
    const waiting = queue.whenIdle().then(() => {
      idle = true;
    });
    builds.runs[0].finish();
    await builds.settle();
    expect(idle).toBe(false);
    expect(queue.isBuilding()).toBe(true);
    builds.runs[1].finish();
    await waiting;
    expect(idle).toBe(true);
    expect(queue.isBuilding()).toBe(false);
  });

  it('keeps going after a build throws', async () => {
    let calls = 0;
    const queue = createBuildQueue(async () => {
      calls++;
      if (calls === 1) throw new Error('disk full');
      return 'ok';
    });
    await expect(queue.schedule('first')).rejects.toThrow('disk full');
    expect(await queue.schedule('second')).toBe('ok');
  });
});
