// "My orders": the customer's orders in a drawer; a click asks the bot about one.
import { el, byId } from './dom.js';
import { t } from './i18n.js';
import { ordersFrom, toOrderCard } from './format.js';
import { orderCard } from './messages.js';

/** Wires the drawer. load() fetches /api/me/orders; ask(orderId) sends a question about that order. */
export function setUpOrdersPanel({ load, ask }) {
  const panel = byId('orders-panel');
  const button = byId('orders-button');
  const state = byId('orders-state');
  const listNode = byId('orders-list');

  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  async function open() {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    byId('orders-close').focus();
    state.textContent = t('ordersLoading');
    listNode.replaceChildren();
    try {
      const cards = ordersFrom(await load()).map(toOrderCard).filter((c) => c?.orderId);
      state.textContent = cards.length ? '' : t('ordersEmpty');
      listNode.replaceChildren(...cards.map((card) => el('li', {}, orderCard(card,
        el('button', {
          type: 'button',
          class: 'secondary-button',
          onclick: () => {
            close();
            ask(card.orderId);
          },
        }, t('askAboutOrder'))))));
    } catch (error) {
      state.textContent = `${t('ordersFailed')} ${error?.problem?.detail ?? ''}`.trim();
    }
  }

  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  byId('orders-close').addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
}
