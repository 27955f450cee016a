package org.emission.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.emission.records.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to one target on its own thread, from a bounded queue, in the order the records came (so
 * an alert's CLOSED never overtakes its OPENED): rate-limited, each message retried with backoff up
 * to the policy's attempts and then dropped (logged and counted). A target that is slow or down
 * holds up only its own queue.
 */
final class TargetWorker {
  private static final Logger LOG = LoggerFactory.getLogger(TargetWorker.class);

  /** One alert for this target; {@code done} runs once it was sent or dropped. */
  record Delivery(IncomingAlert alert, Runnable done) {}

  private final TargetConfig target;
  private final WebhookProtocol protocol;
  private final Transport transport;
  private final AlertText text;
  private final SlidingWindowLimiter limiter;
  private final ArrayBlockingQueue<Delivery> queue;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Thread thread;
  private volatile boolean finishing;
  private long pauseUntilNanos = System.nanoTime();

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  TargetWorker(TargetConfig target, Transport transport) {
    this.target = target;
    this.protocol = WebhookProtocol.of(target);
    this.transport = transport;
    this.text = target.language().text();
    this.limiter = target.rateLimit() == null ? null : new SlidingWindowLimiter(target.rateLimit());
    this.queue = new ArrayBlockingQueue<>(target.queueCapacity());
    this.thread = new Thread(this::run, "notify-" + target.name());
    this.thread.setDaemon(true);
  }

  String name() {
    return target.name();
  }

  void start() {
    thread.start();
  }

  boolean accepts(AlertEvent event) {
    return target.filter().matches(event);
  }

  void skip() {
    skipped.incrementAndGet();
  }

  /** Queues {@code delivery}; false when the queue is full (the caller pauses and tries again). */
  boolean offer(Delivery delivery) {
    outstanding.incrementAndGet();
    if (queue.offer(delivery)) {
      return true;
    }
    outstanding.decrementAndGet();
    return false;
  }

  /** Whether nothing is queued or being delivered. */
  boolean idle() {
    return outstanding.get() == 0;
  }

  /** Stops the thread once the queue is empty. */
  void finish() {
    finishing = true;
  }

  /** Stops the thread now: what was not delivered is not done, so its offset stays uncommitted. */
  void halt() {
    thread.interrupt();
  }

  void join(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
  }

  TargetStats stats() {
    return new TargetStats(
        target.name(),
        sent.get(),
        failed.get(),
        retried.get(),
        dropped.get(),
        rateLimited.get(),
        skipped.get(),
        queue.size());
  }

  private void run() {
    try {
      while (true) {
        Delivery d = queue.poll(100, TimeUnit.MILLISECONDS);
        if (d == null) {
          if (finishing) {
            return;
          }
          continue;
        }
        deliver(d.alert());
        outstanding.decrementAndGet();
        d.done().run();
      }
    } catch (InterruptedException e) {
      if (outstanding.get() > 0) {
        LOG.info(
            "notify target {}: stopped with {} messages undelivered (their offsets stay uncommitted)",
            target.name(),
            outstanding.get());
      }
    }
  }

  private void deliver(IncomingAlert alert) throws InterruptedException {
    AlertEvent e = alert.event();
    AlertMessage message;
    try {
      message = text.compose(e);
    } catch (RuntimeException ex) {
      dropped.incrementAndGet();
      LOG.error(
          "notify target {}: dropped alert {}: cannot compose its message",
          target.name(),
          e.alertId(),
          ex);
      return;
    }
    RetryPolicy retry = target.retry();
    for (int attempt = 1; ; attempt++) {
      awaitSlot();
      Outcome outcome = attempt(alert, message);
      if (outcome.sent()) {
        sent.incrementAndGet();
        return;
      }
      failed.incrementAndGet();
      if (outcome.kind() == Outcome.Kind.RATE_LIMITED) {
        rateLimited.incrementAndGet();
        pauseUntilNanos = System.nanoTime() + target.rateLimitedPause().toNanos();
      }
      if (attempt >= retry.maxAttempts()) {
        dropped.incrementAndGet();
        LOG.warn(
            "notify target {}: dropped {} {} of alert {} after {} attempts: {}",
            target.name(),
            e.kind(),
            e.lifecycle(),
            e.alertId(),
            attempt,
            outcome.reason());
        return;
      }
      Duration backoff = retry.backoff(attempt);
      LOG.info(
          "notify target {}: attempt {} of {} for alert {} failed ({}), next in {}",
          target.name(),
          attempt,
          retry.maxAttempts(),
          e.alertId(),
          outcome.reason(),
          DurationText.format(backoff));
      retried.incrementAndGet();
      Thread.sleep(backoff.toMillis());
    }
  }

  private Outcome attempt(IncomingAlert alert, AlertMessage message) throws InterruptedException {
    try {
      WebhookRequest request = protocol.request(alert, message, System.currentTimeMillis());
      return protocol.judge(transport.post(target.name(), request, target.requestTimeout()));
    } catch (IOException ex) {
      return Outcome.failed(
          ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    } catch (RuntimeException ex) {
      return Outcome.failed(ex.toString());
    }
  }

  /** Waits until the rate limit and any "too many" pause allow the next request. */
  private void awaitSlot() throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      long wait = Math.max(limiter == null ? 0 : limiter.delayNanos(now), pauseUntilNanos - now);
      if (wait <= 0) {
        if (limiter != null) {
          limiter.record(now);
        }
        return;
      }
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
