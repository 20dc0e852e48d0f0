// Turns the API's answers (per keyword, [window_start_ms, count, final, late] points) into uPlot's
// columns: one shared time axis and, per keyword, one value column. Pure, so it holds no state of
// the page.

/** The keyword the Spark job uses for the total of all tweets in a second. */
export const TOTAL = '*';

/** The API's order: the total first, then keywords alphabetically (by UTF-16 code units, as Java sorts). */
function byKeyword(a, b) {
    if ((a.keyword === TOTAL) !== (b.keyword === TOTAL)) {
        return a.keyword === TOTAL ? -1 : 1;
    }
    return a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0;
}

/**
 * The series the page holds after an answer for the windows from `since` on: the held points before
 * `since` stay, the answer replaces the rest, and points before `fromMs` go.
 *
 * @param held    series as the API gives them: [{keyword, points: [[ms, count, final, late], ...]}]
 * @param answer  the API's `series` for the windows starting at or after `since`
 * @returns       series in the API's order (the total first, then keywords alphabetically), none empty
 */
export function mergeSeries(held, answer, since, fromMs) {
    const merged = new Map();
    for (const { keyword, points } of held) {
        merged.set(keyword, points.filter(([ms]) => ms >= fromMs && ms < since));
    }
    for (const { keyword, points } of answer) {
        const earlier = merged.get(keyword) ?? [];
        merged.set(keyword, earlier.concat(points.filter(([ms]) => ms >= fromMs)));
    }
    return [...merged].map(([keyword, points]) => ({ keyword, points }))
        .filter(({ points }) => points.length > 0)
        .sort(byKeyword);
}

/**
 * Where the next small poll should start: the oldest second that is not final yet (its final count
 * is still to come), else the newest second held (newer ones are still to come). Late corrections
 * to older seconds come with the periodic full poll. null when nothing is held.
 */
export function pendingFrom(series) {
    let oldestProvisional = Infinity;
    let newest = -Infinity;
    for (const { points } of series) {
        for (const [ms, , final] of points) {
            if (!final && ms < oldestProvisional) {
                oldestProvisional = ms;
            }
            newest = Math.max(newest, ms);
        }
    }
    if (newest === -Infinity) {
        return null;
    }
    return Math.min(oldestProvisional, newest);
}

/**
 * @param series  merged series (see {@link mergeSeries}), total first
 * @param fromMs  windows starting earlier are left out (the visible span)
 * @param toMs    windows starting later are left out: the seconds still in progress, whose counts
 *                so far would look like a drop
 * @returns {{keywords: string[], xs: number[], values: Array<Array<number|null>>, finals: boolean[]}}
 *          xs in seconds (uPlot's unit); values per keyword, the full counts (late tweets included);
 *          finals per second, whether its count is final
 */
export function toColumns(series, fromMs, toMs) {
    const inView = ms => ms >= fromMs && ms <= toMs;
    const finalByStart = new Map();
    for (const { points } of series) {
        for (const [ms, , final] of points) {
            if (inView(ms)) {
                finalByStart.set(ms, final === 1);
            }
        }
    }
    const starts = [...finalByStart.keys()].sort((a, b) => a - b);
    const index = new Map(starts.map((ms, i) => [ms, i]));
    const totals = new Set(series.filter(s => s.keyword === TOTAL).flatMap(s => s.points.map(([ms]) => ms)));

    const values = series.map(({ keyword, points }) => {
        // The job writes a keyword's count only for seconds it occurred in: where the second's total
        // is known a missing keyword means 0 tweets; where it is not, the second is still unknown.
        const ys = starts.map(ms => (keyword !== TOTAL && totals.has(ms) ? 0 : null));
        for (const [ms, count] of points) {
            if (index.has(ms)) {
                ys[index.get(ms)] = count;
            }
        }
        return ys;
    });
    return {
        keywords: series.map(s => s.keyword),
        xs: starts.map(ms => ms / 1000),
        values,
        finals: starts.map(ms => finalByStart.get(ms)),
    };
}

/**
 * Splits a keyword's values into the line drawn solid (final seconds) and the one drawn dashed
 * (provisional seconds and the final ones next to them, so that the dashes join the solid line).
 */
export function splitByStatus(values, finals) {
    const provisional = i => i >= 0 && i < finals.length && !finals[i];
    const solid = values.map((v, i) => (finals[i] ? v : null));
    const dashed = values.map((v, i) => (provisional(i) || provisional(i - 1) || provisional(i + 1) ? v : null));
    return [solid, dashed];
}

/** Legend name of a keyword. */
export function label(keyword) {
    return keyword === TOTAL ? 'total' : keyword;
}
