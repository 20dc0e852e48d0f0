package io.tweetstream.simulator.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.billing.BillingClock;
import io.tweetstream.simulator.net.ConnectionProxy;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates every answer of a v2 endpoint by the {@link BillingClock}, as X's {@code Date} header tells a client which
 * day it is being billed in. HttpServer overwrites any {@code Date} a handler sets with its own clock's, so the
 * header is put in by the {@link ConnectionProxy} the answer passes through
 * ({@link io.tweetstream.simulator.net.ProxiedConnection#rewriteNextDate}); a stream writes its own head with it.
 */
public final class DateHeader extends Filter {

    private final BillingClock clock;
    private final ConnectionProxy proxy;

    public DateHeader(BillingClock clock, ConnectionProxy proxy) {
        this.clock = clock;
        this.proxy = proxy;
    }

    /** RFC 1123, GMT: {@code Wed, 2 Dec 2026 18:46:06 GMT}. */
    public static String format(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String date = format(clock.now());
        proxy.connectionFrom(exchange.getRemoteAddress()).ifPresent(connection -> connection.rewriteNextDate(date));
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "Date header from the billing clock";
    }
}
