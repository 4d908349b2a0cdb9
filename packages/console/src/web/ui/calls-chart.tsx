// Calls and errors over time. uPlot (and its stylesheet) load with the first chart, not with
// the page, so signing in stays light. The canvas is described in words for screen readers.

import type { UsagePoint } from '@plexmcp/sdk';
import { useEffect, useRef } from 'preact/hooks';
import { counted } from './format.js';

export function CallsChart(props: { points: UsagePoint[]; granularity: 'hour' | 'day' }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let gone = false;
    import('./uplot-chart.js').then(({ drawCalls }) => {
      if (!gone && box.current) chart = drawCalls(box.current, props.points, props.granularity);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [props.points, props.granularity]);
  const calls = props.points.reduce((sum, point) => sum + point.requests, 0);
  const errors = props.points.reduce((sum, point) => sum + point.errors, 0);
  const span = props.granularity === 'day' ? 'days' : 'hours';
  const label = `${counted(calls, 'call', 'calls')} and ${counted(errors, 'error', 'errors')} over the last ${props.points.length} ${span}`;
  return (
    <figure class="chart">
      <div ref={box} class="chart-canvas" role="img" aria-label={label} />
      <figcaption class="muted">{label}.</figcaption>
    </figure>
  );
}
