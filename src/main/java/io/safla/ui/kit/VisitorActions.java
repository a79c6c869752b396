package io.safla.ui.kit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import io.safla.monitor.RateLimiter;
import io.safla.monitor.service.ActionMetrics;
import io.safla.monitor.service.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * How views run a visitor's action: under the per-visitor rate limit (a refused action shows a notification that
 * counts down to when it may be tried again), timed for Micrometer and recorded for analytics.
 */
@Component
public class VisitorActions {

    private final RateLimits limiter;
    private final ActionMetrics metrics;
    private final TaskScheduler scheduler;

    VisitorActions(RateLimits limiter, ActionMetrics metrics, TaskScheduler scheduler) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.scheduler = scheduler;
    }

    /** Runs {@code work} as the named action, or shows the countdown and returns empty when over the limit. */
    public <T> Optional<T> run(String action, Supplier<T> work) {
        String session = sessionId();
        RateLimiter.Decision decision = limiter.tryUiAction(session);
        if (!decision.allowed()) {
            showCountdown(decision);
            return Optional.empty();
        }
        return Optional.ofNullable(metrics.time(session, action, work));
    }

    public boolean run(String action, Runnable work) {
        return run(action, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    private static String sessionId() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getSession() != null
                ? session.getSession().getId()
                : "no-session";
    }

    private void showCountdown(RateLimiter.Decision decision) {
        UI ui = UI.getCurrent();
        long seconds = decision.retryAfterSeconds();
        Span text = new Span(message(seconds, decision.limit()));
        Notification notification = new Notification(text);
        notification.setId("rate-limit-notification");
        notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        notification.setPosition(Notification.Position.BOTTOM_END);
        notification.setDuration((int) Math.min(60_000, (seconds + 1) * 1000));
        notification.open();
        if (ui == null) {
            return;
        }
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicReference<ScheduledFuture<?>> tick = new AtomicReference<>();
        tick.set(scheduler.scheduleAtFixedRate(
                () -> {
                    long left = Math.max(0, Duration.between(Instant.now(), end).toSeconds());
                    ui.access(() -> {
                        if (left == 0 || !notification.isOpened()) {
                            notification.close();
                            tick.get().cancel(false);
                        } else {
                            text.setText(message(left, decision.limit()));
                        }
                    });
                },
                Duration.ofSeconds(1)));
        ui.addDetachListener(e -> tick.get().cancel(false));
    }

    static String message(long seconds, int limit) {
        return "Slow down: at most " + limit + " actions a minute. Try again in " + seconds + " s.";
    }
}
