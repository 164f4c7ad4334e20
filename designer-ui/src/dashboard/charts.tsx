/** Small SVG charts: stacked bars over time and horizontal bars. No chart library needed. */

export interface StackSeries { key: string; label: string; color: string }

export function StackedBars({ data, series, labelOf, height = 240, testId }: {
  data: Record<string, number | string>[]; series: StackSeries[]; labelOf: (row: Record<string, number | string>) => string;
  height?: number; testId?: string;
}) {
  const width = 1100;
  const pad = { top: 10, right: 10, bottom: 24, left: 36 };
  const totals = data.map((row) => series.reduce((sum, s) => sum + (Number(row[s.key]) || 0), 0));
  const max = Math.max(1, ...totals);
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const barW = data.length ? innerW / data.length : innerW;
  const ticks = [0, Math.round(max / 2), max];
  const labelEvery = Math.max(1, Math.ceil(data.length / 8));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" data-testid={testId}
      aria-label={`${series.map((s) => s.label).join(' and ')} over time`}>
      {ticks.map((t) => {
        const y = pad.top + innerH - (t / max) * innerH;
        return (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} className="grid-line" />
            <text x={pad.left - 6} y={y + 4} textAnchor="end" className="axis-label">{t}</text>
          </g>
        );
      })}
      {data.map((row, i) => {
        let y = pad.top + innerH;
        const x = pad.left + i * barW + barW * 0.1;
        return (
          <g key={i}>
            <title>{`${labelOf(row)}: ${series.map((s) => `${Number(row[s.key]) || 0} ${s.label}`).join(', ')}`}</title>
            {series.map((s) => {
              const h = ((Number(row[s.key]) || 0) / max) * innerH;
              y -= h;
              return <rect key={s.key} x={x} y={y} width={barW * 0.8} height={h} fill={s.color} />;
            })}
            {i % labelEvery === 0 && (
              <text x={x + barW * 0.4} y={height - 6} textAnchor="middle" className="axis-label">{labelOf(row)}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface BarItem { label: string; value: number; display?: string; title?: string }

export function HorizontalBars({ items, color = 'var(--accent)', testId, empty = 'No data yet.' }: {
  items: BarItem[]; color?: string; testId?: string; empty?: string;
}) {
  if (items.length === 0) return <div className="muted small">{empty}</div>;
  const max = Math.max(1e-9, ...items.map((i) => i.value));
  return (
    <div className="hbars" data-testid={testId}>
      {items.map((item, i) => (
        <div key={i} className="hbar-row" title={item.title ?? item.label}>
          <div className="hbar-label" data-testid="hbar-label">{item.label}</div>
          <div className="hbar-track">
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="hbar-svg" aria-hidden="true">
              <rect x="0" y="0" width={Math.max(0.5, (item.value / max) * 100)} height="10" fill={color} rx="1" />
            </svg>
          </div>
          <div className="hbar-value">{item.display ?? String(item.value)}</div>
        </div>
      ))}
    </div>
  );
}

export function Legend({ series }: { series: StackSeries[] }) {
  return (
    <div className="legend">
      {series.map((s) => (
        <span key={s.key}><i style={{ background: s.color }} /> {s.label}</span>
      ))}
    </div>
  );
}
