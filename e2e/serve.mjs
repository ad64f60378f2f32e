// End-to-end test of physarch serve in a real Chromium, driven by
// playwright-core (TestServeE2E in internal/serve runs it; see there).
// Input, from the environment:
//   PHYSARCH_URL         the running server's page
//   PHYSARCH_SPEC        the spec file the server watches (a copy: edited here)
//   PHYSARCH_BIN         the physarch binary, for `physarch cost --format json`
//   PHYSARCH_SERVICES    the services' names, comma-separated
//   PHYSARCH_OUT         where the screenshots go
//   PHYSARCH_PLAYWRIGHT_DIR, PHYSARCH_CHROMIUM
// Prints one JSON line with the measurements; exits 1 on the first failure.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const base = env('PHYSARCH_URL'), specPath = env('PHYSARCH_SPEC'), bin = env('PHYSARCH_BIN'), out = env('PHYSARCH_OUT');
const services = env('PHYSARCH_SERVICES').split(',');
const { chromium } = await import(path.join(env('PHYSARCH_PLAYWRIGHT_DIR'), 'playwright-core', 'index.mjs'));

const fail = (msg) => { console.error('e2e: ' + msg); process.exit(1); };
const check = (ok, msg) => { if (!ok) fail(msg); };
const money = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cliCost = () => JSON.parse(execFileSync(bin, ['cost', specPath, '--format', 'json'], { encoding: 'utf8' }));

const browser = await chromium.launch({
  executablePath: env('PHYSARCH_CHROMIUM'), headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
// No request may leave the machine: every one goes to the server itself.
page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push('request outside the server: ' + r.url()); });

const sha = (text) => createHash('sha256').update(text).digest('hex');
// save writes the spec and waits until the page shows that very file
// (its SHA-256): its figures (the first time returned), then its diagrams
// drawn (the second), complete (decisions and documents too) when asked.
async function save(text, complete = false) {
  const want = sha(text);
  const t0 = performance.now();
  writeFileSync(specPath, text);
  await page.waitForFunction(([w, c]) => document.body.dataset.spec === w && (!c || document.body.dataset.complete === 'true'), [want, complete], { timeout: 30000, polling: 'raf' });
  const t1 = performance.now();
  await page.waitForFunction((w) => document.body.dataset.drawn === w, want, { timeout: 30000, polling: 'raf' });
  return [t1 - t0, performance.now() - t0];
}
async function tab(name) {
  await page.evaluate((n) => { location.hash = n; }, name);
  await page.waitForFunction((n) => document.body.dataset.tab === n, name);
}
async function shot(name) { await page.screenshot({ path: path.join(out, name + '.png'), fullPage: false }); }

await page.goto(base);
await page.waitForFunction(() => Number(document.body.dataset.version || 0) >= 1 && document.querySelector('[data-testid=diagram-network] svg'), null, { timeout: 60000 });

// Overview: both diagrams drawn as SVG, every service named in the physical one.
const physical = await page.textContent('[data-testid=diagram-physical] svg');
for (const s of services) check(physical.includes(s), `the physical diagram's SVG does not name ${s}`);
const net = await page.$$eval('[data-testid=diagram-network] svg g.node', (n) => n.length);
check(net > 3, `the network diagram has ${net} nodes`);
await shot('overview');

// Cost: the page's total is physarch cost --format json's, environment by environment.
const cost0 = cliCost();
for (const rep of cost0) {
  await page.click(`#envs button:text-is("${rep.environment}")`);
  await tab('cost');
  await page.waitForFunction((e) => document.querySelector('#envs button.on')?.textContent === e, rep.environment);
  const min = await page.textContent('[data-testid=cost-total-min]'), max = await page.textContent('[data-testid=cost-total-max]');
  check(min === money(rep.total_min_usd) && max === money(rep.total_max_usd), `${rep.environment}: page total ${min}–${max}, physarch cost ${rep.total_min_usd}–${rep.total_max_usd}`);
  const rows = await page.$$eval('table.cost tbody tr', (r) => r.length);
  check(rows === rep.components.length + 1, `${rep.environment}: ${rows - 1} cost rows, physarch cost has ${rep.components.length}`);
  await shot('cost-' + rep.environment);
}

// Every other page renders its panel.
const panels = {
  availability: 'mark.weak', capacity: 'table td', findings: 'a.pos', decisions: 'section.decision table',
  compare: 'table.compare td', whatif: '[data-testid=whatif-cost]', documents: '[data-testid=document] table', spec: 'pre.spec .line',
};
for (const [name, sel] of Object.entries(panels)) {
  await tab(name);
  await page.waitForSelector(sel, { timeout: 30000 });
  await shot(name);
}

// The what-if slider re-plans: more users, more nodes and cost.
await tab('whatif');
const before = await page.textContent('[data-testid=whatif-cost]');
await page.fill('input[type=number]', '40000');
await page.dispatchEvent('input[type=number]', 'change');
await page.waitForFunction((b) => document.querySelector('[data-testid=whatif-cost]')?.textContent !== b, before);
await shot('whatif-40000');

// English, and a narrow screen.
await tab('overview');
await page.click('#lang');
await page.waitForFunction(() => document.body.dataset.lang === 'en' && document.querySelector('[data-testid=diagram-network] svg'));
check((await page.textContent('nav#tabs')).includes('Availability'), 'the English page has no English tabs');
await shot('overview-en');
await page.click('#lang');
await page.waitForFunction(() => document.body.dataset.lang === 'ko' && document.querySelector('[data-testid=diagram-network] svg'));
await page.setViewportSize({ width: 390, height: 844 });
await shot('overview-narrow');
await tab('cost');
await shot('cost-narrow');
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(overflow <= 1, `the narrow page scrolls sideways by ${overflow} px`);
await page.setViewportSize({ width: 1280, height: 800 });

// A save updates the open page: the cost page shows the new total, which
// is physarch cost's for the edited file.
const original = readFileSync(specPath, 'utf8');
const usersLine = original.split('\n').findIndex((l) => l.includes('users: 10000'));
check(usersLine >= 0, 'the spec has no "users: 10000" line to edit');
const withUsers = (n) => original.replace('users: 10000', `users: ${n}`);
await page.click('#envs button:text-is("prod")');
await save(withUsers(30000), true);
const prod = cliCost().find((r) => r.environment === 'prod');
const shown = await page.textContent('[data-testid=cost-total-max]');
check(shown === money(prod.total_max_usd), `after the save the page shows ${shown}, physarch cost ${prod.total_max_usd}`);
await shot('cost-after-save');

// Save to repaint, on the main page (both diagrams drawn again): ten
// saves, each of a different load, timed until the page shows the version.
await tab('overview');
const times = [], drawn = [], builds = [], page_ms = [];
for (let i = 0; i < 10; i++) {
  const [t, d] = await save(withUsers(11000 + 1000 * i));
  times.push(Math.round(t));
  drawn.push(Math.round(d));
  builds.push(await page.evaluate(() => Number(document.body.dataset.buildMs)));
  page_ms.push(await page.evaluate(() => Number(document.body.dataset.eventToPaintMs)));
  // The drawing on screen (laid out again or only relabelled) shows
  // this save's load.
  const users = (11000 + 1000 * i).toLocaleString('en-US');
  const drawnText = await page.textContent('[data-testid=diagram-physical] svg');
  check(drawnText.includes(users), `after the save of ${users} users the physical diagram does not show them`);
  // The next save waits for this one's full build, as an editor's saves
  // are seconds apart.
  await page.waitForFunction(() => document.body.dataset.complete === 'true', null, { timeout: 15000 });
}
// A relabelled drawing reads as Mermaid's own drawing of the same source:
// once the page has been idle, each is laid out again, to the same text.
const texts = async () => page.$$eval('.diagram svg', (ss) => ss.map((s) => Array.from(s.querySelectorAll('foreignObject span'), (l) => l.textContent).join(' | ')));
const relabelled = await texts();
await shot('overview-relabelled');
await page.$$eval('.diagram svg', (ss) => ss.forEach((s) => s.setAttribute('data-old', '')));
await page.waitForFunction(() => !document.querySelector('.diagram svg[data-old]'), null, { timeout: 30000 });
const redrawn = await texts();
check(JSON.stringify(relabelled) === JSON.stringify(redrawn), `the relabelled diagrams read ${JSON.stringify(relabelled).slice(0, 300)}, Mermaid's drawing ${JSON.stringify(redrawn).slice(0, 300)}`);
const sorted = [...times].sort((a, b) => a - b);
const median = (sorted[4] + sorted[5]) / 2;
const sortedDrawn = [...drawn].sort((a, b) => a - b);
const medianDrawn = (sortedDrawn[4] + sortedDrawn[5]) / 2;

// A broken save: the error with its line shows, the last good view stays.
writeFileSync(specPath, original.replace('users: 10000', 'users: many'));
await page.waitForSelector('[data-testid=spec-error]', { timeout: 10000 });
const errText = await page.textContent('#errors');
const want = `${path.basename(specPath)}:${usersLine + 1}:`;
check(errText.includes(want), `the error banner does not name ${want}: ${errText}`);
check(await page.$('[data-testid=diagram-physical] svg'), 'the last good diagrams are gone after a broken save');
await shot('error');
await page.click('#errors a.pos');
await page.waitForFunction(() => document.body.dataset.tab === 'spec');
check(await page.$(`#L${usersLine + 1}.error`), 'the spec view does not mark the broken line');
await shot('error-spec');
// And the fix clears it.
await save(original, true);
check(await page.evaluate(() => document.getElementById('errors').hidden), 'the errors stay after the fix');

check(problems.length === 0, problems.join('\n'));
await browser.close();
console.log(JSON.stringify({ repaint_ms: times, median_ms: median, drawn_ms: drawn, median_drawn_ms: medianDrawn, build_ms: builds, event_to_paint_ms: page_ms, error_line: usersLine + 1 }));
