// Money, dates and order shapes for display.
import { locale } from './i18n.js';

/** An amount in minor units (fen, cents) of an ISO 4217 currency, e.g. (19900, 'CNY') → "¥199.00". */
export function formatMoney(minor, currency) {
  const amount = Number(minor);
  if (!Number.isFinite(amount)) {
    return '';
  }

  const code = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null;
  if (!code) {
    return (amount / 100).toFixed(2);
  }

  try {
    const format = new Intl.NumberFormat(locale(), { style: 'currency', currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${(amount / 100).toFixed(2)} ${code}`;
  }
}

/** A short local date and time. */
export function formatDateTime(value) {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }

  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day for a message. */
export function formatTime(value) {
  const date = value ? new Date(value) : new Date();
  if (Number.isNaN(date.getTime())) {
    return '';
  }

  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

// OrderStatus in the commerce contracts, in declaration order (a number on the wire means this index).
const orderStatuses = ['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded'];

/** A status as a CSS-friendly key: 'PendingPayment', 'pending_payment', 'pending-payment' or 0 → 'pending_payment'. */
export function statusKey(status) {
  if (typeof status === 'number') {
    return orderStatuses[status] ?? String(status);
  }

  return String(status ?? '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

/** A status for people: 'pending_payment' → 'pending payment'. */
export function statusLabel(status) {
  return statusKey(status).replace(/_/g, ' ');
}

/**
 * An order card from either shape the API has: the bot's OrderCard (title, itemCount, latestTracking) or a full order
 * from /api/me/orders (items, shipment with events). Unknown fields are ignored; missing ones stay empty.
 */
export function toOrderCard(order) {
  if (!order || typeof order !== 'object') {
    return null;
  }

  const items = Array.isArray(order.items) ? order.items : [];
  const events = Array.isArray(order.shipment?.events) ? order.shipment.events : [];
  const lastEvent = events.length ? events[events.length - 1] : null;
  const firstTitle = items[0]?.title ?? '';
  const title = order.title ?? (items.length > 1 ? `${firstTitle} +${items.length - 1}` : firstTitle);
  const itemCount = order.itemCount ?? items.reduce((sum, item) => sum + (Number(item.quantity) || 1), 0);
  const tracking = order.latestTracking
    ?? (lastEvent ? [lastEvent.description, lastEvent.location].filter(Boolean).join(' · ') : null);
  return {
    orderId: String(order.orderId ?? order.id ?? ''),
    merchantName: order.merchantName ?? order.merchantId ?? '',
    status: order.status,
    title,
    itemCount,
    totalMinor: order.totalMinor,
    currency: order.currency,
    latestTracking: tracking,
    placedAt: order.placedAt,
  };
}

/** The list inside /api/me/orders whatever its envelope: an array, or {orders|items|data: [...]}. */
export function ordersFrom(payload) {
  if (Array.isArray(payload)) {
    return payload;
  }

  for (const key of ['orders', 'items', 'data', 'results']) {
    if (Array.isArray(payload?.[key])) {
      return payload[key];
    }
  }

  return [];
}
