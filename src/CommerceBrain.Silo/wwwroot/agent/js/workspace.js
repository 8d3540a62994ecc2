// The agent workspace: sign-in, presence, the queue (polled), picking and attaching, and one tab per held session.
import { byId, el } from '/js/dom.js';
import { ApiError, createApi } from '/js/api.js';
import { devToken, loadConfig, resolveIdentity } from './signin.js';
import { createSessionTab } from './session.js';
import { duration, toast, toastError } from './ui.js';

const queueRefreshMs = 3000;
const allGroups = ['pre-sales', 'after-sales', 'disputes', 'merchant-support'];
const demoAgents = Array.from({ length: 5 }, (_, i) => `a-${String(i + 1).padStart(5, '0')}`);

const app = byId('app');
let identity = null;
let config = { development: false };
let queueTimer = null;
let queueBusy = false;
const tabs = new Map(); // sessionId → tab controller
let selected = null;

const api = createApi({
  getToken: () => identity?.token,
  renewToken: async () => {
    if (!config.development || identity?.source !== 'dev') {
      return false;
    }

    identity = await devToken(identity.subject, 'agent');
    return true;
  },
});

function displayName() {
  return byId('display-name-input').value.trim() || identity?.subject || '';
}

// ---- presence -------------------------------------------------------------------------------------------------

function renderGroups(chosen) {
  const box = byId('presence-groups');
  box.replaceChildren(el('legend', {}, 'Groups'), ...allGroups.map((g) => el('label', { class: 'group' },
    el('input', { type: 'checkbox', name: 'group', value: g, checked: chosen.includes(g) }), ` ${g}`)));
}

function showAgent(agent) {
  byId('presence-status').value = agent.status ?? 'offline';
  // An agent never seen before has capacity 0 until it declares one; offer the usual default then.
  byId('presence-capacity').value = String(agent.capacity > 0 ? agent.capacity : 3);
  renderGroups(agent.groups?.length ? agent.groups : allGroups);
  showLoad(agent);
}

/** The status and load line only (the form keeps whatever the agent is editing). */
function showLoad(agent) {
  app.dataset.presence = agent.status ?? 'offline';
  byId('presence-state').textContent = agent.capacity > 0 ? `${agent.status ?? 'offline'} · ${agent.load ?? 0}/${agent.capacity} sessions` : (agent.status ?? 'offline');
}

async function applyPresence(event) {
  event?.preventDefault();
  const groups = [...byId('presence-groups').querySelectorAll('input[name=group]:checked')].map((i) => i.value);
  const body = { status: byId('presence-status').value, groups, capacity: Number(byId('presence-capacity').value) || null };
  try {
    showAgent(await api.request('PUT', '/api/agents/me/presence', body));
    refreshQueue();
  } catch (error) {
    toastError(error, 'Presence not changed');
  }
}

// ---- queue ----------------------------------------------------------------------------------------------------

function queueItem(item) {
  const open = tabs.has(item.sessionId);
  return el('li', { class: `queue-item${item.assignedToMe ? ' mine' : ''}${item.breached ? ' breached' : ''}`,
    dataset: { sessionId: item.sessionId, group: item.group } },
  el('div', { class: 'qi-head' },
    el('span', { class: 'badge group' }, item.group),
    item.assignedToMe ? el('span', { class: 'badge mine' }, 'assigned to you') : null,
    item.breached ? el('span', { class: 'badge breached' }, 'SLA breached') : null,
    el('span', { class: 'wait', title: 'waiting' }, duration(item.waitingSeconds))),
  el('p', { class: 'qi-summary' }, item.summary || '(no summary)'),
  item.note ? el('p', { class: 'qi-note' }, `Note: ${item.note}`) : null,
  el('button', { type: 'button', class: 'primary pick', disabled: open, onclick: () => take(item) },
    open ? 'Open' : item.assignedToMe ? 'Attach' : 'Pick'));
}

async function refreshQueue() {
  if (queueBusy || !identity) {
    return;
  }

  queueBusy = true;
  try {
    const [items, agent] = await Promise.all([api.get('/api/agents/me/queue'), api.get('/api/agents/me').catch(() => null)]);
    if (agent) {
      showLoad(agent);
    }

    const list = Array.isArray(items) ? items : [];
    byId('queue-list').replaceChildren(...list.map(queueItem));
    byId('queue-count').textContent = String(list.length);
    byId('queue-state').textContent = list.length ? '' : app.dataset.presence === 'online'
      ? 'Nobody is waiting in your groups.' : 'Go online to receive sessions.';
    app.dataset.queueLoaded = 'true';
  } catch (error) {
    byId('queue-state').textContent = error?.status === 0 ? 'The service cannot be reached; retrying…' : `Queue unavailable: ${error.message}`;
  } finally {
    queueBusy = false;
  }
}

function startQueue() {
  clearInterval(queueTimer);
  queueTimer = setInterval(refreshQueue, queueRefreshMs);
  refreshQueue();
}

// ---- sessions -------------------------------------------------------------------------------------------------

function select(sessionId) {
  selected = sessionId;
  for (const [id, tab] of tabs) {
    tab.select(id === sessionId);
  }

  byId('no-session').hidden = tabs.size > 0;
}

function removeTab(sessionId) {
  const tab = tabs.get(sessionId);
  if (!tab) {
    return;
  }

  tab.close();
  tab.tab.remove();
  tab.panel.remove();
  tabs.delete(sessionId);
  if (selected === sessionId) {
    select(tabs.keys().next().value ?? null);
  } else {
    byId('no-session').hidden = tabs.size > 0;
  }

  refreshQueue();
}

async function attach(sessionId) {
  const attached = await api.post(`/api/sessions/${encodeURIComponent(sessionId)}/attach`, { displayName: displayName() });
  if (tabs.has(sessionId)) {
    select(sessionId);
    return;
  }

  const tab = createSessionTab({ api, attached: { ...attached, sessionId }, getToken: () => identity?.token, onEnded: removeTab, onSelect: select });
  tabs.set(sessionId, tab);
  byId('tabs').append(tab.tab);
  byId('panels').append(tab.panel);
  select(sessionId);
}

/** Picks a waiting session (unless it is already assigned to us), then attaches and opens its tab. */
async function take(item) {
  try {
    if (!item.assignedToMe) {
      await api.post(`/api/agents/me/queue/${encodeURIComponent(item.sessionId)}/pick`);
    }

    await attach(item.sessionId);
  } catch (error) {
    toastError(error, 'Could not take the session');
  } finally {
    refreshQueue();
  }
}

/** Re-opens the sessions this agent holds (after a reload): attaching again is idempotent. */
async function reopenHeld(agent) {
  for (const sessionId of agent.active ?? []) {
    try {
      await attach(sessionId);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) {
        toastError(error, `Could not reopen ${sessionId}`);
      }
    }
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

async function signIn(subject) {
  delete app.dataset.ready;
  for (const id of [...tabs.keys()]) {
    removeTab(id);
  }

  try {
    identity = subject ? await devToken(subject, 'agent')
      : await resolveIdentity({ development: !!config.development, role: 'agent', demoSubject: demoAgents[0] });
  } catch (error) {
    toastError(error, 'Sign-in failed');
    identity = null;
  }

  const note = byId('signin-note');
  if (!identity) {
    note.hidden = false;
    note.textContent = 'This page needs an agent token: open it as /agent#token=<jwt> (an admin issues one with POST /api/identity/tokens).';
    return;
  }

  note.hidden = true;
  app.dataset.agent = identity.subject ?? '';
  byId('agent-name').textContent = identity.subject ?? '';
  byId('agent-input').value = identity.subject ?? '';
  try {
    const agent = await api.get('/api/agents/me');
    showAgent(agent);
    await reopenHeld(agent);
  } catch (error) {
    renderGroups(allGroups);
    toastError(error, 'Could not read your presence');
  }

  startQueue();
  app.dataset.ready = 'true';
}

async function main() {
  renderGroups(allGroups);
  byId('presence-form').addEventListener('submit', applyPresence);
  config = await loadConfig();
  if (config.development) {
    byId('identity-bar').hidden = false;
    byId('agent-list').replaceChildren(...demoAgents.map((a) => el('option', { value: a })));
    const apply = () => signIn(byId('agent-input').value.trim() || demoAgents[0]);
    byId('agent-apply').addEventListener('click', apply);
    byId('agent-input').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        apply();
      }
    });
  }

  await signIn(null);
  if (!identity) {
    toast('Not signed in', 'Open this page with #token=<agent token>.');
  }
}

main();
