/**
 * The parts of ECharts the charts use, imported by name so the bundler leaves the rest out; this
 * module is itself loaded on demand (components/chart.tsx), so pages without a chart never load it.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { echarts };
