// The supervisor view: queue lengths, longest waits, SLA breaches, handle time and satisfaction per agent (admin token).
import { byId, el } from '/js/dom.js';
import { createApi } from '/js/api.js';
import { devToken, loadConfig, signInAdmin } from './signin.js';
import { clock, duration, toastError } from './ui.js';

const refreshMs = 5000;
const app = byId('app');
let identity = null;
let config = { development: false };
let timer = null;

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

const td = (...children) => el('td', {}, ...children);

function render(view) {
  const queues = view?.queues ?? [];
  const agents = view?.agents ?? [];
  byId('queues-body').replaceChildren(...queues.map((q) => el('tr', { dataset: { group: q.group } },
    el('th', { scope: 'row' }, q.group),
    el('td', { 'data-field': 'length' }, String(q.length)),
    td(String(q.assigned)),
    td(q.length ? duration(q.longestWaitSeconds) : '—'),
    el('td', { 'data-field': 'breaches', class: q.slaBreaches ? 'alert' : '' }, String(q.slaBreaches)),
    td((q.agents ?? []).join(', ') || '—'))));
  byId('agents-body').replaceChildren(...agents.map((a) => el('tr', { dataset: { agentId: a.agentId } },
    el('th', { scope: 'row' }, a.agentId),
    td(el('span', { class: `badge status-${a.status}` }, a.status)),
    td((a.groups ?? []).join(', ')),
    td(`${a.load}/${a.capacity}`),
    td(String(a.handled)),
    td(a.averageHandleSeconds == null ? '—' : duration(a.averageHandleSeconds)),
    td(a.satisfaction == null ? '—' : `${Number(a.satisfaction).toFixed(1)} ★ (${a.ratings})`))));
  const breaches = queues.flatMap((q) => q.recentBreaches ?? []).sort((x, y) => String(y.at).localeCompare(String(x.at))).slice(0, 20);
  byId('breaches-body').replaceChildren(...breaches.map((b) => el('tr', {},
    td(clock(b.at)), td(b.group), td(b.sessionId), td(b.clock), td(b.agentId ?? '—'))));
}

async function refresh() {
  try {
    render(await api.get('/api/agents/supervisor'));
    byId('refreshed').textContent = `Updated ${clock()}`;
    app.dataset.loaded = 'true';
  } catch (error) {
    byId('refreshed').textContent = 'Update failed';
    if (error?.status === 401 || error?.status === 403) {
      clearInterval(timer);
      toastError(error, 'The supervisor view needs an admin token');
      const note = byId('signin-note');
      note.hidden = false;
      note.textContent = 'The supervisor view needs an admin token: open it as /agent/supervisor#token=<jwt> with role admin.';
    }
  }
}

async function signIn(subject) {
  identity = await signInAdmin(subject, config.development, 'This page needs an admin token: open it as /agent/supervisor#token=<jwt>.');
  if (!identity) {
    return;
  }

  byId('agent-name').textContent = identity.subject ?? '';
  clearInterval(timer);
  timer = setInterval(refresh, refreshMs);
  await refresh();
  app.dataset.ready = 'true';
}

async function main() {
  config = await loadConfig();
  if (config.development) {
    byId('identity-bar').hidden = false;
    byId('agent-apply').addEventListener('click', () => signIn(byId('agent-input').value.trim() || 'admin-1'));
  }

  await signIn(null);
}

main();
