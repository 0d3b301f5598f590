/**
 * A timeline of merged events: one dot per dated event, placed by date on x and PLOVER type on y,
 * drawn with Observable Plot as SVG (each dot's tooltip is an SVG <title>, so text, never markup).
 * Plot appends a <style> element to its SVG; the CSP allows no inline style, so it is removed
 * before the chart enters the page and styles.css carries the same rules.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { timexDate } from '../text.js';
import type { TimelineEvent } from '../types.js';
import { EVENT_TYPES } from '../types.js';

interface Dot {
  date: Date;
  type: string;
  label: string;
}

export function TimelineChart({ events, label }: { events: TimelineEvent[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const dots: Dot[] = events.flatMap((e) => {
    const date = timexDate(e.date);
    const who = `${e.source?.name ?? '?'} → ${e.target?.name ?? '?'}`;
    return date
      ? [{ date, type: e.type, label: `${e.date} ${e.type}: ${who} (${e.reports.length} reports)` }]
      : [];
  });
  const undated = events.length - dots.length;

  useEffect(() => {
    const el = box.current;
    if (!el || !dots.length) return;
    const types = EVENT_TYPES.filter((t) => dots.some((d) => d.type === t));
    const chart = Plot.plot({
      className: 'timeline-plot',
      width: Math.max(320, Math.min(el.clientWidth || 800, 1100)),
      height: 40 + types.length * 28,
      marginLeft: 90,
      ariaLabel: label,
      x: { type: 'utc', label: null, grid: true },
      y: { domain: types, label: null },
      color: { domain: [...EVENT_TYPES], scheme: 'tableau10' },
      marks: [
        Plot.dot(dots, {
          x: 'date',
          y: 'type',
          fill: 'type',
          r: 6,
          fillOpacity: 0.8,
          stroke: 'white',
          title: 'label',
        }),
      ],
    });
    chart.querySelectorAll('style').forEach((style) => style.remove());
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [events, label]);

  if (!events.length) return <p className="muted">No events to chart.</p>;
  return (
    <figure className="timeline">
      <div ref={box} className="timeline-box" data-testid="timeline" data-events={dots.length} />
      <figcaption>
        {label}: {dots.length} dated {dots.length === 1 ? 'event' : 'events'}
        {undated ? `; ${undated} undated not shown` : ''}.
      </figcaption>
    </figure>
  );
}
