/**
 * The cohort report's pictures as inline SVG strings: a boundary-by-scenario heat map of where learners fail
 * first, score histograms, and small pass-rate bars. Presentation attributes only (no style attributes), so
 * the report's Content-Security-Policy can forbid inline styles other than its one stylesheet. Every label
 * is escaped.
 */
import { BOUNDARIES } from '../model/boundary.js';
import type { Bin, ScenarioStat } from './cohort.js';
import { escapeHtml } from './html-escape.js';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"';

/** White to deep red as the share goes from 0 to 1. */
export function heatColor(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const from = [247, 247, 247];
  const to = [178, 24, 43];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Approximate text width at 12px, for laying out labels without measuring. */
const textWidth = (s: string, px = 12): number => Math.ceil(s.length * px * 0.6);

export function heatMapSvg(scenarios: readonly ScenarioStat[]): string {
  const cell = { w: 78, h: 34 };
  const left = Math.max(120, ...scenarios.map((s) => textWidth(s.scenario) + 16));
  const top = 28;
  const width = left + BOUNDARIES.length * cell.w + 8;
  const height = top + scenarios.length * cell.h + 8;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart heatmap" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="heatmap-title" ${FONT} font-size="12">`,
    `<title id="heatmap-title">Share of each scenario's learners whose first failing boundary is git, render, sync, live, health or rollout</title>`,
  );
  BOUNDARIES.forEach((b, i) => {
    parts.push(`<text x="${left + i * cell.w + cell.w / 2}" y="${top - 10}" text-anchor="middle" font-weight="600" fill="#333">${b}</text>`);
  });
  scenarios.forEach((s, row) => {
    const y = top + row * cell.h;
    parts.push(`<text x="${left - 8}" y="${y + cell.h / 2 + 4}" text-anchor="end" fill="#333">${escapeHtml(s.scenario)}</text>`);
    BOUNDARIES.forEach((b, col) => {
      const share = s.firstFailureShare[b];
      const count = Math.round(share * s.learners);
      const x = left + col * cell.w;
      parts.push(
        `<g class="cell" data-scenario="${escapeHtml(s.scenario)}" data-boundary="${b}" data-share="${share.toFixed(4)}">` +
          `<title>${escapeHtml(s.scenario)}: ${count} of ${s.learners} learner(s) fail first at ${b} (${pct(share)})</title>` +
          `<rect x="${x + 1}" y="${y + 1}" width="${cell.w - 2}" height="${cell.h - 2}" rx="3" fill="${heatColor(share)}" stroke="#ddd"/>` +
          `<text x="${x + cell.w / 2}" y="${y + cell.h / 2 + 4}" text-anchor="middle" fill="${share > 0.5 ? '#fff' : '#333'}">${count === 0 ? '·' : `${pct(share)} (${count})`}</text>` +
          `</g>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

export function histogramSvg(id: string, title: string, bins: readonly Bin[]): string {
  const bar = bins.length > 12 ? 18 : 28;
  const gap = 4;
  const left = 34;
  const top = 36;
  const plotH = 110;
  const bottom = 34;
  const width = left + bins.length * (bar + gap) + 12;
  const height = top + plotH + bottom;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart histogram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}" ${FONT} font-size="11">`,
    `<title id="${id}">${escapeHtml(title)}</title>`,
    `<text x="${left}" y="14" font-size="12" font-weight="600" fill="#333">${escapeHtml(title)}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 8}" y2="${top + plotH}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#999"/>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" fill="#666">${max}</text>`,
    `<text x="${left - 6}" y="${top + plotH}" text-anchor="end" fill="#666">0</text>`,
  );
  bins.forEach((b, i) => {
    const h = Math.round((b.count / max) * plotH);
    const x = left + gap + i * (bar + gap);
    const last = i === bins.length - 1;
    parts.push(
      `<g class="bin"><title>score ${escapeHtml(b.label)}: ${b.count} learner(s)</title>` +
        `<rect x="${x}" y="${top + plotH - h}" width="${bar}" height="${h}" fill="${last ? '#1a9850' : '#4575b4'}"/>` +
        (b.count > 0 ? `<text x="${x + bar / 2}" y="${top + plotH - h - 3}" text-anchor="middle" fill="#333">${b.count}</text>` : '') +
        `<text x="${x + bar / 2}" y="${top + plotH + 14}" text-anchor="middle" fill="#666">${escapeHtml(b.label)}</text></g>`,
    );
  });
  parts.push(`<text x="${left + (width - left) / 2}" y="${height - 4}" text-anchor="middle" fill="#666">score</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** A small horizontal bar for a pass rate; null (never judged) draws an empty frame. */
export function rateBarSvg(rate: number | null): string {
  const w = 100;
  const fill = rate === null ? 0 : Math.round(rate * w);
  const colour = rate === null ? '#ccc' : rate >= 0.8 ? '#1a9850' : rate >= 0.5 ? '#fdae61' : '#d73027';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="bar" width="${w}" height="10" viewBox="0 0 ${w} 10" aria-hidden="true">` +
    `<rect x="0" y="0" width="${w}" height="10" rx="2" fill="#eee"/><rect x="0" y="0" width="${fill}" height="10" rx="2" fill="${colour}"/></svg>`
  );
}
