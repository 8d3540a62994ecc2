// Ending the chat: 1–5 stars and an optional comment.
import { byId } from './dom.js';
import { t } from './i18n.js';
import { describeProblem } from './api.js';

/** Wires the dialog; submit({satisfaction, comment}) closes the session and rejects with an ApiError on failure. */
export function setUpCloseDialog({ submit }) {
  const dialog = byId('close-dialog');
  const form = byId('close-form');
  const error = byId('close-error');
  const stars = [...form.querySelectorAll('input[name="satisfaction"]')];

  function paint() {
    const value = Number(stars.find((s) => s.checked)?.value ?? 0);
    if (value > 0) {
      error.hidden = true;
    }

    for (const star of stars) {
      form.querySelector(`label[for="${star.id}"]`).classList.toggle('on', Number(star.value) <= value);
    }
  }

  stars.forEach((s) => s.addEventListener('change', paint));
  byId('close-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = stars.find((s) => s.checked);
    if (!picked) {
      error.textContent = t('pickRating');
      error.hidden = false;
      return;
    }

    const button = byId('close-submit');
    button.disabled = true;
    try {
      await submit({ satisfaction: Number(picked.value), comment: byId('close-comment').value.trim() || null });
      dialog.close();
    } catch (failure) {
      const { title, detail } = describeProblem(failure);
      error.textContent = detail || title || t('errorTitle');
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  return {
    open() {
      form.reset();
      error.hidden = true;
      paint();
      dialog.showModal();
      stars[4].focus();
    },
  };
}
