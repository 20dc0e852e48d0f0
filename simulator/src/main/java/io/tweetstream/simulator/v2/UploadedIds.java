package io.tweetstream.simulator.v2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The body of a batch compliance job's upload, read as X reads it (x-api/compliance/batch-compliance/integrate.mdx):
 * plain text, one numeric id per line (LF or CRLF; spaces around it and blank lines ignored). A line that is no id (not
 * only digits, or too large for an id) does not fail the job: it is kept, to come back in the results as
 * {@code invalid_id}. Ids are kept as primitive longs, as an upload holds millions of them.
 */
public final class UploadedIds {

    /** An id is at most 19 digits, as a signed 64-bit number. */
    private static final int MAX_DIGITS = 19;
    private static final int CHUNK = 1 << 16;

    private final long[] ids;
    private final int count;
    private final List<String> invalid;

    private UploadedIds(long[] ids, int count, List<String> invalid) {
        this.ids = ids;
        this.count = count;
        this.invalid = List.copyOf(invalid);
    }

    /** Thrown for an upload over the limit; what was read of it is dropped. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("upload larger than " + limit + " bytes");
        }
    }

    /**
     * Reads {@code body} to its end.
     *
     * @throws TooLargeException as soon as more than {@code maxBytes} came
     */
    public static UploadedIds read(InputStream body, long maxBytes) throws IOException {
        long[] ids = new long[1024];
        int count = 0;
        List<String> invalid = new ArrayList<>();
        byte[] chunk = new byte[CHUNK];
        byte[] line = new byte[64];
        int length = 0;
        long total = 0;
        for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
            total += read;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            for (int i = 0; i < read; i++) {
                byte b = chunk[i];
                if (b != '\n') {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[length++] = b;
                    continue;
                }
                if (ids.length == count) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                count = take(line, length, ids, count, invalid);
                length = 0;
            }
        }
        if (ids.length == count) {
            ids = Arrays.copyOf(ids, count + 1);
        }
        count = take(line, length, ids, count, invalid);
        return new UploadedIds(ids, count, invalid);
    }

    /** How many ids, repeats included. */
    public int count() {
        return count;
    }

    /** The {@code index}-th id, in upload order. */
    public long id(int index) {
        return ids[index];
    }

    /** The lines that were no id, trimmed, in upload order. */
    public List<String> invalid() {
        return invalid;
    }

    /** Files one line: as the next id, or as invalid; blank lines are skipped. @return the new count of ids */
    private static int take(byte[] line, int length, long[] ids, int count, List<String> invalid) {
        int start = 0;
        int end = length;
        while (start < end && isBlank(line[start])) {
            start++;
        }
        while (end > start && isBlank(line[end - 1])) {
            end--;
        }
        if (start == end) {
            return count;
        }
        long id = parse(line, start, end);
        if (id < 0) {
            invalid.add(new String(line, start, end - start, StandardCharsets.UTF_8));
            return count;
        }
        ids[count] = id;
        return count + 1;
    }

    /** The id the digits spell; -1 when they are no id. */
    private static long parse(byte[] line, int start, int end) {
        if (end - start > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
