package io.tweetstream.connect.v1;

import java.util.List;

/**
 * Twitter4j's logging, through SLF4J, without its OAuth details. At DEBUG Twitter4j logs the OAuth
 * signature base string, which holds the consumer key and the access token, and the signature; the
 * plugin's {@code twitter4j.properties} names this factory, so that Twitter4j's messages from its
 * {@code twitter4j.auth} package are dropped and any other message that carries OAuth parameters is
 * replaced by a note, at every level and whatever level the worker's logging is set to.
 */
public final class Twitter4jLogging extends twitter4j.LoggerFactory {

    /** What the factory logs when Twitter4j makes it, once per plugin class loader. */
    static final String IN_EFFECT = "Twitter4j logs through SLF4J, with its OAuth details left out";

    /** Twitter4j finds the factory by name (in the plugin's twitter4j.properties) and makes it by reflection. */
    public Twitter4jLogging() {
        org.slf4j.LoggerFactory.getLogger(Twitter4jLogging.class).info(IN_EFFECT);
    }

    @Override
    public twitter4j.Logger getLogger(Class<?> type) {
        return new RedactingLogger(org.slf4j.LoggerFactory.getLogger(type),
                type.getName().startsWith("twitter4j.auth."));
    }

    /** Forwards to SLF4J what holds no OAuth detail. */
    static final class RedactingLogger extends twitter4j.Logger {

        private static final List<String> OAUTH_MARKERS = List.of("oauth_", "OAuth base string", "OAuth signature",
                "Authorization");
        static final String REDACTED = "[a message with OAuth details, left out by tweetstream]";

        private final org.slf4j.Logger log;
        private final boolean dropAll;

        RedactingLogger(org.slf4j.Logger log, boolean dropAll) {
            this.log = log;
            this.dropAll = dropAll;
        }

        /** The message to log, REDACTED when it carries OAuth details; null to log nothing. */
        private String safe(String message, String detail) {
            if (dropAll) {
                return null;
            }
            String whole = detail == null ? message : message + detail;
            return OAUTH_MARKERS.stream().anyMatch(whole::contains) ? REDACTED : whole;
        }

        @Override
        public boolean isDebugEnabled() {
            return !dropAll && log.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return !dropAll && log.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return !dropAll && log.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return !dropAll && log.isErrorEnabled();
        }

        @Override
        public void debug(String message) {
            debug(message, null);
        }

        @Override
        public void debug(String message, String detail) {
            String safe = safe(message, detail);
            if (safe != null) {
                log.debug(safe);
            }
        }

        @Override
        public void info(String message) {
            info(message, null);
        }

        @Override
        public void info(String message, String detail) {
            String safe = safe(message, detail);
            if (safe != null) {
                log.info(safe);
            }
        }

        @Override
        public void warn(String message) {
            warn(message, (String) null);
        }

        @Override
        public void warn(String message, String detail) {
            String safe = safe(message, detail);
            if (safe == null) {
                return;
            }
            if (handledByTheConnector(message, detail)) {
                log.debug(safe);
            } else {
                log.warn(safe);
            }
        }

        /**
         * Twitter4j 4.0.7 predates the withheld notices and warns of each as an unknown event; the
         * connector reads them itself (see {@code StatusEventListener}), so they are no news.
         */
        private static boolean handledByTheConnector(String message, String detail) {
            return message.startsWith("Received unknown event") && detail != null
                    && (detail.contains("\"status_withheld\"") || detail.contains("\"user_withheld\""));
        }

        @Override
        public void warn(String message, Throwable error) {
            String safe = safe(message, null);
            if (safe != null) {
                log.warn(safe + ": " + error); // not the trace: an exception's message may quote a request
            }
        }

        @Override
        public void error(String message) {
            String safe = safe(message, null);
            if (safe != null) {
                log.error(safe);
            }
        }

        @Override
        public void error(String message, Throwable error) {
            String safe = safe(message, null);
            if (safe != null) {
                log.error(safe + ": " + error);
            }
        }
    }
}
