/**
 * The pages' only stylesheet, inlined as one <style> element and allowed by its hash in the CSP
 * (no style attributes, no external sheets). Phone first: one column, nothing wider than the
 * screen at 320 px. Contrast on white (WCAG AA): text #1f2937 14.7:1, hints #4b5563 7.6:1,
 * links and button #1d4ed8 6.7:1, errors #b91c1c 6.5:1, input borders #4b5563 7.6:1.
 */
export const PAGE_CSS = [
  '*,*::before,*::after{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1f2937;background:#fff}',
  'header{background:#111827;color:#fff;padding:.75rem 1rem}',
  '.brand{max-width:36rem;margin:0 auto;font-weight:700;font-size:1.25rem}',
  '.languages ul{list-style:none;max-width:36rem;margin:.5rem auto 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}',
  '.languages a{color:#fff;display:inline-block;padding:.25rem 0}',
  '.languages a[aria-current]{font-weight:700;text-decoration:none}',
  'main{display:block;max-width:36rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}',
  'h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .75rem}',
  'p{margin:0 0 1rem}',
  'a{color:#1d4ed8;text-decoration:underline;text-underline-offset:.15em;overflow-wrap:anywhere}',
  'a:hover{text-decoration-thickness:3px}',
  // Focus must be visible on every control, also in forced-colors mode (outlines survive it).
  ':focus-visible{outline:3px solid #111827;outline-offset:3px}',
  'dl{margin:0 0 1rem}',
  'dt{font-weight:700}',
  'dd{margin:0 0 .75rem;overflow-wrap:anywhere}',
  '.field{margin:0 0 1.5rem}',
  'label{display:block;font-weight:700;margin:0 0 .25rem}',
  '.hint{color:#4b5563;margin:0 0 .5rem}',
  '.error-message{color:#b91c1c;font-weight:700;margin:0 0 .5rem}',
  'input[type=text],input[type=password]{display:block;width:100%;max-width:24rem;min-height:2.75rem;font:inherit;padding:.5rem;color:#1f2937;background:#fff;border:2px solid #4b5563;border-radius:0}',
  'input[aria-invalid=true]{border-color:#b91c1c;border-width:3px}',
  '.checkbox{display:flex;gap:.75rem;align-items:flex-start}',
  '.checkbox input{flex:none;width:1.75rem;height:1.75rem;margin:0;accent-color:#1d4ed8}',
  '.checkbox label{font-weight:400;margin:0;padding-top:.1rem}',
  'button,.button{display:inline-block;min-height:2.75rem;font:inherit;font-weight:700;line-height:1.25;color:#fff;background:#1d4ed8;border:2px solid #1d4ed8;border-radius:4px;padding:.625rem 1.25rem;text-decoration:none;cursor:pointer}',
  'button:hover,.button:hover{background:#1e3a8a;border-color:#1e3a8a}',
  '.button:visited{color:#fff}',
  '.error-summary{border:4px solid #b91c1c;padding:1rem;margin:0 0 1.5rem}',
  '.error-summary h2{margin:0 0 .5rem}',
  '.error-summary ul{margin:0;padding-left:1.25rem}',
  '.error-summary a{color:#b91c1c;font-weight:700}',
  '.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);border:0;white-space:nowrap}',
].join('\n');
