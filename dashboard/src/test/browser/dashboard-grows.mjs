// Drives the dashboard page in headless Chromium for DashboardIT, and can be run by hand:
//   node dashboard-grows.mjs --url http://127.0.0.1:8088/ --screenshot /tmp/dashboard.png [--final-points N]
//        [--final-latest-count C]
// It opens the page, waits until the chart draws data, prints INITIAL_POINTS, then waits for the
// chart to draw MORE points (the test writes new provisional counts meanwhile: the page must pick
// them up live), prints GREW_TO, waits for --final-points points if given, prints what the page
// shows then (PROVISIONAL_*) and saves a screenshot. With --final-latest-count it then waits until
// that many points are final and the latest second is final with that count (the test writes the
// final counts and a late correction after the screenshot), and prints what the page shows at the
// end. Each step has a deadline; on failure it prints FAILED and exits with 1. Lines are read by the
// test, one fact per line.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
    options: {
        url: { type: 'string' },
        screenshot: { type: 'string' },
        chromium: { type: 'string', default: '/usr/bin/chromium' },
        'final-points': { type: 'string', default: '0' },
        'final-latest-count': { type: 'string' },
        'step-timeout-ms': { type: 'string', default: '60000' },
    },
});
if (!options.url || !options.screenshot) {
    console.error('usage: node dashboard-grows.mjs --url URL --screenshot FILE [--chromium PATH] [--final-points N] [--final-latest-count C]');
    process.exit(2);
}
const stepTimeout = Number(options['step-timeout-ms']);
const finalPoints = Number(options['final-points']);
const finalLatestCount = options['final-latest-count'] === undefined ? null : Number(options['final-latest-count']);

// The flags this closed network needs: nothing may phone home, and a fresh profile every run.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const say = line => console.log(line);
const pointCount = page => page.evaluate(() => window.dashboard.pointCount());
const finalCount = page => page.evaluate(() => window.dashboard.finalCount());

/** What the page shows beside and in the chart, one line each, names prefixed. */
async function sayFigures(page, prefix) {
    say(`${prefix}LEGEND ${JSON.stringify(await page.locator('.u-legend .u-series:visible .u-label').allTextContents())}`);
    say(`${prefix}LATEST ${JSON.stringify(await page.evaluate(() => window.dashboard.latest()))}`);
    say(`${prefix}LATEST_TOTAL ${await page.locator('#latest-total').textContent()}`);
    say(`${prefix}STATE ${await page.locator('#latest-state').textContent()}`);
    say(`${prefix}LAG ${await page.locator('#latest-lag').textContent()}`);
}

const profile = await mkdtemp(join(tmpdir(), 'dashboard-chromium-'));
let context;
try {
    context = await chromium.launchPersistentContext(profile, {
        executablePath: options.chromium,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 760 },
        locale: 'en-US',
        timezoneId: 'UTC',
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', error => say(`PAGE_ERROR ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') {
            say(`PAGE_ERROR console: ${message.text()}`);
        }
    });

    await page.goto(options.url, { timeout: stepTimeout });
    await page.waitForFunction(() => window.dashboard && window.dashboard.pointCount() > 0, null, { timeout: stepTimeout });
    const initial = await pointCount(page);
    say(`INITIAL_POINTS ${initial}`);
    say(`INITIAL_FINAL ${await finalCount(page)}`);

    await page.waitForFunction(n => window.dashboard.pointCount() > n, initial, { timeout: stepTimeout });
    say(`GREW_TO ${await pointCount(page)}`);

    await page.waitForFunction(n => window.dashboard.pointCount() >= n, finalPoints, { timeout: stepTimeout });
    say(`PROVISIONAL_POINTS ${await pointCount(page)}`);
    say(`PROVISIONAL_FINAL ${await finalCount(page)}`);
    await sayFigures(page, 'PROVISIONAL_');
    await page.screenshot({ path: options.screenshot, fullPage: true });
    say(`SCREENSHOT ${options.screenshot}`);

    if (finalLatestCount !== null) {
        await page.waitForFunction(([n, count]) => {
            const latest = window.dashboard.latest();
            return window.dashboard.finalCount() >= n && latest?.final && latest.count === count;
        }, [finalPoints, finalLatestCount], { timeout: stepTimeout });
    }
    const chart = page.locator('#chart');
    say(`END_POINTS ${await pointCount(page)}`);
    say(`END_FINAL ${await finalCount(page)}`);
    say(`DATA_POINTS_ATTRIBUTE ${await chart.getAttribute('data-points')}`);
    say(`DATA_FINAL_POINTS_ATTRIBUTE ${await chart.getAttribute('data-final-points')}`);
    say(`KEYWORDS ${JSON.stringify(await page.evaluate(() => window.dashboard.keywords()))}`);
    await sayFigures(page, '');
} catch (error) {
    say(`FAILED ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
} finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
}
