package io.tweetstream.simulator.generate;

/**
 * Derives independent seeds from the simulator's seed, so that each stream (and each synthesized user)
 * draws from its own sequence: what one stream draws never shifts what another gets.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A well-mixed seed for the thing named by {@code salt} (SplitMix64's finalizer over both values). */
    public static long derive(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
