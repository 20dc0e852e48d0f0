// Turns the API's answer (per keyword, [window_start_ms, count] points) into uPlot's columns: one
// shared time axis and one value column per keyword. Pure, so it holds no state of the page.

/** The keyword the Spark job uses for the total of all tweets in a second. */
export const TOTAL = '*';

/**
 * @param series  the API's `series`: [{keyword, points: [[ms, count], ...]}], total first
 * @param fromMs  windows starting earlier are left out (the visible span)
 * @returns {{keywords: string[], data: Array<Array<number|null>>}} data[0] in seconds (uPlot's unit)
 */
export function toColumns(series, fromMs) {
    const starts = new Set();
    for (const { points } of series) {
        for (const [ms] of points) {
            if (ms >= fromMs) {
                starts.add(ms);
            }
        }
    }
    const xs = [...starts].sort((a, b) => a - b);
    const index = new Map(xs.map((ms, i) => [ms, i]));
    const totals = new Set(series.filter(s => s.keyword === TOTAL).flatMap(s => s.points.map(([ms]) => ms)));

    const columns = series.map(({ keyword, points }) => {
        // The job writes a keyword's count only for seconds it occurred in: where the second's total
        // is known a missing keyword means 0 tweets; where it is not, the second is still unknown.
        const ys = xs.map(ms => (keyword !== TOTAL && totals.has(ms) ? 0 : null));
        for (const [ms, count] of points) {
            if (index.has(ms)) {
                ys[index.get(ms)] = count;
            }
        }
        return ys;
    });
    return { keywords: series.map(s => s.keyword), data: [xs.map(ms => ms / 1000), ...columns] };
}

/** Legend name of a keyword. */
export function label(keyword) {
    return keyword === TOTAL ? 'total' : keyword;
}
