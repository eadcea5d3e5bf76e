/**
 * A small React wrapper around Apache ECharts (tree-shaken: bar and line charts, axes, legend,
 * tooltip, title; SVG and canvas renderers). On screen a chart is SVG: sharp in print, where the
 * section's print stylesheet scales it to the page through the viewBox set here. The PNG export draws
 * the same option once more on an off-screen canvas, with the title and period written into the image.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { CHART_FONT } from './chart-data';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export interface EChartHandle {
  /** The chart as a PNG data URL, white background, twice the screen resolution. */
  toPng(title: string, subtitle: string): string;
}

/** The SVG's own size as its viewBox, so CSS can scale it (the print stylesheet does). */
function keepViewBox(container: HTMLElement): void {
  const svg = container.querySelector('svg');
  if (!svg) return;
  const width = svg.getAttribute('width');
  const height = svg.getAttribute('height');
  if (width && height) svg.setAttribute('viewBox', `0 0 ${parseFloat(width)} ${parseFloat(height)}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
}

export function EChart({ option, height, label, ref }: { option: EChartsCoreOption; height: number; label: string; ref?: Ref<EChartHandle> }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('finished', () => keepViewBox(element));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useImperativeHandle(
    ref,
    () => ({
      toPng(title, subtitle) {
        const width = Math.max(720, container.current?.clientWidth ?? 0);
        const grid = (option['grid'] ?? {}) as { top?: unknown };
        const titled: EChartsCoreOption = {
          ...option,
          animation: false,
          backgroundColor: '#ffffff',
          title: { text: title, subtext: subtitle, left: 'center', top: 8, textStyle: { fontFamily: CHART_FONT, fontSize: 16 }, subtextStyle: { fontFamily: CHART_FONT } },
          legend: { ...(option['legend'] as object), top: 62 },
          grid: { ...grid, top: (typeof grid.top === 'number' ? grid.top : 56) + 56 },
        };
        return renderOffscreenPng(titled, width, height + 72);
      },
    }),
    [option, height],
  );

  return <div ref={container} className="ch-canvas" role="img" aria-label={label} style={{ height }} />;
}

function renderOffscreenPng(option: EChartsCoreOption, width: number, height: number): string {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(host);
  const instance = echarts.init(host, null, { renderer: 'canvas', width, height });
  try {
    instance.setOption(option);
    return instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  } finally {
    instance.dispose();
    host.remove();
  }
}

/** Hands a data URL to the browser as a download. */
export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
