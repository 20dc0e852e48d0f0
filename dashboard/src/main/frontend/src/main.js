// The dashboard page: polls /api/counts every second and draws the answer. Polling (rather than
// Server-Sent Events) keeps the server a plain request/response handler and recovers by itself
// when the server restarts.
import { TweetRateChart } from './chart.js';
import { toColumns } from './series.js';
import './style.css';

const POLL_MS = 1000;
const REQUEST_TIMEOUT_MS = 5000;
/** How much history the chart shows, back from the newest second. */
const VIEW_MS = 5 * 60 * 1000;

const chart = new TweetRateChart(document.getElementById('chart'));
const text = {
    status: document.getElementById('status'),
    empty: document.getElementById('empty'),
    total: document.getElementById('latest-total'),
    window: document.getElementById('latest-window'),
    lag: document.getElementById('latest-lag'),
};
let newestMs = null;
let latest = null;

async function refresh() {
    // Ask for the visible span only; the whole span every time, so re-emitted seconds show their
    // latest counts.
    const since = newestMs === null ? 0 : newestMs - VIEW_MS;
    const response = await fetch(`api/counts?since=${since}`, {
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
        throw new Error(`the server answered ${response.status}`);
    }
    const counts = await response.json();
    newestMs = counts.newest_window_start_ms;
    latest = counts.latest;
    if (newestMs !== null) {
        chart.show(toColumns(counts.series, newestMs - VIEW_MS));
    }
    text.empty.hidden = newestMs !== null;
    showLatest(counts.latest);
    showStatus(`updated ${new Date().toLocaleTimeString()}`, false);
}

function showLatest(window) {
    if (!window) {
        return;
    }
    text.total.textContent = `${window.count.toLocaleString()} tweets/s`;
    text.window.textContent = `second from ${new Date(window.window_start_ms).toLocaleTimeString()}`;
    text.lag.textContent = window.lag_ms === null ? 'unknown' : `${(window.lag_ms / 1000).toFixed(1)} s`;
}

function showStatus(message, error) {
    text.status.textContent = message;
    text.status.classList.toggle('error', error);
}

function poll() {
    refresh()
        .catch(e => showStatus(`cannot reach the dashboard server: ${e.message}`, true))
        .finally(() => setTimeout(poll, POLL_MS));
}

// For the browser test and the curious: what the chart shows right now.
window.dashboard = {
    pointCount: () => chart.pointCount(),
    keywords: () => [...chart.keywords],
    latest: () => latest,
};
poll();
