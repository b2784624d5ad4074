import { css } from 'lit';

/**
 * Public tokens are `--aam-*` (documented on the class); short private names keep the shipped
 * CSS small. `--_*` come from the `accent-color` attribute (a per-instance constructed sheet).
 * Light and dark values sit side by side in light-dark(); `theme` only sets color-scheme.
 * Written compactly on purpose: Lit ships this text as is.
 */
// prettier-ignore
export const styles = css`
:host{display:block;container-type:inline-size;line-height:1.45;color-scheme:light}
:host([theme=dark]){color-scheme:dark}
:host([theme=auto]){color-scheme:light dark}
:host([hidden]){display:none}
.w{--a:var(--aam-accent,var(--_a,#1d4ed8));--oa:var(--aam-on-accent,var(--_oa,#fff));
--l:var(--aam-link,light-dark(var(--_l,#1d4ed8),var(--_ld,#8ab4f8)));
--bg:var(--aam-bg,light-dark(#fff,#181a1f));--fg:var(--aam-fg,light-dark(#1b1f24,#e8eaed));
--mu:var(--aam-muted,light-dark(#545b64,#aab1ba));--bd:var(--aam-border,light-dark(#c9ced6,#474d57));
--sf:var(--aam-surface,light-dark(#f3f5f8,#23262d));--ok:var(--aam-ok,light-dark(#17702f,#74d48f));
--ko:var(--aam-ko,light-dark(#b42318,#ff9c91));--wa:var(--aam-warn,light-dark(#7a4f00,#f1c46b));
--r:var(--aam-radius,.5rem);--g:var(--aam-gap,1rem);
background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);padding:var(--g)}
:host([compact]) .w{--g:var(--aam-gap,.75rem);font-size:.94em}
h2,h3,h4{margin:0 0 .5em;line-height:1.25;font-size:1.05em}
h2{font-size:1.1em}
p,ul,table,fieldset{margin:0 0 .6em}
ul{padding-left:1.2em}
a,.h summary{color:var(--l)}
small,.mu,.h,.lg{color:var(--mu);font-size:.875em}
:focus-visible{outline:3px solid var(--l);outline-offset:2px}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tb{display:flex;flex-wrap:wrap;gap:.5em;margin-bottom:var(--g)}
.tb :first-child{margin-right:auto}
button{font:inherit;color:var(--l);background:var(--bg);border:1px solid var(--l);border-radius:var(--r);padding:.3em .75em;cursor:pointer}
.p{background:var(--a);color:var(--oa);border-color:var(--a);font-weight:600}
.lk{border:0;padding:0 .25em;text-decoration:underline;background:none}
th small{white-space:nowrap}
input,select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--mu);border-radius:calc(var(--r)/2);padding:.35em .5em;box-sizing:border-box;width:100%}
input[type=radio]{width:auto;margin:0;accent-color:var(--l)}
input[type=date]{width:auto}
[aria-invalid=true]{border:2px solid var(--ko)}
.er{color:var(--ko);font-weight:600}
@container (max-width:24rem){.w{--g:var(--aam-gap,.6rem)}}
@container (min-width:44rem){:host(:not([compact])) .cols{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:calc(var(--g)*1.5);align-items:start}}
.q,.sm,.sc,.n{background:var(--sf);border-radius:var(--r);padding:var(--g);margin:0 0 var(--g)}
.f{margin-bottom:.9em}
.f>label,legend{display:block;font-weight:600;margin-bottom:.25em;padding:0}
fieldset{border:0;padding:0}
.t{display:flex;flex-wrap:wrap;gap:.4em}
.t label{display:flex;gap:.4em;align-items:center;border:1px solid var(--mu);border-radius:var(--r);padding:.25em .7em .25em .45em;background:var(--bg);cursor:pointer}
.t label:has(:checked){border:2px solid var(--l);font-weight:600}
.h{margin:.15em 0 .5em;text-indent:0}
.h summary,.sc>details>summary{cursor:pointer;width:fit-content}
.sc>details{margin:0 0 .6em}
.h ul{margin:.2em 0 .4em}
.sm ul,.rs{list-style:none;padding:0}
.sm li{display:grid;grid-template-columns:1fr auto;align-items:baseline;padding:.3em 0;border-bottom:1px solid var(--bd)}
.sm li>span{grid-column:1/-1;color:var(--mu);font-size:.875em}
.sm .ed{display:block}
#ad{margin-top:.3em}
.sm>label{display:block;margin-top:.6em;font-size:.875em}
.s{display:inline-block;padding:.05em .6em;border:1px solid;border-radius:1em;font-weight:600}
.eligible .s,.ok>b{color:var(--ok)}
.ineligible .s,.closed .s,.ko>b{color:var(--ko)}
.incomplete .s,.un>b{color:var(--wa)}
.rs li{padding-left:1.4em;text-indent:-1.4em;margin-bottom:.3em}
.rs b{display:inline-block;width:1.4em;text-indent:0}
.e{display:inline-block;margin-left:.3em;padding:0 .45em;border:1px dashed var(--wa);border-radius:1em;color:var(--wa);font-size:.8em;font-weight:600;text-indent:0}
.op{border-top:1px solid var(--bd);padding-top:.75em;margin-top:.75em}
.cb{border:2px solid var(--l)}
.cb h4{margin-top:.8em}
.rs li li{padding:0;text-indent:0;margin:.2em 0}
.rs details{display:inline-block;margin:0}
.op>p strong{font-size:1.15em}
svg{display:block;width:100%;max-width:18rem;margin:.25em 0 .5em}
.ch rect{fill:var(--l);stroke:var(--l)}
.ch .bl{fill-opacity:.3}
.ch text{fill:var(--mu);font-size:9px;text-anchor:middle}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
@container (min-width:24rem){thead th{white-space:nowrap}}
th,td{padding:.3em .4em;border-bottom:1px solid var(--bd);text-align:right;vertical-align:top}
th:first-child{text-align:left}
thead th{font-size:.875em;color:var(--mu)}
.nt{font-size:.9em;border-left:3px solid var(--bd);padding-left:.6em}
.warning,.estimate,.n{border-left:4px solid var(--wa)}
.n{list-style:none}
.n li+li{margin-top:.4em}
.ft{margin:0}
@media (prefers-reduced-motion:no-preference){.h[open] ul,.h[open] p{animation:i .15s ease-out}@keyframes i{from{opacity:0}}}
@media print{.w{border:0;padding:0;color:#000;background:#fff;font-size:9.5pt}.sc>details,.closed,.incomplete .rs,.lk,#ad,.sm>label{display:none!important}.op,.sc{break-inside:avoid}.op{display:inline-block;width:48%;margin-right:2%;vertical-align:top}.tb,.q,.cp,button,.h,.lg,svg{display:none!important}.cols{display:block!important}.sm ul{columns:2;column-gap:2em}.sm li{break-inside:avoid}.sm,.sc{background:none;padding:0}a{color:#000}.ft{font-weight:600}}
`;
