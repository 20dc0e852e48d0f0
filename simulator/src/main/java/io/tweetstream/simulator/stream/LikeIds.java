package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.generate.Seeds;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of the Likes a simulator makes: opaque strings of 32 lowercase hex digits, as X's, fixed by the seed and the
 * Like's place in the sequence of Likes (the n-th Like of a seed always has the same id). Unique: the first 16 digits
 * are a bijection of that place, the last 16 only fill the id out. Thread-safe.
 */
final class LikeIds {

    private static final long SALT = 0x11CE_01D5L;

    private final long base;
    private final AtomicLong made = new AtomicLong();

    LikeIds(long seed) {
        this.base = Seeds.derive(seed, SALT);
    }

    String next() {
        long high = VolumePartitions.mix(base + made.getAndIncrement());
        long low = VolumePartitions.mix(high ^ base);
        return String.format("%016x%016x", high, low);
    }
}
