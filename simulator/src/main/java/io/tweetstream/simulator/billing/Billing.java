package io.tweetstream.simulator.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pay-per-use ledger of the simulator's one X project: every Post read by each of its apps (an app is a bearer
 * token), billed once per app and UTC day of the {@link BillingClock}; the prepaid credit that pays for them, and the
 * monthly cap. A Post is billed just before it is sent; once the credit is spent or the cap reached, nothing more is
 * ({@link #refusal()}). One lock for the whole project: a bill is a set lookup and a few counters, cheap next to
 * writing the Post, and the credit and cap are the project's, so checking and charging them must be one step.
 */
public final class Billing {

    /** Unlimited credit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** Why X refuses to serve any more Posts. */
    public enum Refusal {
        /** The prepaid credit is spent: X's 402 {@code CreditsDepleted}. */
        CREDITS_DEPLETED,
        /** The project's monthly cap is reached: X's 429 {@code UsageCapExceeded}. */
        USAGE_CAPPED
    }

    /**
     * What the usage report shows: the cap, the Posts billed this cap period, and those of each day from
     * {@code firstDay} on, for the project and for each app (the one asking included, if it has none).
     */
    public record Usage(String projectId, long projectCap, int capResetDay, long projectUsage,
                        SortedMap<LocalDate, Long> projectDaily, Map<String, SortedMap<LocalDate, Long>> appsDaily) {
    }

    private final BillingClock clock;
    private final String projectId;
    private final long monthlyCap;
    private final int capResetDay;
    private final int rememberedIds;
    private final Map<String, AppUsage> apps = new LinkedHashMap<>();
    private final TreeMap<LocalDate, Long> projectDaily = new TreeMap<>();
    private long creditLeft;
    private long total;
    private LocalDate lastDay;
    private LocalDate periodStart;
    private long periodUsage;

    /**
     * @param creditPosts   Post reads the credit pays for; {@link #UNLIMITED} for no limit
     * @param rememberedIds how many of the Posts billed today each app remembers, to bill them once
     */
    public Billing(BillingClock clock, String projectId, long creditPosts, long monthlyCap, int capResetDay,
                   int rememberedIds) {
        this.clock = clock;
        this.projectId = projectId;
        this.creditLeft = creditPosts;
        this.monthlyCap = monthlyCap;
        this.capResetDay = capResetDay;
        this.rememberedIds = rememberedIds;
    }

    public BillingClock clock() {
        return clock;
    }

    /** The account of the app {@code appId} ({@link AppIds#ofToken}). */
    public AppBilling forApp(String appId) {
        return new AppBilling(this, appId);
    }

    /**
     * Bills {@code postId} to {@code appId} unless that app was billed for it today already, and says whether it may
     * be sent: not once the credit is spent or the cap reached, repeats included.
     */
    synchronized boolean bill(String appId, long postId) {
        LocalDate today = roll();
        if (refusalToday().isPresent()) {
            return false;
        }
        AppUsage app = apps.computeIfAbsent(appId, id -> new AppUsage(rememberedIds));
        if (app.isNew(today, postId)) {
            app.billed(today, postId);
            projectDaily.merge(today, 1L, Long::sum);
            total++;
            periodUsage++;
            if (creditLeft != UNLIMITED) {
                creditLeft--;
            }
        }
        return true;
    }

    /** Why no more Posts may be served now, if so: credits are checked before the cap. */
    public synchronized Optional<Refusal> refusal() {
        roll();
        return refusalToday();
    }

    /** Sets what the credit pays for from now on, as buying credits in X's console does; 0 spends it. */
    public synchronized void setCreditPosts(long posts) {
        if (posts < 0) {
            throw new IllegalArgumentException("credit must be >= 0 Posts, was " + posts);
        }
        creditLeft = posts;
    }

    /** How many more Post reads the credit pays for; {@link #UNLIMITED} when it is unlimited. */
    public synchronized long creditPostsLeft() {
        return creditLeft;
    }

    /** Posts billed on {@code utcDay} (of the billing clock), all apps. */
    public synchronized long postsBilled(LocalDate utcDay) {
        return projectDaily.getOrDefault(utcDay, 0L);
    }

    /** Posts billed since the current cap period began, all apps: what X shows as {@code project_usage}. */
    public synchronized long postsBilledThisCapPeriod() {
        roll();
        return periodUsage;
    }

    public synchronized long postsBilledTotal() {
        return total;
    }

    /** The usage of the last {@code days} billing days, today included, as {@code appId} asks for it. */
    public synchronized Usage usage(String appId, int days) {
        LocalDate today = roll();
        LocalDate first = today.minusDays(days - 1L);
        Map<String, SortedMap<LocalDate, Long>> appsDaily = new LinkedHashMap<>();
        apps.forEach((id, app) -> appsDaily.put(id, app.dailySince(first)));
        appsDaily.putIfAbsent(appId, new TreeMap<>());
        return new Usage(projectId, monthlyCap, capResetDay, periodUsage, new TreeMap<>(projectDaily.tailMap(first)),
                appsDaily);
    }

    /** Today on the billing clock; starts a new cap period's count when the clock entered one. Holds the lock. */
    private LocalDate roll() {
        LocalDate today = clock.today();
        if (!today.equals(lastDay)) {
            lastDay = today;
            LocalDate start = CapPeriod.start(today, capResetDay);
            if (!start.equals(periodStart)) {
                periodStart = start;
                periodUsage = AppUsage.sum(projectDaily.tailMap(start));
            }
        }
        return today;
    }

    private Optional<Refusal> refusalToday() {
        if (creditLeft <= 0) {
            return Optional.of(Refusal.CREDITS_DEPLETED);
        }
        return periodUsage >= monthlyCap ? Optional.of(Refusal.USAGE_CAPPED) : Optional.empty();
    }
}
