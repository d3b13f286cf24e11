import type { GrafanaTheme2 } from '@grafana/data';

// Blues and purples only: greens, oranges and reds already mean health on the map.
const GROUP_COLORS = [
  'blue',
  'purple',
  'light-blue',
  'light-purple',
  'semi-dark-blue',
  'semi-dark-purple',
  'super-light-blue',
  'super-light-purple',
];

/** Hull colours for groups, from the Grafana theme (light or dark variants of the named colours). */
export function readGroupColors(theme: GrafanaTheme2): string[] {
  return GROUP_COLORS.map((name) => theme.visualization.getColorByName(name));
}
