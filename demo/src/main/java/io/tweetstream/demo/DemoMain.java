package io.tweetstream.demo;

/** {@code ./tweetstream demo}: see {@link DemoOptions#USAGE}. */
public final class DemoMain {

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        Demo demo = new Demo(options, System.out);
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            main.interrupt();
            demo.close();
        }, "tweetstream-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            demo.start();
            demo.awaitEnd();
        } catch (InterruptedException e) {
            return; // Ctrl-C: the shutdown hook stops everything
        } catch (RuntimeException e) {
            System.err.println("The demo could not start: " + e.getMessage());
        }
        Runtime.getRuntime().removeShutdownHook(stopper);
        demo.close();
    }
}
