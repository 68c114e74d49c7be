// Builds the smallest ECharts that has the charts Pilot Audit draws (bar, line, scatter,
// radar; grid, legend, mark lines, radar axes; the SVG renderer) from the npm package, with
// esbuild. Trunk runs this before each build (Trunk.toml, [[hooks]]) and copies the result.
import { build } from "esbuild";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}target/echarts/echarts.pilot-audit.min.js`;
await mkdir(`${root}target/echarts`, { recursive: true });
await build({
  stdin: {
    contents: `
      import * as echarts from "echarts/core";
      import { BarChart, LineChart, ScatterChart, RadarChart } from "echarts/charts";
      import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent } from "echarts/components";
      import { SVGRenderer } from "echarts/renderers";
      echarts.use([BarChart, LineChart, ScatterChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, SVGRenderer]);
      globalThis.echarts = echarts;
    `,
    resolveDir: root,
    loader: "js",
  },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile,
  logLevel: "warning",
});
