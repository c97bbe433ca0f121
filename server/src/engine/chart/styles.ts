// Colours for the chart's classes (svg.ts). In VS Code they come from the theme's own
// variables, so light, dark and high-contrast themes all work; the HTML report has a
// palette of its own that follows the reader's light or dark preference.

const SHAPES = `
.okr-chart { font: 11px sans-serif; overflow: visible; }
.okr-chart .plot { fill: none; stroke: var(--chart-grid); stroke-width: 1; }
.okr-chart .label { fill: var(--chart-text); }
.okr-chart .expected { stroke: var(--chart-expected); stroke-width: 1.5; stroke-dasharray: 5 4; }
.okr-chart .target { stroke: var(--chart-target); stroke-width: 1; stroke-dasharray: 2 3; }
.okr-chart .today { stroke: var(--chart-today); stroke-width: 1; }
.okr-chart .actual { fill: none; stroke: var(--chart-actual); stroke-width: 2; }
.okr-chart .marker { stroke: var(--chart-background); stroke-width: 1.5; fill: var(--chart-actual); }
.okr-chart .marker.on-track { fill: var(--chart-on-track); }
.okr-chart .marker.at-risk { fill: var(--chart-at-risk); }
.okr-chart .marker.off-track { fill: var(--chart-off-track); }
`;

/** For a VS Code webview: every colour is a theme variable. */
export const VSCODE_CHART_CSS = `
:root {
  --chart-text: var(--vscode-descriptionForeground);
  --chart-grid: var(--vscode-editorWidget-border, var(--vscode-panel-border));
  --chart-expected: var(--vscode-charts-purple);
  --chart-target: var(--vscode-charts-foreground, var(--vscode-foreground));
  --chart-today: var(--vscode-charts-orange);
  --chart-actual: var(--vscode-charts-blue);
  --chart-background: var(--vscode-editor-background);
  --chart-on-track: var(--vscode-charts-green);
  --chart-at-risk: var(--vscode-charts-yellow);
  --chart-off-track: var(--vscode-charts-red);
}
${SHAPES}`;

/** For the standalone HTML report. */
export const STANDALONE_CHART_CSS = `
:root {
  --chart-text: #555; --chart-grid: #d0d7de; --chart-expected: #8250df; --chart-target: #24292f;
  --chart-today: #bc4c00; --chart-actual: #0969da; --chart-background: #ffffff;
  --chart-on-track: #1a7f37; --chart-at-risk: #9a6700; --chart-off-track: #cf222e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --chart-text: #9198a1; --chart-grid: #3d444d; --chart-expected: #ab7df8; --chart-target: #d1d7e0;
    --chart-today: #f0883e; --chart-actual: #4493f8; --chart-background: #0d1117;
    --chart-on-track: #3fb950; --chart-at-risk: #d29922; --chart-off-track: #f85149;
  }
}
${SHAPES}`;
