package io.tweetstream.simulator.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Makes the media and polls posts carry, with the sizes, counts and durations X's look like. */
final class Attachments {

    private static final String TCO_PATH_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String FILE_ALPHABET = TCO_PATH_ALPHABET + "-_";
    private static final int[][] SIZES = {{1200, 675}, {1080, 1350}, {1920, 1080}, {1080, 1080}, {720, 1280}, {4032, 3024}};
    private static final List<String> ALT_TEXTS = List.of("A cup of coffee on a wooden table by the window",
            "Screenshot of a chart going up and to the right", "Sunset over the harbour, boats in silhouette",
            "A dog asleep on a sofa, one ear up", "Crowd at an outdoor concert at night");
    private static final List<List<String>> POLLS = List.of(List.of("Yes", "No"), List.of("Coffee", "Tea"),
            List.of("Tabs", "Spaces", "Both, I am chaos"), List.of("Morning", "Afternoon", "Evening", "Night"),
            List.of("Kafka", "Pulsar", "Kinesis"));
    private static final List<Integer> POLL_MINUTES = List.of(60, 360, 1440, 4320, 10080);

    private Attachments() {
    }

    /** Photos (one to four), a video or a GIF, posted with status {@code statusId} by {@code author} at {@code at}. */
    static MediaAttachment media(long statusId, UserProfile author, Instant at, Dice dice) {
        double roll = dice.unit();
        MediaAttachment.Type type = roll < 0.75 ? MediaAttachment.Type.PHOTO
                : roll < 0.93 ? MediaAttachment.Type.VIDEO : MediaAttachment.Type.ANIMATED_GIF;
        int count = type == MediaAttachment.Type.PHOTO ? dice.pickWeighted(List.of(1, 2, 3, 4), n -> n == 1 ? 70 : 10) : 1;
        List<MediaAttachment.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Media is uploaded a moment before the post that carries it, so its id is a little smaller.
            long id = SnowflakeIds.historic(at.minusMillis(dice.between(500L, 60_000L)), dice);
            int[] size = SIZES[dice.index(SIZES.length)];
            String alt = type == MediaAttachment.Type.PHOTO && dice.chance(0.4) ? dice.pick(ALT_TEXTS) : null;
            int duration = type == MediaAttachment.Type.VIDEO ? dice.between(3_000, 140_000) : 0;
            items.add(new MediaAttachment.Item(id, type, size[0], size[1], alt, duration,
                    dice.characters(FILE_ALPHABET, 15)));
        }
        String path = dice.characters(TCO_PATH_ALPHABET, 10);
        Link link = new Link("https://t.co/" + path,
                "https://x.com/" + author.screenName() + "/status/" + statusId + "/" + type.pathWord() + "/1",
                "pic.x.com/" + path);
        return new MediaAttachment(link, items);
    }

    /** A poll opened with the post at {@code at}. */
    static Poll poll(Instant at, Dice dice) {
        int minutes = dice.pick(POLL_MINUTES);
        return new Poll(SnowflakeIds.historic(at, dice), dice.pick(POLLS), minutes, at.plusSeconds(minutes * 60L));
    }

    /** Where a withheld post is withheld: one to three countries, now and then for copyright. */
    static Withheld withheld(Dice dice) {
        List<String> countries = new ArrayList<>(List.of("DE", "FR", "IN", "TR", "RU", "BR", "AT", "GB"));
        dice.shuffle(countries);
        return new Withheld(dice.chance(0.1), countries.subList(0, dice.between(1, 3)));
    }
}
