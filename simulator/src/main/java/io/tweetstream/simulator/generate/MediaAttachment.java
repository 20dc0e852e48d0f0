package io.tweetstream.simulator.generate;

import java.util.List;

/**
 * The media of a post: up to four photos, or one video or animated GIF, behind one t.co link at the end of the text.
 * X lists the link in v2 {@code entities.urls} (with each {@code media_key}) and v1.1 in {@code entities.media} and
 * {@code extended_entities.media}, never in v1.1 {@code entities.urls}.
 */
public record MediaAttachment(Link link, List<Item> items) {

    public MediaAttachment {
        items = List.copyOf(items);
    }

    /** The kinds of media, named as X's {@code type} names them. */
    public enum Type {
        PHOTO("photo", "3_", "photo"), VIDEO("video", "7_", "video"), ANIMATED_GIF("animated_gif", "16_", "photo");

        private final String apiName;
        private final String keyPrefix;
        private final String pathWord;

        Type(String apiName, String keyPrefix, String pathWord) {
            this.apiName = apiName;
            this.keyPrefix = keyPrefix;
            this.pathWord = pathWord;
        }

        /** {@code photo}, {@code video} or {@code animated_gif}. */
        public String apiName() {
            return apiName;
        }

        /** The start of a v2 {@code media_key}: {@code 3_} for photos, {@code 7_} for videos, {@code 16_} for GIFs. */
        public String keyPrefix() {
            return keyPrefix;
        }

        /** The word in the expanded URL, {@code .../photo/1} or {@code .../video/1} (a GIF is shown as a photo). */
        public String pathWord() {
            return pathWord;
        }
    }

    /**
     * One photo, video or GIF.
     *
     * @param altText    {@code null} when the author wrote none (X has alt text for images only)
     * @param durationMs 0 unless a video
     * @param fileName   the name of the image (a photo) or of the preview image (video, GIF) on pbs.twimg.com
     */
    public record Item(long id, Type type, int width, int height, String altText, int durationMs, String fileName) {

        /** X's v2 {@code media_key}, e.g. {@code 3_1263145212760805376}. */
        public String mediaKey() {
            return type.keyPrefix() + id;
        }

        /** The photo itself, or the preview image of a video or GIF. */
        public String imageUrl() {
            return type == Type.PHOTO ? "https://pbs.twimg.com/media/" + fileName + ".jpg"
                    : type == Type.VIDEO ? "https://pbs.twimg.com/ext_tw_video_thumb/" + id + "/pu/img/" + fileName + ".jpg"
                    : "https://pbs.twimg.com/tweet_video_thumb/" + fileName + ".jpg";
        }
    }
}
