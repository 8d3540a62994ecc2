// Short-lived error and info messages over the chat, e.g. a problem+json detail from the API.
import { el, byId } from './dom.js';
import { t } from './i18n.js';
import { describeProblem } from './api.js';

const lifetimeMs = 7000;

/** Shows a toast; kind 'error' (default) or 'info'. */
export function toast(title, detail = '', kind = 'error') {
  const box = el('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('div', { class: 'toast-body' },
      title ? el('div', { class: 'toast-title' }, title) : null,
      detail ? el('div', { class: 'toast-detail' }, detail) : null),
    el('button', { type: 'button', class: 'icon-button', 'aria-label': t('closePanel'), onclick: () => box.remove() }, '×'));
  byId('toasts').append(box);
  setTimeout(() => box.remove(), lifetimeMs);
  return box;
}

/** A toast for a failed API call: the server's own words when it sent problem+json. */
export function toastError(error) {
  if (error?.status === 0) {
    return toast(t('errorTitle'), t('networkError'));
  }

  const { title, detail } = describeProblem(error);
  if (!title && !detail) {
    return toast(t('errorTitle'), error?.status === 503 || error?.status === 429 ? t('busy') : String(error?.message ?? ''));
  }

  return toast(title || t('errorTitle'), detail);
}
