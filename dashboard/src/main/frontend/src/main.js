// The dashboard page: polls /api/counts four times a second and draws the answer. Polling (rather
// than Server-Sent Events) keeps the server a plain request/response handler and recovers by itself
// when the server restarts. Most polls are small: they ask only for the seconds that may still
// change without a late correction (from the oldest one not final yet); every few seconds a poll
// asks for the whole visible span, which brings late corrections to older seconds.
import { TweetRateChart } from './chart.js';
import { mergeSeries, pendingFrom, toColumns } from './series.js';
import './style.css';

/** A provisional count is on the chart within a second of its second's end: the poll adds at most this. */
const POLL_MS = 250;
const FULL_POLL_MS = 5000;
const REQUEST_TIMEOUT_MS = 5000;
/** How much history the chart shows, back from the newest second. */
const VIEW_MS = 5 * 60 * 1000;

const chart = new TweetRateChart(document.getElementById('chart'));
const text = {
    status: document.getElementById('status'),
    empty: document.getElementById('empty'),
    total: document.getElementById('latest-total'),
    window: document.getElementById('latest-window'),
    state: document.getElementById('latest-state'),
    lag: document.getElementById('latest-lag'),
};
let held = [];
let newestMs = null;
let latest = null;
let lastFullPollMs = -Infinity;

async function refresh() {
    const viewStart = newestMs === null ? 0 : newestMs - VIEW_MS;
    const full = held.length === 0 || performance.now() - lastFullPollMs >= FULL_POLL_MS;
    const since = full ? viewStart : Math.max(viewStart, pendingFrom(held));
    const response = await fetch(`api/counts?since=${since}`, {
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
        throw new Error(`the server answered ${response.status}`);
    }
    const counts = await response.json();
    if (full) {
        lastFullPollMs = performance.now();
    }
    newestMs = counts.newest_window_start_ms;
    latest = counts.latest;
    held = newestMs === null ? [] : mergeSeries(held, counts.series, since, newestMs - VIEW_MS);
    if (latest) {
        // Up to the newest second that has ended: the ones in progress have only part of their count.
        chart.show(toColumns(held, newestMs - VIEW_MS, latest.window_start_ms));
    }
    text.empty.hidden = latest !== null;
    showLatest(latest);
    showStatus(`updated ${new Date().toLocaleTimeString()}`, false);
}

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

function showLatest(second) {
    if (!second) {
        return;
    }
    text.total.textContent = `${second.count.toLocaleString()} tweets/s`;
    text.window.textContent = `second from ${new Date(second.window_start_ms).toLocaleTimeString()}`
        + (second.late > 0 ? `, ${second.late.toLocaleString()} late` : '');
    text.state.textContent = second.final
        ? `final${second.final_lag_ms === null ? '' : ` ${seconds(second.final_lag_ms)} after its end`}`
        : 'provisional: final ~15 s later';
    text.state.classList.toggle('provisional', !second.final);
    text.lag.textContent = second.provisional_lag_ms === null ? 'unknown' : seconds(second.provisional_lag_ms);
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
    finalCount: () => chart.finalCount(),
    keywords: () => [...chart.keywords],
    latest: () => latest,
};
poll();
