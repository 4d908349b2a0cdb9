// The uPlot side of CallsChart, in a chunk of its own.

import type { UsagePoint } from '@plexmcp/sdk';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A colour of the current theme (light or dark), from the stylesheet's custom properties. */
function themed(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Draws calls and errors per bucket into `box`, following its width. */
export function drawCalls(box: HTMLElement, points: UsagePoint[], granularity: 'hour' | 'day') {
  const text = themed('--text-muted');
  const grid = themed('--border');
  const axis = {
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
  };
  const chart = new uPlot(
    {
      width: Math.max(box.clientWidth, 280),
      height: 220,
      scales: { x: { time: true } },
      series: [
        {},
        { label: 'Calls', stroke: themed('--accent'), width: 2, fill: themed('--accent-fill') },
        { label: 'Errors', stroke: themed('--danger'), width: 2 },
      ],
      axes: [
        { ...axis, values: granularity === 'day' ? '{MMM} {D}' : '{HH}:{mm}' },
        { ...axis, size: 48 },
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    },
    [
      points.map((point) => Date.parse(point.start) / 1000),
      points.map((point) => point.requests),
      points.map((point) => point.errors),
    ],
    box,
  );
  const resize = new ResizeObserver(() => {
    chart.setSize({ width: Math.max(box.clientWidth, 280), height: 220 });
  });
  resize.observe(box);
  return {
    destroy() {
      resize.disconnect();
      chart.destroy();
    },
  };
}
