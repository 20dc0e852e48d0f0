// The uPlot chart: one line per keyword, the total drawn heavier; final seconds solid, provisional
// ones dashed with hollow points. uPlot styles a series as a whole, so each keyword is two series:
// the solid one in the legend and a dashed twin (legend row hidden by CSS) that follows its
// visibility. uPlot cannot add series to a live chart in place as simply as it can be rebuilt, so a
// new keyword rebuilds it.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TOTAL, label, splitByStatus } from './series.js';

const TOTAL_COLOUR = '#1f2933';
// Tableau 10: distinct for the usual handful of keywords, repeated beyond ten.
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
                 '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const HEIGHT = 420;
const DASH = [6, 4];
const TIME = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');

// uPlot's series 0 is the time axis, then each keyword's solid line (odd index) and its dashed twin.
const isSolid = seriesIndex => seriesIndex % 2 === 1;
// Off the chart the legend shows the newest second, under the cursor the second it points at.
const shownIndex = (u, index) => index ?? u.data[0].length - 1;

export class TweetRateChart {
    /** @param element  the container; its `data-points` attribute says how many seconds are drawn */
    constructor(element) {
        this.element = element;
        this.plot = null;
        this.keywords = [];
        this.finals = [];
        new ResizeObserver(() => this.plot?.setSize(this.size())).observe(element);
    }

    /** @param columns  from {@link toColumns} */
    show({ keywords, xs, values, finals }) {
        this.finals = finals;
        const data = [xs, ...values.flatMap(ys => splitByStatus(ys, finals))];
        if (!this.plot || keywords.join('\n') !== this.keywords.join('\n')) {
            this.plot?.destroy();
            this.plot = new uPlot(this.options(keywords), data, this.element);
            this.keywords = keywords;
        } else {
            this.plot.setData(data);
        }
        this.element.dataset.points = String(this.pointCount());
        this.element.dataset.finalPoints = String(this.finalCount());
    }

    /** Seconds (x values) the chart currently draws. */
    pointCount() {
        return this.plot ? this.plot.data[0].length : 0;
    }

    /** Of those, the seconds drawn as final. */
    finalCount() {
        return this.plot ? this.finals.filter(Boolean).length : 0;
    }

    size() {
        return { width: Math.max(this.element.clientWidth, 300), height: HEIGHT };
    }

    options(keywords) {
        const count = (u, value, seriesIndex, index) => {
            const i = shownIndex(u, index);
            const v = u.data[seriesIndex][i] ?? u.data[seriesIndex + 1][i];
            return v == null ? '–' : v.toLocaleString();
        };
        const time = (u, value, seriesIndex, index) => {
            const i = shownIndex(u, index);
            const v = u.data[0][i];
            return v == null ? '–' : `${TIME(new Date(v * 1000))}${this.finals[i] ? '' : ' (provisional)'}`;
        };
        // Hollow points on the provisional seconds only, and only where uPlot would draw points at all.
        const provisionalPoints = (u, seriesIndex, show) =>
            (show ? this.finals.flatMap((final, i) => (final || u.data[seriesIndex][i] == null ? [] : [i])) : null);

        let next = 0;
        const series = keywords.flatMap(keyword => {
            const total = keyword === TOTAL;
            const stroke = total ? TOTAL_COLOUR : COLOURS[next++ % COLOURS.length];
            const width = total ? 2.5 : 1.5;
            return [
                { label: label(keyword), stroke, width, value: count, points: { size: 4, fill: stroke } },
                {
                    label: `${label(keyword)} (provisional)`, class: 'provisional-twin', stroke, width, dash: DASH,
                    value: () => '', points: { size: 5, fill: '#ffffff', filter: provisionalPoints },
                },
            ];
        });
        return {
            ...this.size(),
            series: [{ label: 'time', value: time }, ...series],
            scales: {
                x: { time: true },
                // From 0, so that a quiet second does not look like a collapse.
                y: { range: (u, min, max) => [0, max > 0 ? Math.ceil(max * 1.1) : 1] },
            },
            axes: [
                { stroke: '#616e7c', grid: { stroke: '#eef0f3' } },
                { label: 'tweets per second', stroke: '#616e7c', grid: { stroke: '#eef0f3' } },
            ],
            legend: { live: true },
            cursor: { drag: { x: false, y: false } },
            hooks: { setSeries: [followSolid] },
        };
    }
}

/** Shows or hides a dashed twin with its solid line, however the legend changed either (click or isolate). */
function followSolid(u, seriesIndex) {
    if (seriesIndex == null) {
        return;
    }
    const solid = isSolid(seriesIndex) ? seriesIndex : seriesIndex - 1;
    const show = u.series[solid].show;
    if (u.series[solid + 1].show !== show) {
        u.setSeries(solid + 1, { show });
    }
}
