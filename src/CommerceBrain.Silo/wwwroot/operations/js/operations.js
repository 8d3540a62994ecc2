// The operations page: the cluster's live series from /api/operations/metrics (admin token), refreshed every 2 s.
import { byId, el } from '/js/dom.js';
import { createApi } from '/js/api.js';
import { devToken, loadConfig, signInAdmin } from '/agent/js/signin.js';
import { clock, toastError } from '/agent/js/ui.js';
import { renderChart } from './chart.js';

const refreshMs = 2000;
const retentionSeconds = 900;
// Seconds refetched on every poll: silos push every 2 s, so the newest seconds fill in late; trailing windows move too.
const overlapSeconds = 70;
const app = byId('app');
let identity = null;
let config = { development: false };
let timer = null;
let rows = [];
let silos = [];
let totals = null;
let busy = false;

const api = createApi({
  getToken: () => identity?.token,
  renewToken: async () => {
    if (!config.development || identity?.source !== 'dev') {
      return false;
    }

    identity = await devToken(identity.subject, 'admin');
    return true;
  },
});

// One row per second from the response's parallel arrays.
function toRows(response) {
  const s = response.series;
  const pick = (map, i) => Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, v[i]]));
  return response.seconds.map((t, i) => ({
    t,
    opened: s.sessionsOpened[i],
    closed: s.sessionsClosed[i],
    handoffs: s.handoffs[i],
    automation: s.automationRate[i],
    queue: s.queueLength[i],
    waitP50: s.waitP50[i],
    waitP99: s.waitP99[i],
    granted: s.claimsGranted[i],
    busy: s.claimsBusy[i],
    denied: pick(s.claimsDenied, i),
    http: pick(s.httpP99, i),
    turnP99: s.turnP99[i],
    activations: pick(s.activations, i),
  }));
}

function merge(response) {
  const fresh = toRows(response);
  rows = rows.filter((r) => r.t < response.from).concat(fresh).filter((r) => r.t > response.to - retentionSeconds);
  silos = response.silos ?? [];
  totals = response.totals;
  byId('dashboard-link').hidden = !response.links?.dashboard;
  if (response.links?.dashboard) {
    byId('dashboard-link').href = response.links.dashboard;
  }

  byId('metrics-link').href = response.links?.metrics ?? '/metrics';
}

function keysOf(visible, field) {
  return [...new Set(visible.flatMap((r) => Object.keys(r[field] ?? {})))].sort();
}

function siloName(address) {
  return silos.find((s) => s.address === address)?.name || address;
}

function tile(label, value, field) {
  return el('div', { class: 'tile', dataset: { field } }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
}

function render() {
  const windowSeconds = Number(byId('window-select').value) || 300;
  const last = rows.length ? rows[rows.length - 1].t : 0;
  const visible = rows.filter((r) => r.t > last - windowSeconds);
  const seconds = visible.map((r) => r.t);
  const col = (f) => visible.map(f);
  const sum = (f) => visible.reduce((a, r) => a + (f(r) ?? 0), 0);
  const closed = sum((r) => r.closed);
  const automated = visible.length ? visible[visible.length - 1].automation : null;

  byId('tiles').replaceChildren(
    tile('sessions opened', String(sum((r) => r.opened)), 'opened'),
    tile('sessions closed', String(closed), 'closed'),
    tile('automation (last minute)', automated == null ? '—' : `${(automated * 100).toFixed(1)} %`, 'automation'),
    tile('waiting for an agent', totals?.queueLength == null ? '—' : String(totals.queueLength), 'queue'),
    tile('coupons granted', String(sum((r) => r.granted)), 'granted'),
    tile('claims refused (429)', String(sum((r) => r.busy)), 'busy'),
    tile('silos reporting', `${silos.filter((s) => s.reporting).length}/${silos.length}`, 'silos'));

  renderChart(byId('chart-sessions'), seconds, [
    { name: 'opened', values: col((r) => r.opened) },
    { name: 'closed', values: col((r) => r.closed) },
    { name: 'handed over', values: col((r) => r.handoffs) },
  ], { unit: '/s' });
  renderChart(byId('chart-automation'), seconds, [
    { name: 'automated', values: col((r) => (r.automation == null ? null : r.automation * 100)) },
  ], { unit: '%', yMax: 100 });
  renderChart(byId('chart-queue'), seconds, [{ name: 'waiting', values: col((r) => r.queue) }]);
  renderChart(byId('chart-wait'), seconds, [
    { name: 'p50', values: col((r) => r.waitP50) },
    { name: 'p99', values: col((r) => r.waitP99) },
  ], { unit: 's' });
  renderChart(byId('chart-claims'), seconds, [
    { name: 'granted', values: col((r) => r.granted), color: '#2ea121' },
    { name: '429 busy', values: col((r) => r.busy), color: '#d83931' },
    ...keysOf(visible, 'denied').map((reason) => ({ name: `denied: ${reason}`, values: col((r) => r.denied?.[reason] ?? 0) })),
  ], { unit: '/s' });
  renderChart(byId('chart-latency'), seconds, [
    { name: 'session turn', values: col((r) => r.turnP99) },
    ...keysOf(visible, 'http').map((group) => ({ name: group, values: col((r) => r.http?.[group] ?? null) })),
  ], { unit: 'ms' });
  renderChart(byId('chart-activations'), seconds,
    keysOf(visible, 'activations').map((address) => ({ name: siloName(address), values: col((r) => r.activations?.[address] ?? null) })));

  byId('silos-body').replaceChildren(...silos.map((s) => el('tr', { dataset: { silo: s.address } },
    el('th', { scope: 'row' }, s.name || '—'),
    el('td', {}, s.address),
    el('td', {}, s.status),
    el('td', { 'data-field': 'activations' }, s.activations == null ? '—' : String(s.activations)),
    el('td', { class: s.reporting ? '' : 'stale' }, s.reporting ? 'reporting' : `silent since ${s.lastReportSecond ? clock(s.lastReportSecond * 1000) : '—'}`))));
}

async function refresh() {
  if (busy) {
    return;
  }

  busy = true;
  try {
    const last = rows.length ? rows[rows.length - 1].t : null;
    const nowSeconds = Math.floor(Date.now() / 1000);
    // Ask from the overlap only when the page's clock agrees with the data; otherwise take the full window again.
    const since = last && Math.abs(nowSeconds - last) < retentionSeconds / 2 ? Math.max(last - overlapSeconds, nowSeconds - retentionSeconds + 30) : null;
    const response = await api.get(since ? `/api/operations/metrics?since=${since}` : '/api/operations/metrics');
    merge(response);
    render();
    byId('refreshed').textContent = `Updated ${clock()}`;
    app.dataset.loaded = 'true';
  } catch (error) {
    byId('refreshed').textContent = 'Update failed';
    if (error?.status === 400) {
      rows = [];
    }

    if (error?.status === 401 || error?.status === 403) {
      clearInterval(timer);
      toastError(error, 'The operations page needs an admin token');
      const note = byId('signin-note');
      note.hidden = false;
      note.textContent = 'The operations page needs an admin token: open it as /operations#token=<jwt> with role admin.';
    }
  } finally {
    busy = false;
  }
}

async function signIn(subject) {
  identity = await signInAdmin(subject, config.development, 'This page needs an admin token: open it as /operations#token=<jwt>.');
  if (!identity) {
    return;
  }

  byId('signin-note').hidden = true;
  byId('admin-name').textContent = identity.subject ?? '';
  clearInterval(timer);
  timer = setInterval(refresh, refreshMs);
  await refresh();
  app.dataset.ready = 'true';
}

async function main() {
  config = await loadConfig();
  if (config.development) {
    byId('identity-bar').hidden = false;
    byId('admin-apply').addEventListener('click', () => signIn(byId('admin-input').value.trim() || 'admin-1'));
  }

  byId('window-select').addEventListener('change', () => render());
  await signIn(null);
}

main();
