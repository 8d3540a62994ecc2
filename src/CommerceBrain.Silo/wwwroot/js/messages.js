// The conversation view: bubbles, order cards, notices, the typing indicator and quick replies.
import { el, byId } from './dom.js';
import { t } from './i18n.js';
import { formatMoney, formatDateTime, formatTime, statusKey, statusLabel } from './format.js';

const list = () => byId('messages');

function scrollToEnd() {
  const log = list();
  log.scrollTop = log.scrollHeight;
}

function append(node) {
  const typing = list().querySelector('.typing');
  // The typing indicator always stays last.
  list().insertBefore(node, typing);
  scrollToEnd();
  return node;
}

/** An order card: title, shop, status badge, total, item count and latest tracking; an optional action button. */
export function orderCard(card, action = null) {
  const key = statusKey(card.status);
  const count = Number(card.itemCount);
  return el('article', { class: 'order-card', dataset: { orderId: card.orderId }, 'aria-label': card.title || card.orderId },
    el('div', { class: 'order-card-top' },
      el('span', { class: 'order-card-shop' }, card.merchantName || ''),
      key ? el('span', { class: `badge s-${key}` }, statusLabel(card.status)) : null),
    el('div', { class: 'order-card-title' }, card.title || card.orderId),
    el('div', { class: 'order-card-line' },
      el('span', {}, `#${card.orderId}`),
      el('span', { class: 'order-card-total' }, formatMoney(card.totalMinor, card.currency))),
    el('div', { class: 'order-card-line' },
      el('span', {}, Number.isFinite(count) && count > 0 ? (count === 1 ? t('item') : t('items', count)) : ''),
      el('span', {}, card.placedAt ? t('placed', formatDateTime(card.placedAt)) : '')),
    card.latestTracking ? el('div', { class: 'order-card-tracking' }, card.latestTracking) : null,
    action ? el('div', { class: 'order-card-actions' }, action) : null);
}

/** A bubble from the customer; returns handles to mark it sent, retrying or failed. */
export function customerBubble(text, at = null) {
  const meta = el('div', { class: 'meta' }, formatTime(at));
  const row = el('div', { class: 'row customer' },
    el('div', { class: 'stack' },
      el('div', { class: 'bubble' }, text),
      meta));
  append(row);
  return {
    row,
    pending() {
      row.classList.add('pending');
      meta.className = 'meta';
      meta.replaceChildren(t('sending'));
    },
    retrying(seconds) {
      meta.replaceChildren(t('retrying', seconds));
    },
    sent() {
      row.classList.remove('pending');
      meta.className = 'meta';
      meta.replaceChildren(formatTime());
    },
    failed(onRetry) {
      row.classList.remove('pending');
      meta.className = 'meta failed';
      meta.replaceChildren(t('failed'), ' ', el('button', { type: 'button', class: 'retry-button', onclick: onRetry }, t('retry')));
    },
  };
}

/** A bot reply: its text and any order cards. */
export function botBubble(reply, at = null) {
  const cards = Array.isArray(reply?.cards) && reply.cards.length
    ? el('div', { class: 'cards' }, reply.cards.map((c) => orderCard(c)))
    : null;
  return append(el('div', { class: 'row bot', dataset: { kind: reply?.kind ?? '', intent: reply?.intent ?? '' } },
    el('div', { class: 'who', 'aria-hidden': 'true' }, 'CB'),
    el('div', { class: 'stack' },
      el('span', { class: 'author-label' }, t('botLabel')),
      reply?.text ? el('div', { class: 'bubble' }, reply.text) : null,
      cards,
      el('div', { class: 'meta' }, formatTime(at)))));
}

/** A message from a person on the service side, shown apart from the bot's. */
export function agentBubble(text, name = null, at = null) {
  return append(el('div', { class: 'row agent' },
    el('div', { class: 'who', 'aria-hidden': 'true' }, (name || t('agentLabel')).slice(0, 2)),
    el('div', { class: 'stack' },
      el('span', { class: 'author-label' }, name || t('agentLabel')),
      el('div', { class: 'bubble' }, text),
      el('div', { class: 'meta' }, formatTime(at)))));
}

/** A centred system notice ("Conversation resumed", "Chat ended"). */
export function notice(text, kind = '') {
  return append(el('div', { class: `notice ${kind}`.trim(), role: kind === 'error' ? 'alert' : null }, text));
}

/** Shows or hides the three-dot indicator while the bot is answering. */
export function typing(on) {
  const existing = list().querySelector('.typing');
  if (on && !existing) {
    list().append(el('div', { class: 'row typing', role: 'status', 'aria-label': t('typing') },
      el('div', { class: 'who', 'aria-hidden': 'true' }, 'CB'),
      el('div', { class: 'bubble' }, el('span', { class: 'dot' }), el('span', { class: 'dot' }), el('span', { class: 'dot' }))));
    scrollToEnd();
  } else if (!on && existing) {
    existing.remove();
  }
}

/** Quick-reply buttons under the conversation; choose(value) is called with the picked choice's value. */
export function quickReplies(choices, choose) {
  const bar = byId('quick-replies');
  const usable = (choices ?? []).filter((c) => c && (c.value || c.label));
  bar.replaceChildren(...usable.map((c) => el('button', {
    type: 'button',
    class: 'quick-reply',
    title: c.label || c.value,
    onclick: () => choose(c.value || c.label),
  }, c.label || c.value)));
  bar.hidden = usable.length === 0;
}

/** Empties the conversation (new customer or new session). */
export function clear() {
  list().replaceChildren();
  quickReplies([]);
}
