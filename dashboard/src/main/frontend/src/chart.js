// The uPlot chart: one line per keyword, the total drawn heavier. uPlot cannot add series to a live
// chart in place as simply as it can be rebuilt, so a new keyword rebuilds it.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TOTAL, label } from './series.js';

const TOTAL_COLOUR = '#1f2933';
// Tableau 10: distinct for the usual handful of keywords, repeated beyond ten.
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
                 '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const HEIGHT = 420;
const TIME = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');

// Off the chart the legend shows the newest second, under the cursor the second it points at.
const shown = (u, value, seriesIndex, index) => (index == null ? u.data[seriesIndex].at(-1) : value);
const count = (u, value, seriesIndex, index) => {
    const v = shown(u, value, seriesIndex, index);
    return v == null ? '–' : v.toLocaleString();
};
const time = (u, value, seriesIndex, index) => {
    const v = shown(u, value, seriesIndex, index);
    return v == null ? '–' : TIME(new Date(v * 1000));
};

export class TweetRateChart {
    /** @param element  the container; its `data-points` attribute says how many seconds are drawn */
    constructor(element) {
        this.element = element;
        this.plot = null;
        this.keywords = [];
        new ResizeObserver(() => this.plot?.setSize(this.size())).observe(element);
    }

    /** @param columns  from {@link toColumns} */
    show({ keywords, data }) {
        if (!this.plot || keywords.join('\n') !== this.keywords.join('\n')) {
            this.plot?.destroy();
            this.plot = new uPlot(this.options(keywords), data, this.element);
            this.keywords = keywords;
        } else {
            this.plot.setData(data);
        }
        this.element.dataset.points = String(this.pointCount());
    }

    /** Seconds (x values) the chart currently draws. */
    pointCount() {
        return this.plot ? this.plot.data[0].length : 0;
    }

    size() {
        return { width: Math.max(this.element.clientWidth, 300), height: HEIGHT };
    }

    options(keywords) {
        let next = 0;
        const series = keywords.map(keyword => {
            const total = keyword === TOTAL;
            return {
                label: label(keyword),
                stroke: total ? TOTAL_COLOUR : COLOURS[next++ % COLOURS.length],
                width: total ? 2.5 : 1.5,
                value: count,
                points: { size: 4 },
            };
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
        };
    }
}
