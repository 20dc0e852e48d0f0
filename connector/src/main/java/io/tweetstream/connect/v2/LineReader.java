package io.tweetstream.connect.v2;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream body into lines ending in "\n" (X ends them in "\r\n"; the "\r" is dropped), with
 * a bound on the line length so that a runaway message cannot fill memory, and a record of how long
 * the reader has been waiting for bytes, which is what a stall is.
 */
final class LineReader {

    private static final int CHUNK = 16 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private volatile long waitingSinceNanos;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line without its line end; an empty array for a keep-alive; null at the end of the
     * stream (a last line without a line end is dropped, as a message cut off).
     *
     * @throws OversizedLineException after skipping a line longer than the bound; reading may go on
     */
    byte[] next() throws IOException {
        int length = 0;
        boolean oversized = false;
        while (true) {
            if (chunkStart == chunkEnd && !fill()) {
                return null;
            }
            int end = chunkStart;
            while (end < chunkEnd && chunk[end] != '\n') {
                end++;
            }
            int count = end - chunkStart;
            if (!oversized && length + count > maxLineBytes) {
                oversized = true;
            }
            if (!oversized) {
                ensureCapacity(length + count);
                System.arraycopy(chunk, chunkStart, line, length, count);
                length += count;
            }
            boolean lineEnded = end < chunkEnd;
            chunkStart = lineEnded ? end + 1 : end;
            if (lineEnded) {
                if (oversized) {
                    throw new OversizedLineException(maxLineBytes);
                }
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return Arrays.copyOf(line, length);
            }
        }
    }

    /** Nanos since the reader began waiting for bytes that have not come; 0 when it is not waiting. */
    long waitingForNanos() {
        long since = waitingSinceNanos;
        return since == 0 ? 0 : Math.max(1, System.nanoTime() - since);
    }

    private boolean fill() throws IOException {
        waitingSinceNanos = System.nanoTime();
        try {
            int read = in.read(chunk, 0, CHUNK);
            if (read < 0) {
                return false;
            }
            chunkStart = 0;
            chunkEnd = read;
            return true;
        } finally {
            waitingSinceNanos = 0;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, Math.min(maxLineBytes, line.length * 2)));
        }
    }

    /** A line longer than the bound was skipped. */
    static final class OversizedLineException extends IOException {
        OversizedLineException(int maxLineBytes) {
            super("skipped a message longer than " + maxLineBytes + " bytes");
        }
    }
}
