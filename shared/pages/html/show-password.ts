import { createHash } from 'node:crypto';

/**
 * The pages' one script, a progressive enhancement: it reveals the *Show password* boxes (hidden
 * in the HTML, so without JavaScript there is no control that does nothing) and makes each switch
 * its field between hidden and plain text. Allowed by the CSP by its hash, nothing else runs.
 */
export const SHOW_PASSWORD_SCRIPT = [
  'for (const wrap of document.querySelectorAll("[data-show-password]")) {',
  '  const field = document.getElementById(wrap.dataset.showPassword);',
  '  const box = wrap.querySelector("input");',
  '  if (!field || !box) continue;',
  '  box.addEventListener("change", () => { field.type = box.checked ? "text" : "password"; });',
  '  wrap.hidden = false;',
  '}',
].join('\n');

export const SHOW_PASSWORD_SCRIPT_HASH = `sha256-${createHash('sha256').update(SHOW_PASSWORD_SCRIPT, 'utf8').digest('base64')}`;
