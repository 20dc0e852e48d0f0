package io.tweetstream.simulator.generate;

/**
 * What a post carries besides its text, author, place and references, decided before it is written as JSON.
 *
 * @param media             {@code null} for none
 * @param poll              {@code null} for none
 * @param editHistory       its versions (one for a post never edited)
 * @param possiblySensitive whether X marks it sensitive; only said for posts with a link or media, as on X
 * @param withheld          {@code null} unless withheld somewhere
 */
public record PostDetails(MediaAttachment media, Poll poll, EditHistory editHistory, boolean possiblySensitive,
                          Withheld withheld) {
}
