// "Coupons": the campaigns running now in a drawer; a click claims a coupon for the signed-in customer.
import { el, byId } from './dom.js';
import { t } from './i18n.js';
import { formatDateTime, formatMoney } from './format.js';
import { describeProblem } from './api.js';

/** Wires the drawer. load() fetches /api/campaigns/open; claim(campaignId) posts a claim and returns the coupon. */
export function setUpCouponsPanel({ load, claim }) {
  const panel = byId('coupons-panel');
  const button = byId('coupons-button');
  const state = byId('coupons-state');
  const listNode = byId('coupons-list');

  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  function item(campaign) {
    const result = el('p', { class: 'coupon-result', role: 'status' });
    const claimButton = el('button', { type: 'button', class: 'secondary-button' }, t('claimCoupon'));
    claimButton.addEventListener('click', async () => {
      claimButton.disabled = true;
      result.textContent = '';
      try {
        const coupon = await claim(campaign.id);
        result.textContent = t('couponClaimed', coupon.couponId, formatMoney(coupon.value), formatDateTime(coupon.expiresAt));
      } catch (error) {
        const { title, detail } = describeProblem(error);
        result.textContent = detail || title || t('couponNotGranted');
        claimButton.disabled = false;
      }
    });
    return el('li', { class: 'coupon-item', 'data-campaign': campaign.id },
      el('div', { class: 'coupon-name' }, campaign.name),
      el('div', { class: 'coupon-offer' },
        t('couponOffer', formatMoney(campaign.value), formatMoney(campaign.minSpend), formatDateTime(campaign.endsAt))),
      claimButton,
      result);
  }

  async function open() {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    byId('coupons-close').focus();
    state.textContent = t('couponsLoading');
    listNode.replaceChildren();
    try {
      const campaigns = (await load()) ?? [];
      state.textContent = campaigns.length ? '' : t('couponsEmpty');
      listNode.replaceChildren(...campaigns.map(item));
    } catch (error) {
      state.textContent = `${t('couponsFailed')} ${error?.problem?.detail ?? ''}`.trim();
    }
  }

  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  byId('coupons-close').addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
}
