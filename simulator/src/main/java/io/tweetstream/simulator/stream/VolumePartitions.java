package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.StreamEndpoint;

/**
 * Which share of X's partitioned volume streams a Post belongs to. The firehose carries every Post the volume source
 * makes, each in exactly one of its 20 partitions; sample10 carries a fixed tenth of them, each in one of its 2
 * partitions. All three choices hash the Post's id (each with a salt of its own, so that they are independent), so
 * they are deterministic, the same on every connection and reconnection, and the partitions of a stream are disjoint
 * and together make the whole stream, as X promises. The Post compliance stream's 4 partitions hash the id of the
 * Post an event names ({@code tweet.id}) the same way, and the User compliance stream's 4 the id of the user an event
 * names ({@code user.id}), each with a salt of its own. A language firehose ({@code /lang/en}, ...) carries the Posts of
 * its language, each in one of its partitions. The Likes streams choose as the Post volume streams do, by the Like's
 * own id ({@link #ofLike}) and with salts of their own, so a Like's partition says nothing of the liked Post's. Pure.
 */
public final class VolumePartitions {

    private static final long FIREHOSE_SALT = 0xF12E_405EL;
    private static final long SAMPLED_SALT = 0x5A3F_1E10L;
    private static final long SAMPLE10_SALT = 0x5A3F_1E12L;
    private static final long COMPLIANCE_SALT = 0xC0_4411_A4CEL;
    private static final long USER_COMPLIANCE_SALT = 0x05E2_C0A1_1A4CEL;
    private static final long LANGUAGE_SALT = 0x1A_4C0DEL;
    private static final long LIKES_FIREHOSE_SALT = 0x11_CE5F_12EL;
    private static final long LIKES_SAMPLED_SALT = 0x11_CE5_5A3FL;
    private static final long LIKES_SAMPLE10_SALT = 0x11_CE5_5A10L;
    /** The length of a Like's id: 32 lowercase hex digits. */
    private static final int LIKE_ID_LENGTH = 32;
    /** One Post in this many is in sample10. */
    private static final int SAMPLE10_ONE_IN = 10;

    private VolumePartitions() {
    }

    /**
     * The partition ({@code 1..endpoint.partitions()}) of the Post {@code id}, in language {@code lang}, on
     * {@code endpoint}; 0 when it is not on it. A language firehose carries every Post of its language, and only those.
     */
    public static int of(StreamEndpoint endpoint, long id, String lang) {
        if (endpoint.language() != null) {
            return endpoint.language().equals(lang) ? 1 + bucket(id, LANGUAGE_SALT, endpoint.partitions()) : 0;
        }
        return of(endpoint, id);
    }

    /**
     * The partition ({@code 1..endpoint.partitions()}) of the Post {@code id} on {@code endpoint}, or, on
     * {@link StreamEndpoint#V2_USER_COMPLIANCE}, of the events about the user {@code id}; 0 when it is not on it.
     */
    public static int of(StreamEndpoint endpoint, long id) {
        return switch (endpoint) {
            case V2_FIREHOSE -> 1 + bucket(id, FIREHOSE_SALT, endpoint.partitions());
            case V2_SAMPLE10 -> bucket(id, SAMPLED_SALT, SAMPLE10_ONE_IN) == 0
                    ? 1 + bucket(id, SAMPLE10_SALT, endpoint.partitions()) : 0;
            case V2_TWEET_COMPLIANCE -> 1 + bucket(id, COMPLIANCE_SALT, endpoint.partitions());
            case V2_USER_COMPLIANCE -> 1 + bucket(id, USER_COMPLIANCE_SALT, endpoint.partitions());
            default -> 0;
        };
    }

    /**
     * The partition ({@code 1..endpoint.partitions()}) of the Like {@code likeId} on
     * {@link StreamEndpoint#V2_LIKES_FIREHOSE} (every Like) or {@link StreamEndpoint#V2_LIKES_SAMPLE10} (a fixed tenth
     * of them); 0 when it is not on it, and on any other stream.
     *
     * @param likeId the Like's {@code id}, 32 hex digits
     * @throws IllegalArgumentException for an id that is not 32 hex digits
     */
    public static int ofLike(StreamEndpoint endpoint, String likeId) {
        long key = likeKey(likeId);
        return switch (endpoint) {
            case V2_LIKES_FIREHOSE -> 1 + bucket(key, LIKES_FIREHOSE_SALT, endpoint.partitions());
            case V2_LIKES_SAMPLE10 -> bucket(key, LIKES_SAMPLED_SALT, SAMPLE10_ONE_IN) == 0
                    ? 1 + bucket(key, LIKES_SAMPLE10_SALT, endpoint.partitions()) : 0;
            default -> 0;
        };
    }

    /** All 128 bits of a Like's id folded into the 64 the buckets hash. */
    private static long likeKey(String likeId) {
        if (likeId == null || likeId.length() != LIKE_ID_LENGTH) {
            throw new IllegalArgumentException("A Like's id is " + LIKE_ID_LENGTH + " hex digits, not " + likeId);
        }
        try {
            long high = Long.parseUnsignedLong(likeId.substring(0, LIKE_ID_LENGTH / 2), 16);
            long low = Long.parseUnsignedLong(likeId.substring(LIKE_ID_LENGTH / 2), 16);
            return mix(high) ^ low;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A Like's id is " + LIKE_ID_LENGTH + " hex digits, not " + likeId, e);
        }
    }

    private static int bucket(long id, long salt, int buckets) {
        return (int) Long.remainderUnsigned(mix(id ^ salt), buckets);
    }

    /** A number in [0, 1) drawn from {@code id} and {@code salt}: the same for the same pair, independent between salts. */
    static double unit(long id, long salt) {
        return (mix(id ^ salt) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: every bit of the id (a Snowflake id's sequence and time alike) moves every bucket. */
    static long mix(long value) {
        long z = (value + 0x9E37_79B9_7F4A_7C15L) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
