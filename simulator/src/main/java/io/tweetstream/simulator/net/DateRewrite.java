package io.tweetstream.simulator.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Holds back the head of one answer on its way to the client and puts another {@code Date} in it: the head is
 * collected until its blank line, its {@code Date} line replaced (or one added after the status line), and what
 * follows the head goes on unchanged. A head that never ends within {@value #MAX_HEAD_BYTES} bytes goes as it came.
 * Used by the one thread that forwards a connection's answers.
 */
final class DateRewrite {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final String date;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();

    DateRewrite(String date) {
        this.date = date;
    }

    /**
     * Takes the next bytes read; returns what to forward now, or {@code null} while the head is still incomplete.
     * Once it returned bytes, it is done.
     */
    byte[] accept(byte[] bytes, int length) {
        held.write(bytes, 0, length);
        byte[] all = held.toByteArray();
        int end = indexOf(all, HEAD_END);
        if (end < 0) {
            return all.length >= MAX_HEAD_BYTES ? all : null;
        }
        String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        StringBuilder rewritten = new StringBuilder(head.length() + 40);
        boolean dated = false;
        String[] lines = head.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && line.regionMatches(true, 0, "Date:", 0, 5)) {
                line = "Date: " + date;
                dated = true;
            }
            rewritten.append(line).append("\r\n");
        }
        if (!dated) {
            int statusEnd = rewritten.indexOf("\r\n") + 2;
            rewritten.insert(statusEnd, "Date: " + date + "\r\n");
        }
        rewritten.append("\r\n");
        byte[] newHead = rewritten.toString().getBytes(StandardCharsets.ISO_8859_1);
        int rest = all.length - end - HEAD_END.length;
        byte[] out = new byte[newHead.length + rest];
        System.arraycopy(newHead, 0, out, 0, newHead.length);
        System.arraycopy(all, end + HEAD_END.length, out, newHead.length, rest);
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
