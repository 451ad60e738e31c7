// The built-in HTML layout: one self-contained file (inline CSS and JS, no external asset, a CSP
// that forbids loading any), printable (a page per section), sortable tables, cards on a phone.
#include <string_view>

namespace nd {

std::string_view builtin_html_template() {
    return R"tpl(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="netdossier">
<title>{{site}} — {{title}}</title>
<style>
:root{--ink:#1d2733;--muted:#5c6875;--line:#dfe4ea;--band:#f5f7fa;--accent:#1f4e79;--warn:#b3261e;--warnbg:#fdecea}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
header.cover{background:var(--accent);color:#fff;padding:28px 32px 22px}
header.cover h1{margin:0 0 4px;font-size:26px;font-weight:650;letter-spacing:.2px}
header.cover .kind{text-transform:uppercase;font-size:11px;letter-spacing:1.5px;opacity:.8}
header.cover dl{display:flex;flex-wrap:wrap;gap:6px 28px;margin:14px 0 0;font-size:13px}
header.cover dt{opacity:.75;margin:0}header.cover dd{margin:0;font-weight:600}
nav.toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;display:flex;flex-wrap:wrap;gap:6px 18px}
nav.toc a{color:var(--accent);text-decoration:none;font-weight:600;font-size:13px}
nav.toc a span{color:var(--muted);font-weight:400}
main{padding:8px 32px 40px;max-width:1500px}
section.part{margin-top:26px}
section.part>h2{font-size:21px;margin:0 0 2px;padding-bottom:6px;border-bottom:2px solid var(--accent)}
p.summary{color:var(--muted);margin:6px 0 12px}
h3{font-size:15px;margin:22px 0 8px}h3 .count{color:var(--muted);font-weight:400}
p.none{color:var(--muted);font-style:italic;margin:4px 0 10px}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;vertical-align:top;padding:6px 9px;border-bottom:1px solid var(--line)}
th{background:var(--band);font-weight:600;white-space:nowrap;cursor:pointer;user-select:none;position:relative;padding-right:20px}
th::after{content:"\2195";position:absolute;right:6px;color:#a9b3bd;font-size:11px}
th[aria-sort=ascending]::after{content:"\25B2";color:var(--accent)}
th[aria-sort=descending]::after{content:"\25BC";color:var(--accent)}
tbody tr:nth-child(even){background:#fafbfc}
tbody tr:hover{background:#eef4fb}
td.empty::before{content:"\2014";color:#b5bdc6}
td.alert{background:var(--warnbg);color:var(--warn)}
td .note{display:block;color:var(--muted);font-size:11px}
td.alert .note{color:var(--warn)}
td:first-child{font-weight:600}
figure.topology{margin:10px 0 4px;border:1px solid var(--line);border-radius:6px;padding:10px;overflow-x:auto;background:#fcfdfe}
figure.topology svg{display:block;margin:0 auto;max-width:100%;height:auto}
figure.topology figcaption{color:var(--muted);font-size:12px;margin-top:6px}
ul.changes{padding-left:20px}ul.changes li{margin:3px 0}
footer{color:var(--muted);font-size:12px;padding:16px 32px;border-top:1px solid var(--line)}
@media (max-width:760px){
 header.cover{padding:18px 16px}main{padding:4px 14px 30px}nav.toc{padding:8px 14px}
 header.cover h1{font-size:21px}
 .table-wrap{border:0;overflow:visible}
 table,thead,tbody,tr,td{display:block;width:100%}
 thead{position:absolute;left:-9999px}
 tbody tr{border:1px solid var(--line);border-radius:6px;margin:0 0 10px;padding:4px 0;background:#fff}
 tbody tr:nth-child(even){background:#fff}
 td{border:0;padding:3px 10px 3px 42%;position:relative;min-height:22px}
 td::before{content:attr(data-label);position:absolute;left:10px;width:38%;color:var(--muted);font-weight:400}
 td.empty::before{content:attr(data-label)}
 td.empty::after{content:"\2014";color:#b5bdc6}
}
@media print{
 @page{size:A4 landscape;margin:12mm}
 body{font-size:9.5pt}
 header.cover{background:none;color:var(--ink);border-bottom:2px solid var(--accent);padding:0 0 8px}
 nav.toc,footer .noprint{display:none}
 main{padding:0;max-width:none}
 section.part{break-before:page;margin-top:0}
 section.part:first-of-type{break-before:auto;margin-top:12px}
 .table-wrap{overflow:visible;border:0}
 table{font-size:8pt}
 th{cursor:auto;padding-right:9px}th::after{content:none}
 thead{display:table-header-group}
 tr{break-inside:avoid}
 h3{break-after:avoid}
 figure.topology{break-inside:avoid;border:0}
 td.alert{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
</style>
</head>
<body>
<header class="cover">
<div class="kind">Network dossier</div>
<h1>{{site}}</h1>
<dl>
<div><dt>Generated</dt><dd>{{generated}}</dd></div>
<div><dt>Scan</dt><dd>{{scan}}</dd></div>
{{#has_targets}}<div><dt>Scanned</dt><dd>{{targets}}</dd></div>{{/has_targets}}
<div><dt>Devices</dt><dd>{{device_count}}</dd></div>
</dl>
</header>
<nav class="toc">{{#sections}}<a href="#{{id}}">{{title}} <span>{{summary}}</span></a>{{/sections}}</nav>
<main>
{{#sections}}
<section class="part" id="{{id}}" data-section="{{id}}">
<h2>{{title}}</h2>
<p class="summary">{{summary}}</p>
{{#topology}}
<h3 id="{{id}}-topology">Topology <span class="count">({{nodes}} nodes, {{links}} links)</span></h3>
<figure class="topology">
{{{svg}}}
<figcaption>Links from LLDP/CDP neighbour tables and switch MAC tables (dashed: inferred from a MAC table); endpoints on their switch ports.</figcaption>
</figure>
{{/topology}}
{{#tables}}
<h3 id="{{id}}">{{title}} <span class="count">({{count}})</span></h3>
{{#empty}}<p class="none">None found.</p>{{/empty}}
{{^empty}}
<div class="table-wrap"><table class="sortable" data-table="{{id}}">
<thead><tr>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
<tbody>
{{{rows_html}}}
</tbody>
</table></div>
{{/empty}}
{{/tables}}
{{#is_changes}}
{{#no_changes}}<p class="none">No changes since the previous scan.</p>{{/no_changes}}
<ul class="changes">
{{#changes}}<li>{{.}}</li>
{{/changes}}
</ul>
{{/is_changes}}
</section>
{{/sections}}
</main>
<footer>Generated by netdossier on {{generated}} from scan {{scan}}. <span class="noprint">Click a column header to sort.</span></footer>
<script>
(function(){
  var collator=new Intl.Collator(undefined,{numeric:true,sensitivity:"base"});
  function text(row,i){var c=row.cells[i];return c?c.textContent.trim():"";}
  document.querySelectorAll("table.sortable").forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,i){
      th.tabIndex=0;
      function sort(){
        var asc=th.getAttribute("aria-sort")!=="ascending";
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
        th.setAttribute("aria-sort",asc?"ascending":"descending");
        var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=text(a,i),y=text(b,i);
          if(!x!==!y)return x?-1:1;
          return asc?collator.compare(x,y):collator.compare(y,x);
        });
        rows.forEach(function(r){body.appendChild(r);});
      }
      th.addEventListener("click",sort);
      th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();sort();}});
    });
  });
})();
</script>
</body>
</html>
)tpl";
}

}  // namespace nd
