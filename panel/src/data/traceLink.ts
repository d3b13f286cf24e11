import { textUtil } from '@grafana/data';

/**
 * "Explore traces for this edge": the panel's URL template with `${client}` and `${server}` filled in (URL
 * encoded), then dashboard variables. Sanitised like Grafana's own links, so a variable holding `javascript:…`
 * cannot become a script link. Undefined when no template is set.
 */
export function buildTraceLink(
  template: string,
  edge: { source: string; target: string },
  replaceVariables: (value: string) => string
): string | undefined {
  if (!template.trim()) {
    return undefined;
  }
  const filled = template
    .split('${client}')
    .join(encodeURIComponent(edge.source))
    .split('${server}')
    .join(encodeURIComponent(edge.target));
  return textUtil.sanitizeUrl(replaceVariables(filled));
}
