import { createDataFrame, FieldType, LinkModel } from '@grafana/data';
import { toNodeGraphFrames } from '../../../servicegraph/src/frames/toNodeGraphFrames';
import { createShopGraph } from '../testdata/shopGraph';
import { findFocusNode } from './focusTarget';
import { readDataLinks } from './readDataLinks';
import { readGraph } from './readGraph';
import { readNodeGroups } from './readNodeGroups';
import { searchNodes } from './searchNodes';
import { buildTraceLink } from './traceLink';

describe('readGraph', () => {
  it('reads Kompas frames back into the graph', () => {
    const reading = readGraph(toNodeGraphFrames(createShopGraph()));
    expect(reading.state).toBe('graph');
    if (reading.state === 'graph') {
      expect(reading.graph.nodes.map((n) => n.id).sort()).toEqual(
        createShopGraph()
          .nodes.map((n) => n.id)
          .sort()
      );
      expect(reading.graph.nodes.find((n) => n.id === 'orders-db')?.kind).toBe('database');
    }
  });

  it('treats no frames and empty frames as the empty state', () => {
    expect(readGraph([]).state).toBe('empty');
    expect(
      readGraph([createDataFrame({ fields: [{ name: 'source', type: FieldType.string, values: [] }] })]).state
    ).toBe('empty');
  });

  it('explains frames that are not a graph', () => {
    const table = createDataFrame({ name: 'cpu', fields: [{ name: 'value', type: FieldType.number, values: [1] }] });
    const reading = readGraph([table]);
    expect(reading).toEqual({ state: 'error', message: expect.stringContaining('no edges frame') });
  });
});

describe('readDataLinks', () => {
  it('collects the links of the row of an edge, once each', () => {
    const link: LinkModel = { href: '/explore?trace=checkout', title: 'Traces', target: '_self', origin: {} };
    const frame = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a->b', 'checkout->payments'] },
        { name: 'source', type: FieldType.string, values: ['a', 'checkout'] },
        { name: 'target', type: FieldType.string, values: ['b', 'payments'] },
      ],
    });
    frame.fields.forEach((field) => {
      field.getLinks = ({ valueRowIndex }) => (valueRowIndex === 1 ? [link] : []);
    });
    expect(readDataLinks([frame], 'edge', 'checkout->payments')).toEqual([link]);
    expect(readDataLinks([frame], 'edge', 'nope->nothing', { source: 'a', target: 'b' })).toEqual([]);
    expect(readDataLinks([frame], 'node', 'checkout')).toEqual([]);
  });
});

describe('readNodeGroups', () => {
  it('uses the graph groups or any field of the nodes frame', () => {
    const graph = createShopGraph();
    expect(readNodeGroups([], graph, 'group')?.get('payments')).toBe('pay');
    expect(readNodeGroups([], graph, '')).toBeUndefined();
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', type: FieldType.string, values: ['cart', 'payments'] },
        { name: 'namespace', type: FieldType.string, values: ['shop', null] },
      ],
    });
    const groups = readNodeGroups([nodes], graph, 'namespace');
    expect(groups?.get('cart')).toBe('shop');
    expect(groups?.has('payments')).toBe(false);
  });
});

describe('findFocusNode', () => {
  const graph = createShopGraph();
  it('matches the variable value to a node id or title', () => {
    expect(findFocusNode(graph, 'focus', 'payments')).toBe('payments');
    expect(findFocusNode(graph, 'focus', 'PAYMENTS')).toBe('payments');
  });
  it('ignores unset, All and unknown values', () => {
    expect(findFocusNode(graph, 'focus', '$focus')).toBeUndefined();
    expect(findFocusNode(graph, 'focus', '$__all')).toBeUndefined();
    expect(findFocusNode(graph, 'focus', 'ghost')).toBeUndefined();
    expect(findFocusNode(graph, '', 'payments')).toBeUndefined();
  });
});

describe('searchNodes', () => {
  it('ranks exact, then prefix, then substring matches', () => {
    const nodes = createShopGraph().nodes;
    expect(searchNodes(nodes, 'ca').map((n) => n.id)).toEqual(['cart']);
    expect(searchNodes(nodes, 'out').map((n) => n.id)).toEqual(['checkout']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });
});

describe('buildTraceLink', () => {
  it('fills client and server, then dashboard variables', () => {
    const href = buildTraceLink('/explore?ds=${ds}&q=${client}->${server}', { source: 'a b', target: 'c' }, (v) =>
      v.replace('${ds}', 'jaeger')
    );
    expect(href).toBe('/explore?ds=jaeger&q=a%20b->c');
    expect(buildTraceLink('', { source: 'a', target: 'b' }, (v) => v)).toBeUndefined();
  });

  it('neutralises a script URL coming from a dashboard variable', () => {
    const href = buildTraceLink('$link?q=${client}', { source: 'a', target: 'b' }, (v) =>
      v.replace('$link', 'javascript:alert(1)//')
    );
    expect(href).toBe('about:blank');
  });
});
