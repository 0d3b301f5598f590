/**
 * A timeline of merged events: one dot per dated event, placed by date on x and PLOVER type on y,
 * drawn with Observable Plot as SVG (each dot's tooltip is an SVG <title>, so text, never markup);
 * same-day events of one type sit side by side instead of on top of each other.
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
  modality: string;
  label: string;
}

/** Dot colours by modality: what happened, what was planned, what might, what did not. */
const MODALITY_COLOURS = { asserted: '#1d5fbf', planned: '#1a9a8a', possible: '#d98a1c', negated: '#8a8f99' };

/** Events of one type on one day would hide each other: each further one moves a little right. */
function spreadSameDay(dots: Dot[]): Dot[] {
  const times = dots.map((d) => d.date.getTime());
  const step = (Math.max(...times) - Math.min(...times) || 86_400_000) / 120;
  const seen = new Map<string, number>();
  return dots.map((d) => {
    const key = `${d.type}:${d.date.getTime()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n ? { ...d, date: new Date(d.date.getTime() + n * step) } : d;
  });
}

export function TimelineChart({ events, label }: { events: TimelineEvent[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const dots = spreadSameDay(
    events.flatMap((e) => {
      const date = timexDate(e.date);
      const who = `${e.source?.name ?? '?'} → ${e.target?.name ?? '?'}`;
      return date
        ? [
            {
              date,
              type: e.type,
              modality: e.modality,
              label: `${e.date} ${e.type}: ${who} (${e.reports.length} reports)`,
            },
          ]
        : [];
    }),
  );
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
      x: { type: 'utc', label: null, grid: true, inset: 12 },
      y: { domain: types, label: null },
      color: { domain: Object.keys(MODALITY_COLOURS), range: Object.values(MODALITY_COLOURS) },
      marks: [
        Plot.dot(dots, {
          x: 'date',
          y: 'type',
          fill: 'modality',
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
        {undated ? `; ${undated} undated not shown` : ''}. Colour:{' '}
        {Object.entries(MODALITY_COLOURS).map(([modality, colour]) => (
          // React sets this through the CSSOM, which the CSP allows (it forbids style attributes in markup).
          <span key={modality} className="legend">
            <span className="swatch" style={{ color: colour }} aria-hidden="true">
              ●
            </span>
            {modality}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
