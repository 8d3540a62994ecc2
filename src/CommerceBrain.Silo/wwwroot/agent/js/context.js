// The context panel: the bot's handoff packet (summary, reason, intents, slots, orders touched, sentiment) and order details.
import { el } from '/js/dom.js';
import { formatMoney, formatDateTime, statusKey } from '/js/format.js';
import { toastError } from './ui.js';

function sentimentLabel(value) {
  const v = Number(value);
  if (!Number.isFinite(v)) {
    return 'unknown';
  }

  return v <= -0.5 ? 'very unhappy' : v < -0.1 ? 'unhappy' : v > 0.3 ? 'happy' : 'neutral';
}

function row(label, ...value) {
  return el('div', { class: 'kv' }, el('dt', {}, label), el('dd', {}, ...value));
}

/** The packet's panel; showOrder(id) reads GET /api/orders/{id} into it. */
export function contextPanel({ api, packet }) {
  const orderBox = el('div', { class: 'order-detail', 'aria-live': 'polite' });

  async function showOrder(orderId) {
    orderBox.replaceChildren(el('p', { class: 'muted' }, `Loading ${orderId}…`));
    try {
      const order = await api.get(`/api/orders/${encodeURIComponent(orderId)}`);
      const items = order.items ?? [];
      const tracking = order.shipment?.events ?? [];
      const latest = tracking.length ? tracking[tracking.length - 1] : null;
      orderBox.replaceChildren(el('div', { class: 'order', dataset: { orderId } },
        el('h4', {}, orderId),
        el('dl', {},
          row('Status', el('span', { 'data-field': 'order-status' }, statusKey(order.status).replace(/_/g, ' '))),
          row('Total', formatMoney(order.totalMinor, order.currency)),
          row('Placed', formatDateTime(order.placedAt)),
          row('Shop', String(order.merchantName ?? order.merchantId ?? '')),
          row('Items', items.map((i) => `${i.quantity ?? 1} × ${i.title ?? i.name ?? i.sku ?? ''}`).join('; ') || '—'),
          order.shipment ? row('Shipment', `${order.shipment.carrier} ${order.shipment.trackingNumber}`) : null,
          latest ? row('Tracking', `${formatDateTime(latest.at)} · ${latest.location} · ${latest.description}`) : null,
          (order.refunds?.length ?? 0) > 0 ? row('Refunds', String(order.refunds.length)) : null)));
    } catch (error) {
      orderBox.replaceChildren();
      toastError(error, `Could not read order ${orderId}`);
    }
  }

  const node = el('section', { class: 'packet', 'aria-labelledby': 'packet-title' }, el('h3', {}, 'Hand-over'));
  if (!packet) {
    node.append(el('p', { class: 'muted' }, 'The bot did not hand this session over (no packet).'));
  } else {
    const sentiment = Number(packet.sentiment);
    const trend = Number(packet.sentimentTrend);
    const slots = Object.entries(packet.slots ?? {});
    node.append(
      el('p', { class: 'summary', 'data-field': 'summary' }, packet.summary ?? ''),
      el('dl', {},
        row('Customer', `${packet.customerName ?? packet.customerId ?? ''}${packet.customerSegment ? ` · ${packet.customerSegment}` : ''}`),
        row('Reason', el('span', { 'data-field': 'reason' }, packet.reason ?? '')),
        row('Intents', (packet.intents ?? []).join(', ') || '—'),
        row('Sentiment', el('span', { class: `sentiment ${sentiment < -0.1 ? 'neg' : sentiment > 0.3 ? 'pos' : 'neutral'}`, 'data-field': 'sentiment' },
          `${sentimentLabel(sentiment)} (${Number.isFinite(sentiment) ? sentiment.toFixed(2) : '?'}${Number.isFinite(trend) && trend !== 0 ? `, trend ${trend > 0 ? '+' : ''}${trend.toFixed(2)}` : ''})`)),
        row('Channel', `${packet.channel ?? ''}${packet.merchantId ? ` · shop ${packet.merchantId}` : ''} · ${packet.language ?? ''}`),
        slots.length ? row('Slots', el('ul', { class: 'slots' }, ...slots.map(([k, v]) => el('li', {}, el('code', {}, k), ` ${v}`)))) : null,
        row('Orders', (packet.ordersTouched ?? []).length
          ? el('ul', { class: 'orders' }, ...packet.ordersTouched.map((id) => el('li', {},
            el('a', { href: `/api/orders/${encodeURIComponent(id)}`, class: 'order-link', dataset: { orderId: id },
              onclick: (event) => { event.preventDefault(); showOrder(id); } }, id))))
          : '—')),
      orderBox);
  }

  return { node, showOrder };
}
