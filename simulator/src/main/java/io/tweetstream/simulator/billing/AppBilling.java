package io.tweetstream.simulator.billing;

import java.util.Optional;

/** One app's side of the project's {@link Billing}: what a stream or a search of that app bills its Posts to. */
public final class AppBilling {

    private final Billing billing;
    private final String appId;

    AppBilling(Billing billing, String appId) {
        this.billing = billing;
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }

    /**
     * Bills a Post about to be sent (once per UTC day of the billing clock) and says whether it may be: not once the
     * credit is spent or the monthly cap reached; see {@link #refusal()} for which.
     */
    public boolean bill(long postId) {
        return billing.bill(appId, postId);
    }

    /** Why no more Posts may be served, if so. */
    public Optional<Billing.Refusal> refusal() {
        return billing.refusal();
    }
}
