package io.tweetstream.connect.v2;

import io.tweetstream.connect.core.RecentTweetIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The connections a task holds to the same filtered stream (X's redundant connections, Enterprise).
 * X sends the same tweets in the same order on each, so the gap of a connection that dropped may have
 * come whole on another that stayed open. That is known, not guessed, once the other has delivered
 * the first tweet the reconnected one got: TCP hands bytes over in order, so by then the other has
 * read everything X sent while the first was away, however far behind its reader ran. Until then
 * the gap stays pending in the offsets; when the other connection ends first, or the proof takes
 * longer than {@link #PROOF_DEADLINE}, the gap is refilled as on a single connection.
 *
 * <p>Each stream's reader thread calls its own {@link Member}; the members share this object's lock.
 */
final class RedundantConnections {

    /** How many of its latest live tweet ids a connection remembers, for another one's proof. */
    static final int REMEMBERED_IDS = 20_000;
    /**
     * How long a reconnected connection waits for the other to deliver its first tweet before it
     * refills its gap anyway: far beyond X's 20 s keep-alive and any delivery lag between two
     * connections, so that it refills only when the other is stuck.
     */
    static final Duration PROOF_DEADLINE = Duration.ofMinutes(2);

    /** What is known of whether another connection delivered a gap. */
    enum Verdict { COVERED, UNCOVERED, UNDECIDED }

    /** The open connection of each member; null while it has none. */
    private final Connection[] open;
    /** {@link System#nanoTime()}, but in tests. */
    private final LongSupplier nanoTime;

    private RedundantConnections(int members, LongSupplier nanoTime) {
        this.open = new Connection[members];
        this.nanoTime = nanoTime;
    }

    /** A group of {@code members} connections, whose members are {@link #member(int)} 0 to members - 1. */
    static RedundantConnections of(int members) {
        return of(members, System::nanoTime);
    }

    static RedundantConnections of(int members, LongSupplier nanoTime) {
        if (members < 1) {
            throw new IllegalArgumentException("A group has at least one connection, not " + members);
        }
        return new RedundantConnections(members, nanoTime);
    }

    /** A connection with no other beside it: no gap of it is ever covered, and it remembers no ids. */
    static Member single() {
        return of(1).member(0);
    }

    Member member(int slot) {
        return new Member(slot);
    }

    /** One connection of a member, from its open to its end. */
    private static final class Connection {
        /** Every tweet made from this instant on comes to the task while the connection stays open. */
        final Instant reachesBack;
        /** Its latest live tweet ids; null in a group of one. */
        final RecentTweetIds delivered;
        /** Covers whose proof tweet it has not delivered yet. */
        final List<Cover> waiting = new ArrayList<>();
        boolean ended;

        Connection(Instant reachesBack, boolean remember) {
            this.reachesBack = reachesBack;
            this.delivered = remember ? new RecentTweetIds(REMEMBERED_IDS) : null;
        }
    }

    /** Another member's open connection that may have delivered a gap, and what is known of it. */
    final class Cover {
        private final Connection by;
        private final long deadlineNanos;
        private long proofId = -1;
        private Verdict verdict = Verdict.UNDECIDED;

        private Cover(Connection by, long nowNanos) {
            this.by = by;
            this.deadlineNanos = nowNanos + PROOF_DEADLINE.toNanos();
        }

        /** Decided once the other connection delivers the proof tweet, ends, or the deadline passes. */
        Verdict verdict() {
            synchronized (RedundantConnections.this) {
                if (verdict == Verdict.UNDECIDED && (by.ended || nanoTime.getAsLong() - deadlineNanos > 0)) {
                    decide(Verdict.UNCOVERED);
                }
                return verdict;
            }
        }

        private void proveWith(long id) {
            proofId = id;
            if (by.delivered.contains(id)) {
                decide(Verdict.COVERED);
            } else if (!by.ended) {
                by.waiting.add(this);
            }
        }

        private void decide(Verdict decided) {
            verdict = decided;
            by.waiting.remove(this);
        }
    }

    /** One of the group's connections, as its stream's reader thread sees it. */
    final class Member {
        private final int slot;
        /** The cover whose proof is this member's next live tweet; null for none. Its reader's own. */
        private Cover awaitingProof;

        private Member(int slot) {
            if (slot < 0 || slot >= open.length) {
                throw new IllegalArgumentException("No connection " + slot + " in a group of " + open.length);
            }
            this.slot = slot;
        }

        /** Whether this is the group's first connection, which refills what a previous run left pending. */
        boolean first() {
            return slot == 0;
        }

        /** Whether other connections read the same stream beside this one. */
        boolean redundant() {
            return open.length > 1;
        }

        /**
         * Another open connection through which every tweet made since {@code gapFrom} comes to the
         * task, which may have delivered this member's gap; empty when there is none.
         */
        Optional<Cover> coverFor(Instant gapFrom) {
            synchronized (RedundantConnections.this) {
                for (int other = 0; other < open.length; other++) {
                    Connection connection = open[other];
                    if (other != slot && connection != null && !connection.reachesBack.isAfter(gapFrom)) {
                        return Optional.of(new Cover(connection, nanoTime.getAsLong()));
                    }
                }
                return Optional.empty();
            }
        }

        /**
         * This member's new connection is open, and every tweet made from {@code reachesBack} on
         * comes through it or the refill it started; {@code awaiting}, when not null, is the cover of
         * its gap, proved or disproved by its first live tweet.
         */
        void opened(Instant reachesBack, Cover awaiting) {
            synchronized (RedundantConnections.this) {
                open[slot] = new Connection(reachesBack, redundant());
                awaitingProof = awaiting;
            }
        }

        /** A live tweet came on this member's connection. */
        void delivered(long id) {
            if (!redundant() || id < 0) {
                return;
            }
            synchronized (RedundantConnections.this) {
                Connection connection = open[slot];
                if (connection == null) {
                    return;
                }
                connection.delivered.firstTime(id);
                if (!connection.waiting.isEmpty()) {
                    for (Cover cover : List.copyOf(connection.waiting)) {
                        if (cover.proofId == id) {
                            cover.decide(Verdict.COVERED);
                        }
                    }
                }
                Cover cover = awaitingProof;
                if (cover != null) {
                    awaitingProof = null;
                    if (cover.verdict == Verdict.UNDECIDED) {
                        cover.proveWith(id);
                    }
                }
            }
        }

        /** This member's connection ended: whatever waited for its tweets is not covered by it. */
        void closed() {
            synchronized (RedundantConnections.this) {
                Connection connection = open[slot];
                if (connection == null) {
                    return;
                }
                connection.ended = true;
                for (Cover cover : List.copyOf(connection.waiting)) {
                    cover.decide(Verdict.UNCOVERED);
                }
                open[slot] = null;
                awaitingProof = null;
            }
        }
    }
}
