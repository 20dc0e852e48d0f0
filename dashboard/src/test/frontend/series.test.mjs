// Unit tests of the page's data shaping (src/main/frontend/src/series.js), run by Maven in the test
// phase with Node's own test runner: `node --test dashboard/src/test/frontend/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSeries, pendingFrom, splitByStatus, toColumns } from '../../main/frontend/src/series.js';

const S = 1000;

test('an answer replaces the held points from its since on and keeps the earlier ones', () => {
    const held = [
        { keyword: '*', points: [[1 * S, 10, 1, 0], [2 * S, 11, 1, 0], [3 * S, 5, 0, 0]] },
        { keyword: 'kafka', points: [[2 * S, 4, 1, 0], [3 * S, 2, 0, 0]] },
    ];
    const answer = [
        { keyword: '*', points: [[3 * S, 12, 1, 1], [4 * S, 7, 0, 0]] },
        { keyword: 'java', points: [[4 * S, 1, 0, 0]] },
    ];

    assert.deepEqual(mergeSeries(held, answer, 3 * S, 0), [
        { keyword: '*', points: [[1 * S, 10, 1, 0], [2 * S, 11, 1, 0], [3 * S, 12, 1, 1], [4 * S, 7, 0, 0]] },
        { keyword: 'java', points: [[4 * S, 1, 0, 0]] },
        // kafka's count of second 3 is not in the answer: gone, as on the server.
        { keyword: 'kafka', points: [[2 * S, 4, 1, 0]] },
    ]);
});

test('merging drops the points before the view and the keywords left without points', () => {
    const held = [{ keyword: '*', points: [[1 * S, 10, 1, 0]] }, { keyword: 'old', points: [[1 * S, 1, 1, 0]] }];

    assert.deepEqual(mergeSeries(held, [{ keyword: '*', points: [[2 * S, 3, 0, 0]] }], 2 * S, 2 * S),
        [{ keyword: '*', points: [[2 * S, 3, 0, 0]] }]);
});

test('the next small poll starts at the oldest second not final yet, else at the newest', () => {
    assert.equal(pendingFrom([{ keyword: '*', points: [[1 * S, 1, 1, 0], [2 * S, 1, 0, 0], [3 * S, 1, 0, 0]] }]), 2 * S);
    assert.equal(pendingFrom([{ keyword: '*', points: [[1 * S, 1, 1, 0], [2 * S, 1, 1, 0]] }]), 2 * S);
    assert.equal(pendingFrom([]), null);
});

test('columns end at the newest second that has ended and say which seconds are final', () => {
    const series = [
        { keyword: '*', points: [[1 * S, 10, 1, 2], [2 * S, 9, 0, 0], [3 * S, 2, 0, 0]] },
        { keyword: 'kafka', points: [[1 * S, 4, 1, 1]] },
    ];

    assert.deepEqual(toColumns(series, 0, 2 * S), {
        keywords: ['*', 'kafka'],
        xs: [1, 2],
        // The full counts, late tweets included; kafka's missing count of a second with a total is 0.
        values: [[10, 9], [4, 0]],
        finals: [true, false],
    });
});

test('a second without a total leaves its keywords unknown rather than 0', () => {
    const series = [{ keyword: '*', points: [[1 * S, 10, 1, 0]] }, { keyword: 'kafka', points: [[2 * S, 3, 1, 0]] }];

    assert.deepEqual(toColumns(series, 0, 10 * S).values, [[10, null], [0, 3]]);
});

test('final seconds are drawn solid, provisional ones dashed and joined to the solid line', () => {
    const [solid, dashed] = splitByStatus([1, 2, 3, 4, 5], [true, true, true, false, false]);

    assert.deepEqual(solid, [1, 2, 3, null, null]);
    assert.deepEqual(dashed, [null, null, 3, 4, 5]);
});
