// One session the agent holds: a tab, the live transcript over the WebSocket (resumed by event id, deduplicated),
// the context panel (handoff packet, orders, assist) and the composer with draft warnings.
import { el } from '/js/dom.js';
import { ApiError, newClientMessageId } from '/js/api.js';
import { clock, toast, toastError } from './ui.js';
import { createAssist } from './assist.js';
import { contextPanel } from './context.js';

const reconnectDelaysMs = [500, 1000, 2000, 4000, 8000];
const groups = ['pre-sales', 'after-sales', 'disputes', 'merchant-support'];
// The server closes a follower's socket when the agent no longer holds the session: do not reconnect then.
const endedStatuses = new Set(['closed']);

/**
 * Opens a session tab from an attach answer ({sessionId, status, packet, transcript, lastEventId}).
 * onEnded(sessionId) is called when the tab should go (transferred, released, resolved, closed by the customer).
 */
export function createSessionTab({ api, attached, getToken, onEnded, onSelect }) {
  const sessionId = attached.sessionId;
  const enc = encodeURIComponent(sessionId);
  let lastEventId = Number(attached.lastEventId) || 0;
  let maxSeq = 0;
  let socket = null;
  let reconnectTimer = null;
  let failures = 0;
  let ended = false;
  const seenEvents = new Set();
  const pending = []; // {clientMessageId, text, node, eventId}

  const tab = el('button', { type: 'button', role: 'tab', class: 'tab', id: `tab-${sessionId}`, dataset: { sessionId },
    'aria-selected': 'false', 'aria-controls': `panel-${sessionId}`, onclick: () => onSelect(sessionId) },
  el('span', { class: 'tab-title' }, attached.packet?.customerName || attached.packet?.customerId || sessionId),
  el('span', { class: 'tab-unread', 'aria-label': 'new messages' }));

  const transcript = el('div', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': 'Transcript' });
  const warningBanner = el('div', { class: 'warning-banner', role: 'alert', hidden: true });
  const input = el('textarea', { class: 'composer-input', rows: '3', maxlength: '2000', 'aria-label': 'Reply to the customer',
    placeholder: 'Write to the customer… (Enter sends, Shift+Enter breaks the line)' });
  const sendButton = el('button', { type: 'submit', class: 'primary send' }, 'Send');
  const composer = el('form', { class: 'composer', autocomplete: 'off' }, input, sendButton);
  const liveState = el('span', { class: 'live-state' }, 'connecting…');

  const transferForm = el('form', { class: 'action-form', hidden: true, 'aria-label': 'Transfer' },
    el('label', {}, 'To group ', el('select', { name: 'group' }, el('option', { value: '' }, '—'), ...groups.map((g) => el('option', { value: g }, g)))),
    el('label', {}, ' or agent ', el('input', { name: 'agentId', size: '10', placeholder: 'a-00002' })),
    el('label', {}, ' Note ', el('input', { name: 'note', size: '28', required: true, maxlength: '500', placeholder: 'What the next person should know' })),
    el('button', { type: 'submit', class: 'primary' }, 'Transfer'),
    el('button', { type: 'button', class: 'link', onclick: () => { transferForm.hidden = true; } }, 'Cancel'));
  const resolveForm = el('form', { class: 'action-form', hidden: true, 'aria-label': 'Resolve' },
    el('label', {}, 'Resolution code ', el('input', { name: 'code', size: '18', required: true, pattern: '[a-z0-9_.\\-]{1,64}', value: 'answered' })),
    el('button', { type: 'submit', class: 'primary' }, 'Resolve'),
    el('button', { type: 'button', class: 'link', onclick: () => { resolveForm.hidden = true; } }, 'Cancel'));

  const context = contextPanel({ api, packet: attached.packet });
  const assist = createAssist({
    api,
    sessionId,
    use: (text) => {
      input.value = text;
      input.focus();
      assist.draftChanged(text);
    },
    showWarnings: (warnings) => showWarnings(warnings),
    lookUpOrder: (orderId) => context.showOrder(orderId),
  });

  const panel = el('section', { class: 'session', id: `panel-${sessionId}`, role: 'tabpanel', 'aria-labelledby': `tab-${sessionId}`,
    hidden: true, dataset: { sessionId, status: attached.status } },
  el('div', { class: 'session-main' },
    el('div', { class: 'session-bar' },
      el('strong', {}, sessionId), liveState,
      el('span', { class: 'spacer' }),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'transfer', onclick: () => { transferForm.hidden = !transferForm.hidden; resolveForm.hidden = true; } }, 'Transfer'),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'release', onclick: () => release() }, 'Release to bot'),
      el('button', { type: 'button', class: 'secondary', 'data-action': 'resolve', onclick: () => { resolveForm.hidden = !resolveForm.hidden; transferForm.hidden = true; } }, 'Resolve')),
    transferForm, resolveForm, transcript, assist.suggestionsNode, warningBanner, composer),
  el('aside', { class: 'context', 'aria-label': 'Context' }, context.node, assist.node));

  function scrollDown() {
    transcript.scrollTop = transcript.scrollHeight;
  }

  function lineNode(line, state = null) {
    const author = ['customer', 'bot', 'agent', 'system'].includes(line.author) ? line.author : 'system';
    return el('div', { class: `line ${author}${state ? ` ${state}` : ''}`, dataset: { seq: line.seq ?? '', eventId: line.eventId ?? '' } },
      el('span', { class: 'who' }, { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: '·' }[author]),
      el('span', { class: 'text' }, line.text ?? ''),
      el('time', { class: 'at' }, clock(line.at)));
  }

  /** Puts one transcript line in, once: lines are numbered (seq) and an agent line may already be our pending bubble. */
  function addLine(line, eventId) {
    const seq = Number(line.seq) || 0;
    if (seq && seq <= maxSeq) {
      return;
    }

    maxSeq = Math.max(maxSeq, seq);
    const enriched = { ...line, eventId: line.eventId || eventId };
    if (line.author === 'agent') {
      const mine = pending.findIndex((p) => (p.eventId && p.eventId === enriched.eventId) || p.text === line.text);
      if (mine >= 0) {
        const [p] = pending.splice(mine, 1);
        const node = lineNode(enriched);
        p.node.replaceWith(node);
        return;
      }
    }

    transcript.append(lineNode(enriched));
    if (line.author === 'customer' && panel.hidden) {
      tab.classList.add('unread');
    }

    scrollDown();
  }

  for (const line of attached.transcript ?? []) {
    addLine(line, line.eventId);
  }

  function setStatus(status) {
    if (!status) {
      return;
    }

    panel.dataset.status = status;
    if (endedStatuses.has(status)) {
      finish('The customer closed the session.');
    }
  }

  function onEvent(message) {
    const id = Number(message.eventId) || 0;
    if (id <= lastEventId || seenEvents.has(id)) {
      return;
    }

    seenEvents.add(id);
    lastEventId = id;
    let customerSpoke = false;
    for (const line of message.lines ?? []) {
      addLine(line, id);
      customerSpoke ||= line.author === 'customer';
    }

    panel.dataset.lastEventId = String(lastEventId);
    setStatus(message.status);
    // Only the holder transfers, releases or resolves; either way this agent no longer holds the session.
    if (message.kind === 'transferred' || message.kind === 'released' || message.kind === 'resolved') {
      finish(null);
    }

    if (customerSpoke) {
      assist.refresh();
    }
  }

  function connect() {
    if (ended) {
      return;
    }

    const token = getToken();
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${window.location.host}/api/sessions/${enc}/stream?after=${lastEventId}&access_token=${encodeURIComponent(token ?? '')}`);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      panel.dataset.live = 'socket';
      liveState.textContent = 'live';
      liveState.className = 'live-state on';
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }

      if (message.type === 'event') {
        onEvent(message);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) {
        return;
      }

      socket = null;
      delete panel.dataset.live;
      liveState.textContent = 'reconnecting…';
      liveState.className = 'live-state off';
      if (ended) {
        return;
      }

      // Resume after the last event id we have: the server sends the backlog from there, so nothing is missed and
      // anything that arrives twice is dropped by id.
      const delay = reconnectDelaysMs[Math.min(failures, reconnectDelaysMs.length - 1)];
      failures++;
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        connect();
      }, delay);
    };
  }

  function disconnect() {
    if (reconnectTimer) {
      clearTimeout(reconnectTimer);
      reconnectTimer = null;
    }

    if (socket) {
      const ws = socket;
      socket = null;
      ws.close(1000, 'done');
    }

    delete panel.dataset.live;
  }

  function finish(reason) {
    if (ended) {
      return;
    }

    ended = true;
    disconnect();
    assist.stop();
    if (reason) {
      toast('Session ended', reason, 'info');
    }

    onEnded(sessionId);
  }

  function showWarnings(warnings, sent = false) {
    const list = Array.isArray(warnings) ? warnings.filter((w) => w && (w.message || w.code)) : [];
    warningBanner.replaceChildren();
    warningBanner.hidden = list.length === 0;
    if (!list.length) {
      return;
    }

    const worst = list.some((w) => w.severity === 'block' || w.severity === 'error' || w.severity === 'high') ? 'high' : 'normal';
    warningBanner.dataset.severity = worst;
    warningBanner.append(el('strong', {}, sent ? 'Sent, but please note:' : 'Before you send:'),
      el('ul', {}, ...list.map((w) => el('li', { dataset: { code: w.code ?? '' } }, w.message || w.code))));
  }

  async function deliver(entry) {
    entry.node.classList.add('pending');
    try {
      const result = await api.post(`/api/sessions/${enc}/agent-messages`, { text: entry.text, clientMessageId: entry.clientMessageId },
        { retry: {} });
      entry.eventId = Number(result?.eventId) || 0;
      entry.node.classList.remove('pending', 'failed');
      entry.node.dataset.eventId = String(entry.eventId || '');
      showWarnings(result?.warnings, true);
      // The stream may have delivered the line first; then this bubble was already swapped for it.
    } catch (error) {
      entry.node.classList.remove('pending');
      entry.node.classList.add('failed');
      const retry = el('button', { type: 'button', class: 'link', onclick: () => { retry.remove(); deliver(entry); } }, 'Not sent · Retry');
      entry.node.append(retry);
      toastError(error, 'The message was not sent');
      if (error instanceof ApiError && error.status === 409) {
        setStatus(error.problem?.title && /closed/i.test(error.problem.title) ? 'closed' : panel.dataset.status);
      }
    }
  }

  let sending = Promise.resolve();

  function send(text) {
    const entry = { clientMessageId: newClientMessageId(), text, eventId: 0, node: null };
    entry.node = lineNode({ author: 'agent', text, at: new Date().toISOString() }, 'pending');
    pending.push(entry);
    transcript.append(entry.node);
    scrollDown();
    // One at a time, in order; a retry keeps the clientMessageId, so the server never takes it twice.
    sending = sending.then(() => deliver(entry));
  }

  input.addEventListener('input', () => assist.draftChanged(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || ended) {
      return;
    }

    input.value = '';
    showWarnings([]);
    send(text);
    input.focus();
  });

  async function act(path, body, done) {
    try {
      await api.post(`/api/sessions/${enc}/${path}`, body);
      toast(done, '', 'info');
      finish(null);
    } catch (error) {
      toastError(error, `Could not ${path}`);
    }
  }

  function release() {
    act('release', undefined, 'Released to the bot');
  }

  transferForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(transferForm);
    const group = String(form.get('group') || '').trim();
    const agentId = String(form.get('agentId') || '').trim();
    act('transfer', { group: group || null, agentId: agentId || null, note: String(form.get('note') || '').trim() }, 'Transferred');
  });
  resolveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act('resolve', { resolutionCode: String(new FormData(resolveForm).get('code') || '').trim() }, 'Resolved');
  });

  connect();
  assist.refresh();

  return {
    sessionId,
    tab,
    panel,
    select(selected) {
      tab.setAttribute('aria-selected', String(selected));
      tab.classList.toggle('selected', selected);
      panel.hidden = !selected;
      if (selected) {
        tab.classList.remove('unread');
        scrollDown();
      }
    },
    close() {
      ended = true;
      disconnect();
      assist.stop();
    },
  };
}
