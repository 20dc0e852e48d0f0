package io.tweetstream.simulator.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One line of a recording.
 *
 * @param text       the line exactly as recorded
 * @param json       the line parsed
 * @param recordedAt when it was posted or sent, from the message itself; {@code null} when it says nothing of it
 */
public record RecordedLine(String text, ObjectNode json, Instant recordedAt) {
}
