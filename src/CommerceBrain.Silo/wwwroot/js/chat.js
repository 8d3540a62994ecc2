// The conversation: opening and resuming the session, sending messages (with safe retries), hand-over and closing.
import { byId } from './dom.js';
import { t } from './i18n.js';
import { ApiError, newClientMessageId } from './api.js';
import { loadSession, saveSession } from './storage.js';
import * as view from './messages.js';
import { toast, toastError } from './toasts.js';

const pollIntervalMs = 4000;
const socketReconnectMs = 1000;
const silentStatuses = new Set(['waiting_for_agent', 'with_agent']);

/**
 * Creates the chat controller over an API client, for one customer and an optional shop. While a person is involved
 * the page follows the session over a WebSocket (getToken gives the bearer token for it); if the socket cannot be
 * opened it falls back to polling.
 */
export function createChat({ api, subject, merchantId, getToken = () => null }) {
  let session = null; // {sessionId, status, merchantId}
  let agentName = null;
  let maxSeq = 0;
  let lastEventId = 0;
  let socket = null;
  let socketBroken = false; // a socket that never opened: poll for the rest of this session
  let socketTimer = null;
  let lastReply = null;
  let onlyWelcome = false;
  let queue = Promise.resolve();
  let pollTimer = null;

  const app = byId('app');

  function setStatus(status) {
    const value = status || 'active';
    app.dataset.status = value;
    if (session) {
      session.status = value;
    }

    const name = agentName || t('anAgent');
    byId('status-text').textContent = {
      waiting_for_agent: t('statusWaiting'),
      with_agent: t('statusWithAgent', name),
      closed: t('statusClosed'),
    }[value] ?? t('statusActive');

    const banner = byId('handover-banner');
    banner.hidden = !silentStatuses.has(value);
    banner.classList.toggle('with-agent', value === 'with_agent');
    byId('handover-text').textContent = value === 'with_agent' ? t('withAgentBanner', name) : t('waitingBanner');

    const closed = value === 'closed';
    byId('composer').hidden = closed;
    byId('restart-bar').hidden = !closed;
    byId('close-button').disabled = !session || closed;
    if (closed || silentStatuses.has(value)) {
      view.quickReplies([]);
    }

    schedulePoll();
  }

  function rememberAgent(source) {
    const name = source?.agentName ?? source?.agent?.name ?? source?.agent?.displayName ?? null;
    if (typeof name === 'string' && name) {
      agentName = name;
    }
  }

  function welcome() {
    view.clear();
    view.botBubble({ text: t('welcome'), kind: 'answer' });
    view.quickReplies([
      { label: t('starterOrder'), value: t('starterOrder') },
      { label: t('starterReturn'), value: t('starterReturn') },
      { label: t('starterCoupon'), value: t('starterCoupon') },
      { label: t('starterHuman'), value: t('starterHuman') },
    ], send);
    onlyWelcome = true;
  }

  function showReply(reply, at = null) {
    lastReply = reply;
    view.botBubble(reply, at);
    view.quickReplies(session?.status === 'active' || !session ? reply.choices : [], send);
  }

  function showLine(line) {
    const at = line.at ?? null;
    switch (line.author) {
      case 'customer':
        view.customerBubble(line.text, at);
        view.quickReplies([]);
        break;
      case 'bot':
        showReply(line.reply ?? { text: line.text, kind: 'answer' }, at);
        break;
      case 'agent':
        rememberAgent(line);
        view.agentBubble(line.text, agentName, at);
        view.quickReplies([]);
        break;
      default:
        view.notice(line.text);
    }
  }

  async function openSession() {
    const opened = await api.post('/api/sessions', { merchantId: merchantId || null, channel: 'web' }, { retry: { attempts: 4 } });
    session = { sessionId: opened.sessionId, status: opened.status, merchantId: opened.merchantId ?? merchantId ?? null };
    maxSeq = 0;
    lastEventId = 0;
    socketBroken = false;
    saveSession({ sessionId: session.sessionId, subject, merchantId: merchantId ?? null });
    setStatus(opened.status);
  }

  function forgetSession() {
    session = null;
    agentName = null;
    maxSeq = 0;
    lastEventId = 0;
    socketBroken = false;
    saveSession(null);
    schedulePoll();
  }

  async function deliver(text, clientMessageId, bubble) {
    bubble.pending();
    try {
      if (!session || session.status === 'closed') {
        await openSession();
      }

      if (!silentStatuses.has(session.status)) {
        view.typing(true);
      }

      view.quickReplies([]);
      const result = await api.post(`/api/sessions/${encodeURIComponent(session.sessionId)}/messages`,
        { text, clientMessageId },
        { retry: {}, onRetry: (_, delayMs) => bubble.retrying(Math.max(1, Math.round(delayMs / 1000))) });
      view.typing(false);
      bubble.sent();
      maxSeq = Math.max(maxSeq, Number(result.seq) || 0);
      lastEventId = Math.max(lastEventId, Number(result.eventId) || 0);
      setStatus(result.status);
      if (result.reply) {
        showReply(result.reply);
      }
    } catch (error) {
      view.typing(false);
      const sessionGone = error instanceof ApiError && (error.status === 404 || (error.status === 409 && session && /closed/i.test(error.problem?.title ?? '')));
      if (sessionGone) {
        forgetSession();
        view.notice(t('sessionGone'));
      }

      const retryable = !(error instanceof ApiError) || error.transient || sessionGone || error.status === 401;
      bubble.failed(retryable ? () => enqueue(text, clientMessageId, bubble) : null);
      if (!retryable || error.status !== 0) {
        toastError(error);
      } else {
        toast(t('errorTitle'), t('networkError'));
      }

      if (error.status === 401) {
        view.notice(t('tokenExpired'), 'error');
      }
    }
  }

  function enqueue(text, clientMessageId, bubble) {
    // One message at a time, in order: a retry keeps its clientMessageId, so the server never takes it twice.
    queue = queue.then(() => deliver(text, clientMessageId, bubble));
    return queue;
  }

  /** Sends a customer message (typed, a quick reply or an order from the drawer). */
  function send(text) {
    const trimmed = String(text ?? '').trim();
    if (!trimmed) {
      return Promise.resolve();
    }

    onlyWelcome = false;
    const bubble = view.customerBubble(trimmed);
    return enqueue(trimmed, newClientMessageId(), bubble);
  }

  async function poll() {
    pollTimer = null;
    if (!session || !silentStatuses.has(session.status)) {
      return;
    }

    try {
      const current = await api.get(`/api/sessions/${encodeURIComponent(session.sessionId)}`);
      rememberAgent(current);
      for (const line of current.transcript ?? []) {
        // Only what the service side wrote since: the customer's own lines and bot replies are already shown.
        if (line.seq > maxSeq && (line.author === 'agent' || line.author === 'system')) {
          showLine(line);
        }

        maxSeq = Math.max(maxSeq, Number(line.seq) || 0);
      }

      lastEventId = Math.max(lastEventId, Number(current.lastEventId) || 0);

      setStatus(current.status);
      if (current.status === 'closed') {
        forgetSession();
        view.notice(t('statusClosed'));
      }
    } catch {
      // A failed poll is retried on the next tick; the banner already says we are waiting.
      schedulePoll();
    }
  }

  /** One event from the stream: shows what the service side wrote, follows the status. */
  function onStreamEvent(message) {
    const id = Number(message.eventId) || 0;
    if (id <= lastEventId) {
      return;
    }

    lastEventId = id;
    rememberAgent(message);
    for (const line of message.lines ?? []) {
      if (line.seq > maxSeq && (line.author === 'agent' || line.author === 'system')) {
        showLine(line);
      }

      maxSeq = Math.max(maxSeq, Number(line.seq) || 0);
    }

    if (message.status && message.status !== session?.status) {
      setStatus(message.status);
      if (message.status === 'closed') {
        forgetSession();
        view.notice(t('statusClosed'));
      }
    }
  }

  function openSocket() {
    const token = getToken();
    if (!token || typeof WebSocket !== 'function') {
      socketBroken = true;
      return false;
    }

    const sessionId = session.sessionId;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${window.location.host}/api/sessions/${encodeURIComponent(sessionId)}/stream`
      + `?after=${lastEventId}&access_token=${encodeURIComponent(token)}`;
    let opened = false;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      app.dataset.live = 'socket';
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }

      if (message.type === 'event' && session?.sessionId === sessionId) {
        onStreamEvent(message);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) {
        return;
      }

      socket = null;
      delete app.dataset.live;
      // A socket that worked reconnects after the last event id (a dropped network or a slow-consumer close); one that
      // never opened (a proxy without WebSockets, a refused handshake) leaves the page polling.
      socketBroken = socketBroken || !opened;
      socketTimer = setTimeout(() => {
        socketTimer = null;
        schedulePoll();
      }, opened ? socketReconnectMs : 0);
    };
    return true;
  }

  function closeSocket() {
    if (socketTimer) {
      clearTimeout(socketTimer);
      socketTimer = null;
    }

    if (socket) {
      const ws = socket;
      socket = null;
      delete app.dataset.live;
      ws.close(1000, 'done');
    }
  }

  function schedulePoll() {
    const wanted = session && silentStatuses.has(session.status);
    if (!wanted) {
      closeSocket();
    } else if (socket || socketTimer) {
      return;
    } else if (!socketBroken && openSocket()) {
      if (pollTimer) {
        clearTimeout(pollTimer);
        pollTimer = null;
      }

      return;
    }

    if (wanted && !pollTimer) {
      pollTimer = setTimeout(poll, pollIntervalMs);
    } else if (!wanted && pollTimer) {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
  }

  /** Resumes the tab's session (after a reload) or shows the welcome. */
  async function start() {
    const stored = loadSession();
    if (stored?.sessionId && stored.subject === subject && (stored.merchantId ?? null) === (merchantId ?? null)) {
      try {
        const current = await api.get(`/api/sessions/${encodeURIComponent(stored.sessionId)}`);
        if (current.status !== 'closed') {
          session = { sessionId: current.sessionId, status: current.status, merchantId: current.merchantId ?? null };
          rememberAgent(current);
          view.clear();
          for (const line of current.transcript ?? []) {
            showLine(line);
            maxSeq = Math.max(maxSeq, Number(line.seq) || 0);
          }

          lastEventId = Number(current.lastEventId) || 0;

          view.notice(t('resumed'));
          setStatus(current.status);
          return;
        }
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) {
          toastError(error);
        }
      }
    }

    forgetSession();
    welcome();
    setStatus('active');
    byId('close-button').disabled = true;
  }

  /** Ends the session with the customer's rating. */
  async function close({ satisfaction, comment }) {
    if (!session) {
      return;
    }

    await api.post(`/api/sessions/${encodeURIComponent(session.sessionId)}/close`, { satisfaction, comment });
    setStatus('closed');
    forgetSession();
    view.notice(t('closedNotice'));
    byId('close-button').disabled = true;
  }

  /** Starts over with a fresh welcome (the next message opens a new session). */
  function restart() {
    forgetSession();
    welcome();
    setStatus('active');
    byId('close-button').disabled = true;
    byId('input').focus();
  }

  /** Asks about an order from the drawer: the bare id when the bot is asking for one, else a question. */
  function askAboutOrder(orderId) {
    const asking = lastReply && (lastReply.kind === 'form' || lastReply.kind === 'clarify') && session?.status === 'active';
    return send(asking ? orderId : t('orderQuestion', orderId));
  }

  /** Re-labels what the controller wrote itself after a language switch. */
  function relabel() {
    setStatus(session?.status ?? 'active');
    if (onlyWelcome) {
      welcome();
    }
  }

  /** Stops following the session (another customer was picked); the stored session is left for start() to judge. */
  function stop() {
    session = null;
    schedulePoll();
  }

  return { start, stop, send, close, restart, askAboutOrder, relabel, get hasSession() { return !!session; } };
}
