package io.tweetstream.simulator.generate;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The one source of chance of a generator. Wraps a seeded {@link Random} so that the same seed draws
 * the same tweets; nothing in the generator may call anything random but this.
 */
public final class Dice {

    private final Random random;

    public Dice(long seed) {
        this.random = new Random(seed);
    }

    /** Whether an event of the given probability happens. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniform double in [0, 1). */
    public double unit() {
        return random.nextDouble();
    }

    /** A uniform int in [from, to], both included. */
    public int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A uniform long in [from, to), {@code to} excluded. */
    public long between(long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }

    /** A uniform double in [from, to]. */
    public double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** A uniform int in [0, bound). */
    public int index(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Shuffles a list in place. */
    public <T> void shuffle(List<T> items) {
        Collections.shuffle(items, random);
    }

    /** Picks an item with probability proportional to its weight. */
    public <T> T pickWeighted(List<T> items, ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int ticket = random.nextInt(total);
        for (T item : items) {
            ticket -= weight.applyAsInt(item);
            if (ticket < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }

    /** A count that is usually small and sometimes huge, like followers or retweets. */
    public int heavyTailed(int typical, int max) {
        double value = typical * Math.exp(random.nextGaussian() * 1.6);
        return (int) Math.min(max, Math.max(0, Math.round(value)));
    }

    /** Random characters from an alphabet, e.g. the path of a t.co link. */
    public String characters(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
