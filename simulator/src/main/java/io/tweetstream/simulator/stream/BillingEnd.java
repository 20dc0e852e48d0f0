package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.billing.AppBilling;
import io.tweetstream.simulator.billing.Billing;

import java.io.IOException;
import java.util.Optional;

/**
 * How a v2 stream ends when its app may read no more Posts: the body ends cleanly after the last Post paid for, as
 * X closes a stream when the credit runs out or the cap is reached; the client's next request gets the 402 or 429.
 */
final class BillingEnd {

    private BillingEnd() {
    }

    /** Ends the body if the app's credit is spent or its cap reached; {@code null} when it may go on. */
    static EndReason endIfRefused(AppBilling billing, MessageSink sink) throws IOException {
        return billing.refusal().isPresent() ? end(billing, sink) : null;
    }

    /** Ends the body for the refusal in force (credits first, as the requests are refused). */
    static EndReason end(AppBilling billing, MessageSink sink) throws IOException {
        Optional<Billing.Refusal> refusal = billing.refusal();
        sink.end();
        return refusal.orElse(Billing.Refusal.CREDITS_DEPLETED) == Billing.Refusal.USAGE_CAPPED
                ? EndReason.USAGE_CAPPED : EndReason.CREDITS_DEPLETED;
    }
}
