package io.tweetstream.connect.v1;

import twitter4j.RawStreamListener;

/**
 * Keeps the last message the stream received, exactly as sent, so that a status can carry its raw
 * JSON. Twitter4j hands the raw line to this listener just before it parses the same line for the
 * status listener, on the same thread (see {@link DirectDispatcher}).
 */
final class RawMessageCapture implements RawStreamListener {

    private String lastMessage;

    @Override
    public void onMessage(String rawString) {
        lastMessage = rawString;
    }

    @Override
    public void onException(Exception ex) {
        // StatusEventListener reports stream errors; reporting them here too would count them twice.
    }

    String lastMessage() {
        return lastMessage;
    }
}
