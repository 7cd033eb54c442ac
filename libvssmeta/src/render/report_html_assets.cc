// SPDX-License-Identifier: MIT
#include "render/report_html_assets.h"

namespace vssmeta::internal {

std::string_view report_css() {
  return R"css(
:root{--fg:#1b2330;--muted:#5b6472;--line:#d9dee6;--head:#f3f5f8;--ok:#1b7a3a;--okbg:#e6f4ea;--warn:#8a5a00;--warnbg:#fff4d6;--bad:#b3261e;--badbg:#fdeaea;--info:#2457a6;--infobg:#e8f0fc}
*{box-sizing:border-box}
html{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;color:var(--fg);background:#fff}
body{margin:0}
header.page,main,footer.page{max-width:1240px;margin:0 auto;padding:0 24px}
header.page{padding-top:20px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.25rem;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:18px 0 6px}
a{color:var(--info)}
nav.toc{margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px}
nav.toc a{text-decoration:none}
.muted{color:var(--muted)}
.mono,code{font-family:ui-monospace,"Cascadia Mono",Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
td,th,dd,summary,li,p{overflow-wrap:break-word}
.wrap,td.name,td.path{overflow-wrap:anywhere}
td.id,td.nowrap,th{white-space:nowrap}
.verdict{border-left:8px solid var(--muted);background:var(--head);padding:12px 16px;margin:12px 0;border-radius:4px}
.verdict p{margin:4px 0}
.verdict .word{font-size:1.4rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
.v-succeeded{border-color:var(--ok);background:var(--okbg)}.v-succeeded .word{color:var(--ok)}
.v-incomplete{border-color:#d99a00;background:var(--warnbg)}.v-incomplete .word{color:var(--warn)}
.v-failed{border-color:var(--bad);background:var(--badbg)}.v-failed .word{color:var(--bad)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
thead th{background:var(--head);position:sticky;top:0}
td.num,th.num{text-align:right;white-space:nowrap}
th button{all:inherit;cursor:pointer;padding:0}
th button::after{content:" \2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \2191"}
th[aria-sort=descending] button::after{content:" \2193"}
.pill{display:inline-block;padding:0 6px;border-radius:9px;font-size:.85em;white-space:nowrap;border:1px solid currentColor}
.s-error,.bad{color:var(--bad)}.s-warning,.warn{color:var(--warn)}.s-info{color:var(--info)}.ok{color:var(--ok)}
tr.problem td:first-child{box-shadow:inset 4px 0 var(--bad)}
.failure{border:1px solid var(--line);border-left:5px solid var(--bad);border-radius:4px;padding:8px 12px;margin:8px 0}
.failure h3{margin:0 0 4px}
.failure blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid var(--line);white-space:pre-wrap}
details{border:1px solid var(--line);border-radius:4px;margin:8px 0;padding:0 10px}
details>summary{cursor:pointer;padding:6px 0;font-weight:600}
details[open]>summary{border-bottom:1px solid var(--line);margin-bottom:6px}
.graph{overflow:auto;max-height:80vh;margin:6px 0}
.graph svg{max-width:100%;height:auto}
ul.tree{list-style:none;padding-left:1.2em;margin:2px 0}
ul.tree li::before{content:"\2514\2500 ";color:var(--muted)}
.inc-explicit{color:var(--ok);font-weight:600}.inc-implicit{color:var(--ok)}.inc-none{color:var(--muted)}
.filter{display:none;margin:4px 0}
.js .filter{display:block}
.filter input{font:inherit;padding:3px 6px;min-width:18em}
tr.hidden{display:none}
footer.page{margin:32px auto 24px;color:var(--muted);font-size:.9em;border-top:1px solid var(--line);padding-top:8px}
@media print{
html{font-size:10pt}
header.page,main,footer.page{max-width:none;padding:0}
nav.toc,.filter,th button::after{display:none}
thead th{position:static}
thead{display:table-header-group}
tr,.failure,.verdict,figure{break-inside:avoid}
h2,h3{break-after:avoid}
section{break-before:auto}
details{border:0;padding:0}
details>summary{list-style:none}
.graph{max-height:none;overflow:visible}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted)}
}
)css";
}

std::string_view report_js() {
  return R"js(
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(a, b, numeric) {
    if (numeric) return (parseFloat(a) || 0) - (parseFloat(b) || 0);
    return a.localeCompare(b, undefined, {numeric: true, sensitivity: 'base'});
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) {
          h.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.classList.contains('num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var r = compare(key(a.cells[column]), key(b.cells[column]), numeric);
          return ascending ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    if (!table) return;
    input.addEventListener('input', function () {
      var needle = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var hit = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
        row.classList.toggle('hidden', !hit);
      });
    });
  });
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
)js";
}

}  // namespace vssmeta::internal
