// Agent assist: suggested replies (one click fills the composer), next actions, phrasing tips, and warnings on the
// draft while typing. Assist is optional on the server: a 404 hides it quietly and it is not asked again.
import { el } from '/js/dom.js';
import { ApiError } from '/js/api.js';

const draftDebounceMs = 500;

export function createAssist({ api, sessionId, use, showWarnings, lookUpOrder }) {
  const enc = encodeURIComponent(sessionId);
  let assistAvailable = true;
  let draftsAvailable = true;
  let stopped = false;
  let draftTimer = null;
  let draftSeq = 0;
  let refreshing = null;

  const suggestionsNode = el('div', { class: 'suggestions', role: 'group', 'aria-label': 'Suggested replies', hidden: true });
  const actions = el('ul', { class: 'actions' });
  const phrasing = el('ul', { class: 'phrasing' });
  const node = el('section', { class: 'assist', hidden: true, 'aria-label': 'Assist' },
    el('h3', {}, 'Assist'), el('h4', {}, 'Next actions'), actions, el('h4', {}, 'Phrasing'), phrasing);

  function render(data) {
    const suggestions = Array.isArray(data?.suggestions) ? data.suggestions.filter((s) => s?.text) : [];
    suggestionsNode.replaceChildren(...suggestions.slice(0, 4).map((s) => el('button', {
      type: 'button', class: 'suggestion', title: `${s.source ?? ''}${s.score != null ? ` · ${Number(s.score).toFixed(2)}` : ''}`,
      dataset: { source: s.source ?? '' }, onclick: () => use(s.text),
    }, s.text)));
    suggestionsNode.hidden = suggestions.length === 0;
    suggestionsNode.dataset.forEventId = String(data?.forEventId ?? '');

    const acts = Array.isArray(data?.actions) ? data.actions : [];
    actions.replaceChildren(...acts.map((a) => el('li', {}, a.orderId && /order/i.test(a.kind ?? '')
      ? el('button', { type: 'button', class: 'link', dataset: { kind: a.kind ?? '' }, onclick: () => lookUpOrder(a.orderId) }, a.label || a.kind)
      : el('span', { dataset: { kind: a.kind ?? '' } }, a.label || a.kind))));
    const tips = Array.isArray(data?.phrasing) ? data.phrasing.filter((p) => typeof p === 'string' && p) : [];
    phrasing.replaceChildren(...tips.map((p) => el('li', {}, p)));
    node.hidden = acts.length === 0 && tips.length === 0;
  }

  /** Asks for fresh suggestions (after the customer wrote); overlapping calls collapse into one. */
  function refresh() {
    if (!assistAvailable || stopped || refreshing) {
      return refreshing;
    }

    refreshing = api.get(`/api/sessions/${enc}/assist`)
      .then((data) => { if (!stopped) render(data); })
      .catch((error) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) {
          assistAvailable = false;
          suggestionsNode.hidden = true;
          node.hidden = true;
        }
        // Anything else: keep what is shown; the next customer message asks again.
      })
      .finally(() => { refreshing = null; });
    return refreshing;
  }

  /** The composer changed: after a pause, ask the reviewer about the draft and show its warnings before sending. */
  function draftChanged(text) {
    if (draftTimer) {
      clearTimeout(draftTimer);
    }

    const trimmed = String(text ?? '').trim();
    if (!trimmed) {
      showWarnings([]);
      return;
    }

    if (!draftsAvailable || stopped) {
      return;
    }

    draftTimer = setTimeout(async () => {
      draftTimer = null;
      const mine = ++draftSeq;
      try {
        const result = await api.post(`/api/sessions/${enc}/agent-drafts`, { text: trimmed });
        if (mine === draftSeq && !stopped) {
          showWarnings(result?.warnings ?? []);
        }
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) {
          draftsAvailable = false;
        }
      }
    }, draftDebounceMs);
  }

  function stop() {
    stopped = true;
    if (draftTimer) {
      clearTimeout(draftTimer);
    }
  }

  return { node, suggestionsNode, refresh, draftChanged, stop };
}
