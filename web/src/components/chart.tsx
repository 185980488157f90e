/**
 * A chart where a shape tells more than a number (UI.md principle 8), always beside its table.
 * ECharts is loaded only when a chart is first shown (its own chunk), with the SVG renderer, and
 * numbers on axes and labels written as Vietnamese write them.
 */
import { useEffect, useRef } from 'react';
import { fmtInt } from '../format.js';

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

async function loadEcharts() {
  return (await import('./echarts-setup.js')).echarts;
}

/** A stacked horizontal bar chart of grade counts per category; `label` describes it for screen readers. */
export function StackedBars({ categories, series, label, percent = true }: { categories: string[]; series: BarSeries[]; label: string; percent?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (disposed || !ref.current) return;
      const totals = categories.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
      const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
      instance.setOption({
        aria: { enabled: true },
        animation: false,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, textStyle: { fontSize: 13 } },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtInt(v) },
        xAxis: { type: 'value', max: percent ? 100 : undefined, axisLabel: { formatter: (v: number) => (percent ? `${v}%` : fmtInt(v)) } },
        yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 150, overflow: 'truncate' } },
        series: series.map((s) => ({
          name: s.name,
          type: 'bar',
          stack: 'all',
          itemStyle: { color: s.color },
          data: s.values.map((v, i) => (percent ? (totals[i] ? Math.round((v * 1000) / totals[i]!) / 10 : 0) : v)),
        })),
      });
      chart = instance;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [categories, series, percent]);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height: Math.max(160, 60 + categories.length * 42) }} />;
}
