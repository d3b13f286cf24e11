import { expect, test } from './sandboxPage';
import { mapCanvas, saveElementScreenshot, waitForSettledPositions } from './panelPage';
import { enablePanelPositions, hoverEdge, hoverNode } from './datasourcePage';
import { openDashboardMap, POSTGRES_DATASOURCE, sandboxDashboard, sqlTarget } from './sandboxSetup';

/**
 * A hand-written Node Graph query on PostgreSQL (a reviewer's): id/title/subtitle, a unitless mainstat, a text
 * secondarystat, arc__* and color; no requests, rates or percentiles.
 */
const NODES_SQL = `SELECT * FROM (VALUES ('frontend','frontend','web',120.5,'3 ms',0.9,0.1,'green'),
  ('api','api','backend',80.1,'12 ms',0.97,0.03,'green'), ('postgres','postgres','database',50.0,'40 ms',1.0,0.0,'blue'),
  ('redis','redis','cache',30.0,'1 ms',1.0,0.0,'blue'), ('stripe','stripe','external',5.0,'900 ms',0.6,0.4,'red'))
  AS t(id,title,subtitle,mainstat,secondarystat,arc__success,arc__failed,color)`;
const EDGES_SQL = `SELECT * FROM (VALUES ('e1','frontend','api',80.1,'12 ms'),('e2','api','postgres',50.0,'40 ms'),
  ('e3','api','redis',30.0,'1 ms'),('e4','api','stripe',5.0,'900 ms')) AS t(id,source,target,mainstat,secondarystat)`;

test.describe('Node Graph frames from another datasource (issue 9)', () => {
  test('stats the frame does not give are not shown as 0; its raw mainstat/secondarystat are', async ({
    page,
    consoleErrors,
  }) => {
    await enablePanelPositions(page);
    await openDashboardMap(
      page,
      sandboxDashboard({
        panelTitle: 'Node Graph from SQL',
        datasource: POSTGRES_DATASOURCE,
        targets: [sqlTarget('A', EDGES_SQL), sqlTarget('B', NODES_SQL)],
        options: { animation: false },
      })
    );
    await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '5');
    // The subtitle describes a node; it does not make one group (hull) per node.
    await expect(mapCanvas(page)).toHaveAttribute('data-hulls', '0');
    await waitForSettledPositions(page);

    await expect
      .poll(async () => (await hoverNode(page, 'api'))?.rows)
      .toEqual({
        Errors: '3.0%',
        mainstat: '80.1',
        secondarystat: '12 ms',
      });
    const node = await hoverNode(page, 'api');
    expect(node?.text).toContain('Service · backend');
    expect(node?.text).not.toMatch(/0\/s|Requests|0 ms/);

    const edge = await hoverEdge(page, 'api', 'postgres');
    expect(edge?.rows).toEqual({ mainstat: '50', secondarystat: '40 ms' });
    expect(edge?.text).not.toContain('0/s');
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-nodegraph-sql');
    expect(consoleErrors).toEqual([]);
  });
});
