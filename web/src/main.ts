import mermaid from 'mermaid';
import './style.css';
import { t, type Lang, type Word } from './i18n';
import type { Env, Model, State, Text, WhatIf } from './types';

// One page, one state: /api/state after every server-sent event. Every
// figure shown is read from the state; the page computes none.

const tabs = ['overview', 'cost', 'availability', 'capacity', 'findings', 'decisions', 'compare', 'whatif', 'documents', 'spec', 'audit'] as const;
type Tab = (typeof tabs)[number];

let lang: Lang = 'ko';
let langChosen = false;
let envName = '';
let st: State | null = null;
let connected = false;
let docPath = '';
let renderSeq = 0;

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { useMaxWidth: true } });

type Child = Node | string | number | null | undefined | false;
function h(tag: string, attrs: Record<string, string | undefined> = {}, ...kids: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) el.append(typeof k === 'number' ? String(k) : k);
  return el;
}
const tr = (w: Word, a?: Record<string, string | number>) => t(lang, w, a);
const tx = (x: Text) => (lang === 'ko' ? x.Ko || x.En : x.En || x.Ko);
const num = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const usd = (n: number) => (lang === 'ko' ? num(n, 2) + ' USD' : '$' + num(n, 2));
const pct = (n: number) => num(n, 4) + '%';
const mins = (n: number) => tr('minutes', { n: num(n, 1) });
const delta = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±') + num(Math.abs(n), 2);

function currentTab(): Tab {
  const x = location.hash.replace(/^#\/?/, '').split('/')[0] as Tab;
  return tabs.includes(x) ? x : 'overview';
}
function env(m: Model): Env {
  return m.environments.find((e) => e.name === envName) ?? m.environments[m.environments.length - 1];
}
function table(head: string[], rows: Child[][], cls = ''): HTMLElement {
  return h('div', { class: 'scroll' }, h('table', { class: cls }, h('thead', {}, h('tr', {}, head.map((x) => h('th', {}, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
}

// Mermaid's SVG for a source, kept while the source is unchanged, so a
// save that does not touch a diagram does not draw it again.
const svgCache = new Map<string, string>();
async function drawMermaid(src: string): Promise<string> {
  const hit = svgCache.get(src);
  if (hit) return hit;
  const { svg } = await mermaid.render('mmd' + ++renderSeq, src);
  if (svgCache.size > 16) svgCache.clear();
  svgCache.set(src, svg);
  return svg;
}

// Diagrams not yet drawn for the state on screen: the page repaints its
// figures at once and draws these after, the previous drawing of each
// staying in place (marked stale) meanwhile.
let pending: { box: HTMLElement; source: string }[] = [];

function overviewCards(e: Env): HTMLElement {
  // The services' replicas, not the components' own pods (dev's database).
  const wl = (e.capacity.workloads ?? []).filter((w) => !w.backing);
  const rmin = wl.reduce((a, w) => a + w.replicas_min, 0);
  const rmax = wl.reduce((a, w) => a + w.replicas_max, 0);
  return h('div', { class: 'cards' },
    h('div', { class: 'card' }, h('span', {}, tr('monthly')), h('b', { 'data-testid': 'overview-cost' }, usd(e.cost.total_min_usd) + ' – ' + usd(e.cost.total_max_usd))),
    h('div', { class: 'card' }, h('span', {}, tr('composite')), h('b', {}, pct(e.availability.composite_percent) + (e.availability.upper_bound ? ' ≤' : ''))),
    h('div', { class: 'card' }, h('span', {}, tr('nodes')), h('b', {}, e.capacity.nodes_min + ' – ' + e.capacity.nodes_max)),
    h('div', { class: 'card' }, h('span', {}, tr('replicas')), h('b', {}, rmin + ' – ' + rmax)));
}

// The source each diagram box shows (or is about to).
const shown = new WeakMap<HTMLElement, string>();

function setDiagram(box: HTMLElement, source: string) {
  const prev = shown.get(box);
  if (prev === source) return;
  shown.set(box, source);
  const hit = svgCache.get(source);
  if (hit) {
    box.innerHTML = hit;
    box.classList.remove('stale');
  } else if (prev !== undefined && !box.classList.contains('stale') && patchLabels(box, prev, source)) {
    relayoutLater(box, source);
  } else {
    box.classList.add('stale');
    pending.push({ box, source });
  }
}

// A save that changes only figures (replicas, node counts, users) keeps
// every node and edge of a diagram and changes some labels. Mermaid's
// layout of a large diagram takes the main thread for about a second, so
// such a save rewrites the changed labels in the SVG on screen instead,
// and the diagram is laid out again once the page has been idle a while
// (a label that grew a character may overflow its box until then).
const quoted = /"([^"]*)"/g;
function patchLabels(box: HTMLElement, prev: string, next: string): boolean {
  if (prev.replace(quoted, '""') !== next.replace(quoted, '""')) return false;
  const a = Array.from(prev.matchAll(quoted), (m) => m[1]);
  const b = Array.from(next.matchAll(quoted), (m) => m[1]);
  const lines = (l: string) => l.split(/<br\s*\/?>/i);
  const spans = new Map<string, HTMLElement[]>();
  for (const el of Array.from(box.querySelectorAll<HTMLElement>('foreignObject span'))) {
    const t = el.textContent ?? '';
    spans.set(t, [...(spans.get(t) ?? []), el]);
  }
  const edits: [HTMLElement, string[]][] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    // Entity codes and markup would render differently from their text.
    if (/[#<>&]/.test(a[i].replace(/<br\s*\/?>/gi, '') + b[i].replace(/<br\s*\/?>/gi, ''))) return false;
    const els = spans.get(lines(a[i]).join('')) ?? [];
    if (els.length !== 1) return false;
    edits.push([els[0], lines(b[i])]);
  }
  for (const [el, ls] of edits) {
    const target = el.querySelector('p') ?? el;
    target.replaceChildren(...ls.flatMap((l, i) => (i ? [document.createElement('br'), l] : [l])));
  }
  return true;
}

let relayoutTimer = 0;
const relayouts = new Map<HTMLElement, string>();
function relayoutLater(box: HTMLElement, source: string) {
  relayouts.set(box, source);
  clearTimeout(relayoutTimer);
  relayoutTimer = window.setTimeout(async () => {
    const work = Array.from(relayouts);
    relayouts.clear();
    for (const [bx, src] of work) {
      if (shown.get(bx) !== src || !bx.isConnected) continue;
      // A drawing is still to come: try again once the page is idle.
      if (pending.length) {
        relayoutLater(bx, src);
        continue;
      }
      try {
        const svg = await drawMermaid(src);
        if (shown.get(bx) === src && !bx.classList.contains('stale')) bx.innerHTML = svg;
      } catch {
        // The relabelled drawing stays; the next save draws again.
      }
    }
  }, 1500);
}

function overview(m: Model, e: Env): HTMLElement {
  const figs: HTMLElement[] = [];
  for (const d of e.diagrams ?? []) {
    const box = h('div', { class: 'diagram', 'data-kind': d.kind, 'data-testid': 'diagram-' + d.kind });
    setDiagram(box, d.source);
    figs.push(h('figure', {}, h('figcaption', {}, tr(d.kind) + ' — ' + d.path.split('/').pop()), box));
  }
  return h('div', { 'data-view': `overview:${e.name}:${lang}` }, h('h2', {}, tx(m.title) + ' · ' + e.name), overviewCards(e), h('div', { class: 'diagrams' }, figs));
}

// updateOverview repaints the main page in place after a save: new
// cards, and only the diagrams whose source changed marked for drawing.
// Rebuilding the page would make the browser lay out both large SVGs
// again, which costs more than everything else a save repaints.
function updateOverview(view: HTMLElement, m: Model, e: Env): boolean {
  const boxes = Array.from(view.querySelectorAll<HTMLElement>('.diagram'));
  const ds = e.diagrams ?? [];
  if (boxes.length !== ds.length || ds.some((d, i) => boxes[i].dataset.kind !== d.kind)) return false;
  view.querySelector('h2')!.textContent = tx(m.title) + ' · ' + e.name;
  view.querySelector('.cards')!.replaceWith(overviewCards(e));
  ds.forEach((d, i) => setDiagram(boxes[i], d.source));
  return true;
}

async function drawPending(): Promise<boolean> {
  const work = pending;
  pending = [];
  const gen = st?.version;
  for (const p of work) {
    // A newer state arrived: its own paint draws its diagrams.
    if (st?.version !== gen) return false;
    try {
      p.box.innerHTML = await drawMermaid(p.source);
    } catch (err) {
      p.box.replaceChildren(h('pre', { class: 'err' }, String(err)));
    }
    p.box.classList.remove('stale');
  }
  return true;
}

function costView(e: Env): HTMLElement {
  const c = e.cost;
  const max = Math.max(...c.components.map((r) => r.monthly_max_usd), 1);
  const nm = (n: string) => (lang === 'ko' ? e.cost_names_ko[n] ?? n : n);
  const rows = [...c.components].sort((a, b) => b.monthly_max_usd - a.monthly_max_usd);
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': tr('cost') },
    rows.map((r) => h('div', { class: 'bar-row' }, h('span', { class: 'bar-label' }, nm(r.name)),
      h('span', { class: 'bar' },
        h('span', { class: 'bar-max', style: `width:${(100 * r.monthly_max_usd) / max}%` }),
        h('span', { class: 'bar-min', style: `width:${(100 * r.monthly_min_usd) / max}%` })),
      h('span', { class: 'bar-val' }, usd(r.monthly_min_usd) + (r.monthly_max_usd !== r.monthly_min_usd ? ' – ' + usd(r.monthly_max_usd) : '')))));
  const body = c.components.map((r) => [nm(r.name), r.sku, r.quantity === r.quantity_max ? num(r.quantity, 2) : num(r.quantity, 2) + '–' + num(r.quantity_max, 2),
    h('span', { class: 'n' }, num(r.monthly_min_usd, 2)), h('span', { class: 'n' }, num(r.monthly_max_usd, 2)), r.priced_region, r.price_basis + (r.estimate ? ' (' + tr('estimate') + ')' : '')]);
  body.push([h('b', {}, tr('total')), '', '', h('b', { class: 'n', 'data-testid': 'cost-total-min' }, num(c.total_min_usd, 2)), h('b', { class: 'n', 'data-testid': 'cost-total-max' }, num(c.total_max_usd, 2)), '', '']);
  const budget = c.budget_usd > 0 ? h('p', { class: c.over_budget ? 'bad' : 'good' }, tr('budget') + ' ' + usd(c.budget_usd) + ': ' + tr(c.over_budget ? 'overBudget' : 'withinBudget')) : null;
  return h('div', {}, h('h2', {}, tr('cost') + ' · ' + e.name), chart,
    table([tr('component'), tr('sku'), tr('qty'), tr('minUSD'), tr('maxUSD'), tr('pricedIn'), tr('basis')], body, 'cost'), budget,
    h('p', { class: 'note' }, tr('pricesFrom', { o: c.prices_origin, d: c.prices_date })));
}

function availView(e: Env): HTMLElement {
  const a = e.availability;
  const weak = new Set((a.weakest ?? []).map((l) => l.name));
  const nm = (n: string) => (lang === 'ko' ? e.availability_names_ko[n] ?? n : n);
  // As physarch sla says it: met, missed by so many points, or not
  // confirmable because some link has no SLA.
  const verdict = a.meets_target ? tr('meets') : (a.short_by_points ?? 0) > 0 ? tr('misses', { p: num(a.short_by_points ?? 0, 4) })
    : tr('unconfirmed', { n: (a.no_sla ?? []).map(nm).join(', ') });
  const routes = a.routes.map((r) => [r.route, r.service,
    h('span', {}, r.components.map((c, i) => [i ? ' → ' : '', weak.has(c) ? h('mark', { class: 'weak' }, nm(c)) : nm(c)]).flat()),
    pct(r.composite_percent) + (r.upper_bound ? ' ≤' : ''), mins(r.downtime_minutes_per_month)]);
  routes.push([h('b', {}, tr('whole')), '', '', h('b', { 'data-testid': 'avail-composite' }, pct(a.composite_percent)), mins(a.downtime_minutes_per_month)]);
  const comps = a.components.map((c) => [weak.has(c.name) ? h('mark', { class: 'weak' }, nm(c.name)) : nm(c.name), c.configuration, c.no_sla ? tr('noSLA') : c.sla_percent + '%', h('small', {}, c.source)]);
  return h('div', {}, h('h2', {}, tr('availability') + ' · ' + e.name),
    h('p', { class: a.meets_target ? 'good' : 'bad' }, tr('target', { t: a.target_percent }) + ': ' + verdict + (a.upper_bound ? ' (' + tr('upperBound') + ')' : '')),
    table([tr('route'), tr('service'), tr('path'), tr('composite'), tr('downtime')], routes),
    h('h3', {}, tr('weakest')),
    table([tr('component'), tr('sla'), tr('downtime'), tr('ifPerfect')], (a.weakest ?? []).map((l) => [h('mark', { class: 'weak' }, nm(l.name)), l.sla_percent + '%', mins(l.downtime_minutes_per_month), pct(l.composite_if_perfect_percent)])),
    h('h3', {}, tr('component')), table([tr('component'), tr('kind'), tr('sla'), ''], comps));
}

function capacityView(e: Env): HTMLElement {
  const c = e.capacity;
  return h('div', {}, h('h2', {}, tr('capacity') + ' · ' + e.name),
    h('h3', {}, tr('workloads')),
    table([tr('name'), tr('kind'), tr('pool'), tr('request'), tr('peakRPS'), tr('needed'), tr('minMax')],
      (c.workloads ?? []).map((w) => [w.name, w.kind, w.pool, w.cpu_request + ' / ' + w.memory_request, num(w.peak_rps, 2), w.replicas_needed, w.replicas_min + '–' + w.replicas_max])),
    h('h3', {}, tr('pools') + ` (${tr('nodes')} ${c.nodes_min}–${c.nodes_max})`),
    table([tr('name'), tr('mode'), tr('vm'), 'vCPU / GiB', tr('nodes'), tr('zones')],
      (c.pools ?? []).map((p) => [p.name + (p.spot ? ' (Spot)' : ''), p.mode, p.vm_size, p.vcpu + ' / ' + p.memory_gib, p.nodes_min + '–' + p.nodes_max, (p.zones ?? []).join(', ')])),
    h('h3', {}, tr('subnets') + ' · ' + c.vnet),
    table([tr('name'), tr('role'), tr('cidr'), tr('required'), tr('usable')], (c.subnets ?? []).map((s) => [s.name, s.role, s.cidr, num(s.required), num(s.usable)])));
}

function specLink(file: string | undefined, line: number | undefined, col: number | undefined): Child {
  if (!line) return file ?? '';
  return h('a', { href: `#spec/${line}`, class: 'pos' }, `${file}:${line}:${col ?? 1}`);
}

function findingsView(m: Model): HTMLElement {
  const fs = (m.findings ?? []).filter((f) => !f.environment || f.environment === envName);
  if (!fs.length) return h('div', {}, h('h2', {}, tr('findings')), h('p', {}, tr('noFindings')));
  return h('div', {}, h('h2', {}, tr('findings') + ' · ' + envName + ` (${fs.length})`),
    lang === 'ko' ? h('p', { class: 'note' }, tr('findingsEnglish')) : null,
    table([tr('severity'), tr('rule'), tr('where'), tr('message'), tr('fix')],
      fs.map((f) => [h('span', { class: 'sev ' + f.severity }, f.severity + (f.suppressed ? ' · ' + tr('suppressed') : '')), h('span', { title: f.title }, f.rule), specLink(f.file, f.line, f.column), h('span', {}, h('b', {}, f.title), ': ' + f.message), h('small', {}, f.fix)]), 'findings'));
}

function decisionsView(e: Env): HTMLElement {
  const ds = e.decisions ?? [];
  return h('div', {}, h('h2', {}, tr('decisions') + ' · ' + e.name),
    ds.map((d) => h('section', { class: 'decision' }, h('h3', {}, tx(d.topic) + ': ', h('span', { class: 'chosen' }, tx(d.choice))), h('p', {}, tx(d.reason)),
      table([tr('alternative'), tr('monthly'), tr('delta'), tr('composite'), tr('nodes')],
        (d.alternatives ?? []).map((a) => a.refused ? [tx(a.choice), h('i', {}, tr('refused') + ': ' + a.refused), '', '', '']
          : [h('span', {}, tx(a.choice), tx(a.note) ? h('small', { class: 'block' }, tx(a.note)) : null), usd(a.CostMin) + ' – ' + usd(a.CostMax), delta(a.delta_min_usd) + ' / ' + delta(a.delta_max_usd),
            pct(a.Availability) + (a.UpperBound ? ' ≤' : ''), a.NodesMin + '–' + a.NodesMax])))));
}

function compareView(m: Model): HTMLElement {
  const es = m.environments;
  const row = (label: string, f: (e: Env) => Child): Child[] => [h('b', {}, label), ...es.map(f)];
  const rows: Child[][] = [
    row(tr('profile'), (e) => e.profile), row(tr('zones'), (e) => (e.zones ?? []).join(', ') || '—'), row(tr('users'), (e) => num(e.users)), row(tr('peakRPS'), (e) => num(e.peak_rps, 2)),
    row(tr('monthly'), (e) => usd(e.cost.total_min_usd) + ' – ' + usd(e.cost.total_max_usd)), row(tr('composite'), (e) => pct(e.availability.composite_percent)),
    row(tr('nodes'), (e) => e.capacity.nodes_min + '–' + e.capacity.nodes_max),
  ];
  for (const w of es[0].capacity.workloads ?? []) {
    rows.push(row(w.name, (e) => { const x = (e.capacity.workloads ?? []).find((y) => y.name === w.name); return x ? x.replicas_min + '–' + x.replicas_max : '—'; }));
  }
  const ids = [...new Set(es.flatMap((e) => (e.decisions ?? []).map((d) => d.id)))];
  for (const id of ids) {
    const first = es.flatMap((e) => e.decisions ?? []).find((d) => d.id === id)!;
    rows.push(row(tx(first.topic), (e) => { const d = (e.decisions ?? []).find((x) => x.id === id); return d ? tx(d.choice) : '—'; }));
  }
  return h('div', {}, h('h2', {}, tr('compare')), table(['', ...es.map((e) => e.name)], rows, 'compare'));
}

let whatIfTimer = 0;
function whatIfView(e: Env): HTMLElement {
  const out = h('div', { class: 'whatif-out', 'data-testid': 'whatif-out' });
  const n = h('input', { type: 'number', min: '1', max: '10000000', value: String(e.users), 'aria-label': tr('peakUsers') }) as HTMLInputElement;
  const s = h('input', { type: 'range', min: '0', max: '1000', value: String(toSlider(e.users)), 'aria-label': tr('peakUsers') }) as HTMLInputElement;
  const ask = (users: number) => {
    clearTimeout(whatIfTimer);
    whatIfTimer = window.setTimeout(async () => {
      const r = await fetch(`api/whatif?env=${encodeURIComponent(e.name)}&users=${users}`);
      const w: WhatIf | { error: string } = await r.json();
      out.replaceChildren(whatIfTable(w));
    }, 120);
  };
  s.addEventListener('input', () => { n.value = String(fromSlider(+s.value)); ask(+n.value); });
  n.addEventListener('change', () => { s.value = String(toSlider(+n.value)); ask(+n.value); });
  ask(e.users);
  return h('div', {}, h('h2', {}, tr('whatif') + ' · ' + e.name), h('p', { class: 'note' }, tr('whatifNote')),
    h('label', { class: 'slider' }, tr('peakUsers') + ' ', s, n), out);
}
// The slider is logarithmic from 100 to 1,000,000 users.
const toSlider = (u: number) => Math.round((Math.log10(Math.max(100, Math.min(u, 1e6))) - 2) * 250);
const fromSlider = (v: number) => { const u = Math.pow(10, 2 + v / 250); return Math.round(u / (u < 1000 ? 10 : 100)) * (u < 1000 ? 10 : 100); };

function whatIfTable(w: WhatIf | { error: string }): HTMLElement {
  if ('error' in w) return h('p', { class: 'bad' }, w.error);
  if (w.refused) return h('p', { class: 'bad' }, tr('refused') + ': ' + w.refused);
  const b = w.before, a = w.after;
  return table(['', tr('before'), tr('after') + ` (${num(w.users)})`], [
    [tr('monthly'), usd(b.CostMin) + ' – ' + usd(b.CostMax), h('b', { 'data-testid': 'whatif-cost' }, usd(a.CostMin) + ' – ' + usd(a.CostMax))],
    [tr('nodes'), b.NodesMin + '–' + b.NodesMax, h('b', {}, a.NodesMin + '–' + a.NodesMax)],
    [tr('replicas'), w.replicas_before[0] + '–' + w.replicas_before[1], h('b', {}, w.replicas_after[0] + '–' + w.replicas_after[1])],
    [tr('composite'), pct(b.Availability), h('b', {}, pct(a.Availability))],
  ]);
}

async function documentsView(m: Model): Promise<HTMLElement> {
  const docs = m.documents ?? [];
  if (!docs.some((d) => d.path === docPath)) docPath = docs.find((d) => d.path.endsWith('-' + envName + '.md'))?.path ?? docs[0]?.path ?? '';
  const pick = h('div', { class: 'doclist' }, docs.map((d) => {
    const b = h('button', { type: 'button', class: d.path === docPath ? 'on' : '' }, d.title);
    b.addEventListener('click', () => { docPath = d.path; void paint(); });
    return b;
  }));
  const body = h('article', { class: 'doc', 'data-testid': 'document' });
  if (docPath) {
    const r = await fetch(`api/doc?lang=${lang}&path=${encodeURIComponent(docPath)}`);
    const j = await r.json();
    // goldmark's HTML of a generated document, raw HTML not passed through.
    body.innerHTML = j.html ?? '';
    if (j.error) body.textContent = j.error;
    // A link to another document of the package opens it here; links to
    // files the page does not show (diagrams, other folders) do nothing.
    body.addEventListener('click', (ev) => {
      const a = (ev.target as HTMLElement).closest('a');
      const href = a?.getAttribute('href') ?? '';
      if (!a || /^[a-z]+:/i.test(href) || href.startsWith('#')) return;
      ev.preventDefault();
      const to = docs.find((d) => d.title === href.split('#')[0].split('/').pop());
      if (to) { docPath = to.path; void paint(); }
    });
  }
  return h('div', {}, h('h2', {}, tr('documents')), pick, body);
}

function specView(text: string, marks: Map<number, string>): HTMLElement {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return h('div', {}, h('h2', {}, tr('spec')), h('pre', { class: 'spec' }, lines.map((l, i) =>
    h('span', { id: 'L' + (i + 1), class: 'line' + (marks.has(i + 1) ? ' marked ' + marks.get(i + 1) : ''), title: marks.get(i + 1) ? undefined : undefined },
      h('span', { class: 'ln' }, i + 1), l + '\n'))));
}

function auditView(m: Model): HTMLElement {
  const a = m.audit!;
  const fs = a.findings ?? [];
  return h('div', {}, h('h2', {}, tr('audit')), a.error ? h('p', { class: 'bad' }, a.error) : null, h('p', {}, tr('auditFiles', { n: (a.files ?? []).length })),
    fs.length ? table([tr('severity'), tr('rule'), tr('message'), tr('quote')], fs.map((f) => [h('span', { class: 'sev ' + f.severity }, f.severity), f.id,
      h('span', {}, h('b', {}, f.title), ': ' + f.message), h('small', {}, (f.quotes ?? []).map((q) => h('span', { class: 'block' }, `${q.file.split('/').pop()}:${q.line}: ${q.text}`)))]), 'findings') : h('p', {}, tr('noFindings')));
}

function header(m: Model | null) {
  document.documentElement.lang = lang;
  document.getElementById('title')!.textContent = m ? tx(m.title) + ' — physarch' : 'physarch';
  const status = document.getElementById('status')!;
  const broken = (st?.errors.length ?? 0) > 0;
  status.textContent = !connected ? tr('offline') : broken ? tr('broken') : tr('live') + ' · ' + tr('version', { v: st?.version ?? 0 });
  status.className = 'status ' + (!connected ? 'off' : broken ? 'bad' : 'ok');
  const envs = document.getElementById('envs')!;
  envs.replaceChildren(...(m?.environments ?? []).map((e) => {
    const b = h('button', { type: 'button', role: 'tab', 'aria-selected': String(e.name === envName), class: e.name === envName ? 'on' : '' }, e.name);
    b.addEventListener('click', () => { envName = e.name; void paint(); });
    return b;
  }));
  document.getElementById('lang')!.textContent = tr('otherLang');
  const zip = document.getElementById('zip') as HTMLAnchorElement;
  zip.textContent = tr('download');
  zip.href = 'download.zip?lang=' + lang;
  const tab = currentTab();
  document.getElementById('tabs')!.replaceChildren(...tabs.filter((x) => x !== 'audit' || m?.audit).map((x) =>
    h('a', { href: '#' + x, class: x === tab ? 'on' : '', 'aria-current': x === tab ? 'page' : undefined }, tr(x))));
}

function errorBanner() {
  const box = document.getElementById('errors')!;
  const errs = st?.errors ?? [];
  box.hidden = errs.length === 0;
  box.replaceChildren(...(errs.length ? [h('p', {}, st?.model ? tr('errorsTitle', { v: st.good_version }) : tr('noGood')),
    h('ul', {}, errs.map((e) => h('li', { 'data-testid': 'spec-error' }, specLink(e.file, e.line, e.column), e.line ? ': ' : '', e.message, e.hint ? h('small', { class: 'block' }, e.hint) : null)))] : []));
}

const updating = () => h('p', { class: 'note', 'data-testid': 'updating' }, tr('updating'));

let painting: Promise<void> = Promise.resolve();
// paint draws the current tab from the state; paints run one after the
// other, and the body's data-version says which state is on screen (the
// end-to-end test times a save by it).
function paint(): Promise<void> {
  painting = painting.then(paintNow, paintNow);
  return painting;
}
async function paintNow() {
  const t0 = performance.now();
  const s = st;
  const m = s?.model ?? null;
  if (m && !m.environments.some((e) => e.name === envName)) envName = m.environments[m.environments.length - 1].name;
  header(m);
  errorBanner();
  const tab = currentTab();
  const main = document.getElementById('view')!;
  let view: HTMLElement;
  if (tab === 'spec' && s) {
    const marks = new Map<number, string>();
    for (const f of m?.findings ?? []) if (f.line && (!f.environment || f.environment === envName)) marks.set(f.line, 'finding');
    for (const e of s.errors) if (e.line) marks.set(e.line, 'error');
    view = specView(s.errors.length ? s.spec_now : m?.spec ?? s.spec_now, marks);
  } else if (!m) {
    view = h('p', {}, tr('noGood'));
  } else {
    const e = env(m);
    switch (tab) {
      case 'cost': view = costView(e); break;
      case 'availability': view = availView(e); break;
      case 'capacity': view = capacityView(e); break;
      case 'findings': view = findingsView(m); break;
      case 'decisions': view = m.complete ? decisionsView(e) : updating(); break;
      case 'compare': view = compareView(m); break;
      case 'whatif': view = whatIfView(e); break;
      case 'documents': view = m.complete ? await documentsView(m) : updating(); break;
      case 'audit': view = m.audit ? auditView(m) : h('p', {}, '—'); break;
      default: {
        const cur = main.firstElementChild as HTMLElement | null;
        view = cur?.dataset.view === `overview:${e.name}:${lang}` && updateOverview(cur, m, e) ? cur : overview(m, e);
      }
    }
  }
  if (main.firstElementChild !== view) main.replaceChildren(view);
  pending = pending.filter((p) => view.contains(p.box));
  const line = location.hash.match(/^#spec\/(\d+)/);
  if (line) document.getElementById('L' + line[1])?.scrollIntoView({ block: 'center' });
  // The body says which state is on screen: data-spec once its figures
  // are, data-drawn once its diagrams are too (the end-to-end test times
  // a save by both).
  const b = document.body.dataset;
  b.version = String(s?.version ?? 0);
  // From the event to the first paint of a spec, for the timing note.
  if (b.spec !== (m?.spec_sha256 ?? '')) b.eventToPaintMs = String(Math.round(performance.now() - eventAt));
  b.spec = m?.spec_sha256 ?? '';
  b.complete = String(m?.complete ?? false);
  b.paintMs = String(Math.round(performance.now() - t0));
  b.buildMs = String(m?.build_ms ?? 0);
  // Let the browser paint the new figures (and the dimmed diagrams)
  // before Mermaid takes the main thread for the drawings.
  if (pending.length) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  if (await drawPending()) {
    b.drawn = m?.spec_sha256 ?? '';
    b.drawMs = String(Math.round(performance.now() - t0));
  }
  document.body.dataset.tab = tab;
  document.body.dataset.lang = lang;
}

let eventAt = 0;
let source: EventSource | null = null;

// connect opens the event stream in the page's language: every event
// carries the whole state, so a save costs no further request.
function connect() {
  source?.close();
  const es = new EventSource('api/events' + (langChosen ? '?lang=' + lang : ''));
  source = es;
  es.addEventListener('state', (ev) => {
    eventAt = performance.now();
    connected = true;
    const s: State = JSON.parse((ev as MessageEvent).data);
    if (!langChosen && s.model) lang = s.model.lang;
    if (st && s.version < st.version && s.model?.lang === st.model?.lang) return;
    st = s;
    void paint();
  });
  es.addEventListener('error', () => { connected = false; header(st?.model ?? null); });
}

document.getElementById('lang')!.addEventListener('click', () => { lang = lang === 'ko' ? 'en' : 'ko'; langChosen = true; connect(); });
window.addEventListener('hashchange', () => void paint());
connect();
