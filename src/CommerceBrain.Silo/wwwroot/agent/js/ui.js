// Small page helpers: toasts, durations, problem+json text.
import { el, byId } from '/js/dom.js';
import { describeProblem } from '/js/api.js';

/** A toast over the page; kind 'error' (default) or 'info'. */
export function toast(title, detail = '', kind = 'error') {
  const box = el('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('div', { class: 'toast-body' },
      title ? el('strong', {}, title) : null,
      detail ? el('div', {}, detail) : null),
    el('button', { type: 'button', class: 'icon', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×'));
  byId('toasts').append(box);
  setTimeout(() => box.remove(), 7000);
  return box;
}

/** A toast for a failed API call, in the server's own words. */
export function toastError(error, what = 'Something went wrong') {
  if (error?.status === 0) {
    return toast(what, 'The service cannot be reached; check the connection.');
  }

  const { title, detail } = describeProblem(error);
  return toast(title || what, detail || String(error?.message ?? ''));
}

/** Seconds as "42 s", "3 min 05 s", "1 h 02 min". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  if (s < 60) {
    return `${s} s`;
  }

  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  }

  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** A time of day. */
export function clock(value) {
  const date = value ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
