// Entry point: reads the page's settings, signs the customer in and starts the chat.
import { byId, el } from './dom.js';
import { applyTo, language, setLanguage, t } from './i18n.js';
import { createApi, newClientMessageId } from './api.js';
import { defaultDemoCustomer, devToken, resolveIdentity } from './identity.js';
import { createChat } from './chat.js';
import { setUpOrdersPanel } from './orders.js';
import { setUpCouponsPanel } from './coupons.js';
import { setUpCloseDialog } from './close-dialog.js';
import { notice } from './messages.js';
import { toastError } from './toasts.js';
import { saveSession } from './storage.js';

const demoCustomers = Array.from({ length: 10 }, (_, i) => `c-${String(i + 1).padStart(5, '0')}`);

async function loadConfig() {
  try {
    const response = await fetch('/api/chat/config', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    return response.ok ? await response.json() : { development: false };
  } catch {
    return { development: false };
  }
}

function setUpComposer(onSend) {
  const form = byId('composer');
  const input = byId('input');
  const grow = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
  };

  input.addEventListener('input', grow);
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter breaks the line; never while an IME is composing (Chinese input uses Enter to confirm).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      return;
    }

    input.value = '';
    grow();
    onSend(text);
    input.focus();
  });
}

function setComposerEnabled(enabled) {
  byId('input').disabled = !enabled;
  byId('send-button').disabled = !enabled;
  byId('orders-button').disabled = !enabled;
  byId('coupons-button').disabled = !enabled;
}

function headerTitle(merchantId) {
  byId('shop-name').textContent = merchantId ? t('shopTitle', merchantId) : t('appTitle');
}

async function main() {
  applyTo(document);
  const params = new URLSearchParams(window.location.search);
  const merchantId = params.get('merchant') || null;
  headerTitle(merchantId);
  const config = await loadConfig();

  let identity = null;
  let chat = null;
  const api = createApi({
    getToken: () => identity?.token,
    renewToken: async () => {
      if (!config.development || !identity?.subject) {
        return false;
      }

      identity = await devToken(identity.subject);
      return true;
    },
  });

  setUpComposer((text) => chat?.send(text));
  setUpOrdersPanel({ load: () => api.get('/api/me/orders'), ask: (orderId) => chat?.askAboutOrder(orderId) });
  setUpCouponsPanel({
    load: () => api.get('/api/campaigns/open'),
    // One key per click, the same on every retry: a retried claim returns the coupon instead of taking a second one.
    claim: (campaignId) => api.post(`/api/campaigns/${encodeURIComponent(campaignId)}/claims`, { channel: 'chat' },
      { retry: { attempts: 4 }, headers: { 'Idempotency-Key': newClientMessageId() } }),
  });
  const closeDialog = setUpCloseDialog({ submit: (rating) => chat.close(rating) });
  byId('close-button').addEventListener('click', () => chat?.hasSession && closeDialog.open());
  byId('restart-button').addEventListener('click', () => chat?.restart());
  byId('lang-button').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    headerTitle(merchantId);
    chat?.relabel();
  });

  async function signInAndStart(demoCustomer) {
    setComposerEnabled(false);
    try {
      identity = await resolveIdentity({ development: !!config.development, demoCustomer });
    } catch (error) {
      toastError(error);
      identity = null;
    }

    if (!identity) {
      notice(config.development ? t('errorTitle') : t('noToken'), 'error');
      return;
    }

    chat = createChat({ api, subject: identity.subject, merchantId, getToken: () => identity?.token });
    setComposerEnabled(true);
    byId('app').dataset.customer = identity.subject ?? '';
    await chat.start();
    byId('app').dataset.ready = 'true';
  }

  if (config.development) {
    const bar = byId('identity-bar');
    const input = byId('customer-input');
    byId('customer-list').replaceChildren(...demoCustomers.map((c) => el('option', { value: c })));
    bar.hidden = false;
    const apply = async () => {
      const subject = input.value.trim() || defaultDemoCustomer;
      delete byId('app').dataset.ready;
      chat?.stop();
      saveSession(null);
      try {
        identity = await devToken(subject);
      } catch (error) {
        toastError(error);
        return;
      }

      chat = createChat({ api, subject, merchantId, getToken: () => identity?.token });
      byId('app').dataset.customer = subject;
      await chat.start();
      byId('app').dataset.ready = 'true';
    };
    byId('customer-apply').addEventListener('click', apply);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        apply();
      }
    });
    await signInAndStart(input.value.trim() || defaultDemoCustomer);
    input.value = identity?.subject ?? input.value;
  } else {
    await signInAndStart(null);
  }
}

main();
