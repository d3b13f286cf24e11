import fc from 'fast-check';

import { AggregatorConfigError, createBucketedAggregator } from './bucketedAggregator';
import { addObservation, createEdgeWindow } from './edgeWindow';
import { observation, observationsArbitrary } from './testObservations';
import { windowToGraph } from './windowToGraph';

const T0 = 1_700_000_000_000;

describe('createBucketedAggregator', () => {
  it('puts observations into buckets by start time and answers a range from the buckets it covers', () => {
    const aggregator = createBucketedAggregator({ bucketMs: 10_000 });
    aggregator.add(observation({ clientService: 'a', serverService: 'b', timeMs: T0 + 1_000 }));
    aggregator.add(observation({ clientService: 'a', serverService: 'b', timeMs: T0 + 12_000, failed: true }));
    aggregator.add(observation({ clientService: 'b', serverService: 'c', timeMs: T0 + 25_000 }));
    expect(aggregator.bucketStarts()).toEqual([T0, T0 + 10_000, T0 + 20_000]);

    const graph = aggregator.graph(T0 + 10_000, T0 + 20_000);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]).toMatchObject({ id: 'a->b', requests: 1, failed: 1, rate: 0.1 });

    const all = aggregator.graph(T0, T0 + 30_000);
    expect(all.edges.map((e) => [e.id, e.requests])).toEqual([
      ['a->b', 2],
      ['b->c', 1],
    ]);
  });

  it('evicts the buckets that end before a time', () => {
    const aggregator = createBucketedAggregator({ bucketMs: 5_000 });
    [0, 4_999, 5_000, 12_000].forEach((offset) =>
      aggregator.add(observation({ clientService: 'a', serverService: 'b', timeMs: T0 + offset }))
    );
    aggregator.evictBefore(T0 + 10_000);
    expect(aggregator.bucketStarts()).toEqual([T0 + 10_000]);
    expect(aggregator.graph(T0, T0 + 20_000).edges[0].requests).toBe(1);
  });

  it('gives the same graph as one window when the range covers every bucket (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, fc.integer({ min: 1, max: 30_000 }), (observations, bucketMs) => {
        const aggregator = createBucketedAggregator({ bucketMs });
        const window = createEdgeWindow();
        observations.forEach((obs) => {
          aggregator.add(obs);
          addObservation(window, obs);
        });
        const range = { startMs: T0, endMs: T0 + 60_001 };
        expect(aggregator.graph(range.startMs, range.endMs)).toEqual(windowToGraph(window, range));
      })
    );
  });

  it('passes groups and kind overrides through to the graph', () => {
    const aggregator = createBucketedAggregator({ bucketMs: 1_000 });
    aggregator.add(observation({ clientService: 'a', serverService: 'b', timeMs: T0 }));
    const graph = aggregator.graph(T0, T0 + 1_000, { groups: { a: 'shop' }, nodeKinds: { b: 'database' } });
    expect(graph.nodes).toMatchObject([
      { id: 'a', group: 'shop', kind: 'service' },
      { id: 'b', kind: 'database' },
    ]);
  });

  it('rejects a bucket width that is not a positive number', () => {
    expect(() => createBucketedAggregator({ bucketMs: 0 })).toThrow(
      new AggregatorConfigError('bucketMs must be a positive number of milliseconds, got 0')
    );
  });
});
