// Drives the dashboard page in headless Chromium for DashboardBrowserIT, and can be run by hand:
//   node dashboard-grows.mjs --url http://127.0.0.1:8088/ --screenshot /tmp/dashboard.png [--final-points N]
// It opens the page, waits until the chart draws data, prints INITIAL_POINTS, then waits for the
// chart to draw MORE points (the test writes new counts meanwhile: the page must pick them up live),
// prints GREW_TO, waits for --final-points if given, and saves a screenshot. Each step has a deadline;
// on failure it prints FAILED and exits with 1. Lines are read by the test, one fact per line.
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
        'step-timeout-ms': { type: 'string', default: '60000' },
    },
});
if (!options.url || !options.screenshot) {
    console.error('usage: node dashboard-grows.mjs --url URL --screenshot FILE [--chromium PATH] [--final-points N]');
    process.exit(2);
}
const stepTimeout = Number(options['step-timeout-ms']);
const finalPoints = Number(options['final-points']);

// The flags this closed network needs: nothing may phone home, and a fresh profile every run.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const say = line => console.log(line);
const pointCount = page => page.evaluate(() => window.dashboard.pointCount());

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

    await page.waitForFunction(n => window.dashboard.pointCount() > n, initial, { timeout: stepTimeout });
    say(`GREW_TO ${await pointCount(page)}`);

    await page.waitForFunction(n => window.dashboard.pointCount() >= n, finalPoints, { timeout: stepTimeout });
    const chart = page.locator('#chart');
    say(`FINAL_POINTS ${await pointCount(page)}`);
    say(`DATA_POINTS_ATTRIBUTE ${await chart.getAttribute('data-points')}`);
    say(`KEYWORDS ${JSON.stringify(await page.evaluate(() => window.dashboard.keywords()))}`);
    say(`LEGEND ${JSON.stringify(await page.locator('.u-legend .u-series .u-label').allTextContents())}`);
    say(`LATEST_TOTAL ${await page.locator('#latest-total').textContent()}`);
    say(`LAG ${await page.locator('#latest-lag').textContent()}`);

    await page.screenshot({ path: options.screenshot, fullPage: true });
    say(`SCREENSHOT ${options.screenshot}`);
} catch (error) {
    say(`FAILED ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
} finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
}
