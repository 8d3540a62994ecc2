// Small SVG line charts for the operations page: no library, no build step. A null value breaks the line; a lone
// point between gaps is drawn as a dot so rare events stay visible.
const svgNs = 'http://www.w3.org/2000/svg';
const width = 600;
const height = 170;
const margin = { left: 52, right: 8, top: 8, bottom: 20 };
const palette = ['#1664ff', '#2ea121', '#d83931', '#c27c0e', '#8a4fff', '#00a3a3', '#e05fa6', '#646a73', '#1f2d3d'];

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }

  if (text != null) {
    node.textContent = text;
  }

  return node;
}

function niceMax(value) {
  if (!(value > 0)) {
    return 1;
  }

  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }

  return 10 * power;
}

function timeOfDay(unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The number as the axis and legend show it. */
export function formatValue(value, unit = '') {
  if (value == null || Number.isNaN(value)) {
    return '—';
  }

  // Long latencies read better in seconds, big counts in thousands (and fit the axis).
  if (unit === 'ms' && Math.abs(value) >= 1000) {
    return formatValue(value / 1000, 's');
  }

  if (Math.abs(value) >= 10_000) {
    return `${(value / 1000).toFixed(Math.abs(value) >= 100_000 ? 0 : 1)}k${unit && unit !== '/s' ? ` ${unit}` : unit}`;
  }

  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit && unit !== '/s' ? ` ${unit}` : unit}`;
}

/**
 * Draws series [{ name, values }] over seconds (Unix) into figure, replacing the previous drawing. Sets
 * figure.dataset.max (largest value drawn) and figure.dataset.points (values that are not null).
 */
export function renderChart(figure, seconds, series, { unit = '', yMax = null } = {}) {
  figure.querySelector('svg')?.remove();
  figure.querySelector('.legend')?.remove();
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.values).filter((v) => v != null && !Number.isNaN(v));
  const max = all.length ? Math.max(...all) : 0;
  const top = yMax ?? niceMax(max);
  const n = seconds.length;
  const x = (i) => margin.left + (n <= 1 ? plotWidth : (i / (n - 1)) * plotWidth);
  const y = (v) => margin.top + plotHeight - (Math.min(v, top) / top) * plotHeight;

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': figure.querySelector('figcaption')?.textContent ?? '' });
  for (const fraction of [0, 0.5, 1]) {
    const at = margin.top + plotHeight - fraction * plotHeight;
    chart.append(svg('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: at, y2: at }));
    chart.append(svg('text', { class: 'axis-label', x: margin.left - 4, y: at + 4, 'text-anchor': 'end' }, formatValue(top * fraction, unit === '/s' ? '' : unit)));
  }

  if (n > 0) {
    chart.append(svg('text', { class: 'axis-label', x: margin.left, y: height - 4 }, timeOfDay(seconds[0])));
    chart.append(svg('text', { class: 'axis-label', x: width - margin.right, y: height - 4, 'text-anchor': 'end' }, timeOfDay(seconds[n - 1])));
  }

  series.forEach((s, index) => {
    const color = s.color ?? palette[index % palette.length];
    let path = '';
    let run = 0;
    s.values.forEach((v, i) => {
      if (v == null || Number.isNaN(v)) {
        run = 0;
        return;
      }

      path += `${run === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      const lone = run === 0 && (i + 1 >= s.values.length || s.values[i + 1] == null);
      if (lone) {
        chart.append(svg('circle', { class: 'dot', cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.2, fill: color }));
      }

      run++;
    });
    if (path) {
      chart.append(svg('path', { class: 'line', d: path, stroke: color, 'data-series': s.name }));
    }
  });

  if (!all.length) {
    chart.append(svg('text', { class: 'empty-label', x: margin.left + plotWidth / 2, y: margin.top + plotHeight / 2, 'text-anchor': 'middle' }, 'no data in this window'));
  }

  const legend = document.createElement('div');
  legend.className = 'legend';
  series.forEach((s, index) => {
    const latest = [...s.values].reverse().find((v) => v != null);
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = s.color ?? palette[index % palette.length];
    const value = document.createElement('span');
    value.className = 'latest';
    value.textContent = formatValue(latest, unit);
    item.append(swatch, document.createTextNode(s.name), value);
    legend.append(item);
  });

  figure.append(chart, legend);
  figure.dataset.max = String(max);
  figure.dataset.points = String(all.length);
}
