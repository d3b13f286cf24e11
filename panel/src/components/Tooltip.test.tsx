import { render, screen, within } from '@testing-library/react';
import React from 'react';
import type { GraphNode } from '../../../servicegraph/src/types';
import { readGenaiGraph } from '../data/testdata/genaiGraph';
import { buildScene } from '../render/buildScene';
import { testHealthRules } from '../testdata/shopScene';
import { readSqlNodeGraph } from '../testdata/sqlNodeGraph';
import type { SceneNode } from '../render/sceneTypes';
import { Tooltip } from './Tooltip';

const graph = readGenaiGraph();

function sceneNode(id: string): SceneNode {
  const stats = graph.nodes.find((n) => n.id === id) as GraphNode;
  return { id, title: id, kind: stats.kind, x: 0, y: 0, radius: 10, health: 0, errorShare: 0, pinned: false, stats };
}

/** The tooltip's rows as label -> value. */
function tooltipRows(): Record<string, string> {
  const rows = within(screen.getByTestId('kompas-dataflow-tooltip')).getAllByRole('row');
  return Object.fromEntries(
    rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent])
  );
}

describe('node tooltip', () => {
  it('shows what the root client user sends, labelled as sent, instead of 0 requests served', () => {
    render(
      <Tooltip
        target={{ kind: 'node', node: sceneNode('user') }}
        x={0}
        y={0}
        width={800}
        height={500}
        edges={graph.edges}
      />
    );
    const sent = graph.edges.filter((e) => e.source === 'user');
    expect(screen.getByTestId('kompas-dataflow-tooltip-sent')).toHaveTextContent('Serves no requests; what it sends');
    expect(tooltipRows()).toEqual({
      Sent: `${sent[0].rate.toFixed(2)}/s`,
      'Requests sent': String(sent[0].requests),
      Failed: '0 (0%)',
      Calls: '1 service',
    });
  });

  it('keeps the served statistics of a service that is called', () => {
    const node = sceneNode('vector-store');
    render(<Tooltip target={{ kind: 'node', node }} x={0} y={0} width={800} height={500} edges={graph.edges} />);
    expect(screen.queryByTestId('kompas-dataflow-tooltip-sent')).toBeNull();
    expect(tooltipRows()).toMatchObject({ Requests: String(node.stats.requests), Failed: `${node.stats.failed} (0%)` });
    expect(node.stats.requests).toBeGreaterThan(0);
  });
});

describe('tooltip of a foreign Node Graph frame', () => {
  const sql = readSqlNodeGraph();
  const positions = Object.fromEntries(sql.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }]));
  const scene = buildScene(sql, positions, { health: testHealthRules, hiddenKinds: [], pins: {} });

  it('shows only what the frame gave: its error share and its raw stats, no invented zeros', () => {
    const node = scene.nodeById.get('api') as SceneNode;
    render(<Tooltip target={{ kind: 'node', node }} x={0} y={0} width={800} height={500} edges={sql.edges} />);
    expect(tooltipRows()).toEqual({ Errors: '3.0%', mainstat: '80.1', secondarystat: '12 ms' });
    expect(screen.getByTestId('kompas-dataflow-tooltip')).toHaveTextContent('Service · backend');
    expect(screen.getByTestId('kompas-dataflow-tooltip')).not.toHaveTextContent(/0\/s|0 ms|Requests/);
  });

  it('shows an edge’s raw mainstat and secondarystat', () => {
    const edge = scene.edges[0];
    render(<Tooltip target={{ kind: 'edge', edge }} x={0} y={0} width={800} height={500} edges={sql.edges} />);
    expect(tooltipRows()).toEqual({ mainstat: '80.1', secondarystat: '12 ms' });
  });
});
