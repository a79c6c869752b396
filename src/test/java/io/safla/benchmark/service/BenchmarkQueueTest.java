package io.safla.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.benchmark.BenchmarkReport;
import io.safla.benchmark.BenchmarkRunner;
import io.safla.benchmark.BenchmarkSpec;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.benchmark.BenchmarkTargets;
import io.safla.memory.vector.ScalarKernel;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchmarkQueueTest {

    private final List<BenchmarkReport> reports = new CopyOnWriteArrayList<>();
    private final BenchmarkQueue queue = new BenchmarkQueue(3, reports::add);
    private final CountDownLatch release = new CountDownLatch(1);
    private final BenchmarkRunner runner = new BenchmarkRunner(new ScalarKernel(), Clock.systemUTC());

    @AfterEach
    void close() {
        release.countDown();
        queue.close();
    }

    /** A run that holds the benchmark thread until {@link #release} opens or it is cancelled. */
    private BenchmarkQueue.Task blocking() {
        return (progress, cancelled) -> {
            while (release.getCount() > 0 && !cancelled.getAsBoolean()) {
                try {
                    release.await(5, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return quick().run(progress, cancelled);
        };
    }

    private BenchmarkQueue.Task quick() {
        return (progress, cancelled) -> runner.run(
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 1000, 128, 5, 10, 1),
                BenchmarkTargets.vectorsOnly(),
                progress,
                cancelled);
    }

    @Test
    void submit_oneRunningThreeWaiting_fifthRefused() {
        Recorder a = new Recorder();
        assertThat(queue.submit("a", "A", blocking(), a)).isZero();
        assertThat(queue.submit("b", "B", quick(), new Recorder())).isEqualTo(1);
        assertThat(queue.submit("c", "C", quick(), new Recorder())).isEqualTo(2);
        assertThat(queue.submit("d", "D", quick(), new Recorder())).isEqualTo(3);

        assertThatThrownBy(() -> queue.submit("e", "E", quick(), new Recorder()))
                .isInstanceOf(BenchmarkRefusedException.class)
                .hasMessage("The benchmark queue is full (1 running, 3 waiting); try again in a minute.");
        assertThat(queue.position("e")).isEmpty();
        assertThat(queue.entries())
                .extracting(BenchmarkQueue.Entry::description)
                .containsExactly("A", "B", "C", "D");
    }

    @Test
    void submit_visitorWithRunAlready_refused() {
        queue.submit("a", "A", blocking(), new Recorder());
        queue.submit("b", "B", quick(), new Recorder());

        assertThatThrownBy(() -> queue.submit("a", "A2", quick(), new Recorder()))
                .hasMessage("You already have a benchmark running; wait for it to finish or cancel it first.");
        assertThatThrownBy(() -> queue.submit("b", "B2", quick(), new Recorder()))
                .hasMessage("You already have a benchmark waiting (position 1); wait for it to finish or cancel it"
                        + " first.");
    }

    @Test
    void release_runsAllInOrder_andVisitorMaySubmitAgain() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        queue.submit("a", "A", blocking(), a);
        queue.submit("b", "B", quick(), b);

        release.countDown();
        BenchmarkReport second = b.finished.get(10, TimeUnit.SECONDS);

        assertThat(a.finished).isDone();
        assertThat(second.cancelled()).isFalse();
        assertThat(reports).hasSize(2);
        assertThat(b.queued).startsWith(1);
        assertThat(queue.position("a")).isEmpty();
        Recorder again = new Recorder();
        queue.submit("a", "A again", quick(), again);
        assertThat(again.finished.get(10, TimeUnit.SECONDS).operations()).isEqualTo(10);
    }

    @Test
    void cancel_waitingRun_isDroppedAndOthersMoveUp() {
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        queue.submit("a", "A", blocking(), new Recorder());
        queue.submit("b", "B", quick(), b);
        queue.submit("c", "C", quick(), c);

        assertThat(queue.cancel("b")).isTrue();

        assertThat(b.cancelledWhileWaiting).isTrue();
        assertThat(queue.position("c")).isEqualTo(OptionalInt.of(1));
        assertThat(c.queued).endsWith(1);
        assertThat(queue.cancel("nobody")).isFalse();
    }

    @Test
    void cancel_runningRun_finishesCancelled() throws Exception {
        Recorder a = new Recorder();
        queue.submit("a", "A", blocking(), a);
        a.started.get(5, TimeUnit.SECONDS);

        queue.cancel("a");

        BenchmarkReport report = a.finished.get(5, TimeUnit.SECONDS);
        assertThat(report.cancelled()).isTrue();
        assertThat(reports).containsExactly(report);
    }

    @Test
    void failingRun_reportsMessage_andFreesTheSlot() throws Exception {
        Recorder a = new Recorder();
        queue.submit(
                "a",
                "A",
                (p, c) -> {
                    throw new IllegalStateException("Degraded: engine loading");
                },
                a);

        assertThat(a.failed.get(5, TimeUnit.SECONDS)).isEqualTo("Degraded: engine loading");
        assertThat(queue.position("a")).isEmpty();
        assertThat(reports).isEmpty();
    }

    static final class Recorder implements BenchmarkListener {
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<BenchmarkReport> finished = new CompletableFuture<>();
        final CompletableFuture<String> failed = new CompletableFuture<>();
        final List<Integer> queued = new CopyOnWriteArrayList<>();
        volatile boolean cancelledWhileWaiting;

        @Override
        public void onQueued(int position) {
            queued.add(position);
        }

        @Override
        public void onStarted() {
            started.complete(null);
        }

        @Override
        public void onFinished(BenchmarkReport report) {
            finished.complete(report);
        }

        @Override
        public void onCancelledWhileWaiting() {
            cancelledWhileWaiting = true;
        }

        @Override
        public void onFailed(String message) {
            failed.complete(message);
        }
    }
}
