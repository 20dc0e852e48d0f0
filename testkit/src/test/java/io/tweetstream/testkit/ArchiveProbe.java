package io.tweetstream.testkit;

/** A main class for {@link ClassDataArchiveTest}'s JVMs: ends at once, or with "wait", sleeps until killed. */
public final class ArchiveProbe {

    private ArchiveProbe() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("probe started");
        if (args.length > 0 && args[0].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
