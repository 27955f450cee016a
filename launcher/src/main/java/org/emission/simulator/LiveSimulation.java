package org.emission.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live mode: every logger of devices.csv on its own connection ({@link LiveLogger}), the
 * unregistered logger during its window, and the meters published to Kafka every 15 simulated
 * minutes.
 */
final class LiveSimulation implements LiveRun {

  private static final Logger LOG = LoggerFactory.getLogger(LiveSimulation.class);

  private final LiveOptions options;
  private final SimClock clock;
  private final IncidentPlan plan;
  private final LiveCounters counters = new LiveCounters();
  private final List<LiveLogger> loggers = new ArrayList<>();
  private final List<String> clean = new ArrayList<>();
  private final MeterSimulation meters;
  private final KafkaProducer<String, byte[]> producer;
  private final Thread meterThread;
  private volatile boolean running = true;

  LiveSimulation(LiveOptions o) {
    this.options = o;
    SimulatedRegion region = SimulatedRegion.load(o.registryDir());
    long start = o.start() != null ? o.start() : CstTime.minuteStart(System.currentTimeMillis());
    this.clock = new SimClock(start, o.speed(), o.realTimeFromNow());
    long horizon = start + o.incidentHorizon().toMillis();
    this.plan = IncidentPlan.schedule(region, start, horizon, o.seed(), o.speed());
    for (DeviceSpec d : region.devices()) {
      DataLogger logger =
          new DataLogger(
              d, region.registry(), o.seed(), plan, start, Long.MAX_VALUE, o.rtdSeconds(), true);
      loggers.add(
          new LiveLogger(
              logger,
              plan.forDevice(d.mn()),
              false,
              o.host(),
              o.port(),
              clock,
              counters,
              o.answerTimeoutMillis(),
              o.retries(),
              o.seed()));
      if (plan.forDevice(d.mn()) == null) {
        clean.add(d.mn());
      }
    }
    DeviceSpec unregistered = plan.unregistered();
    if (unregistered != null) {
      Incident w = plan.forDevice(unregistered.mn());
      DataLogger logger =
          new DataLogger(
              unregistered,
              region.registry(),
              o.seed(),
              null,
              w.start(),
              w.end(),
              o.rtdSeconds(),
              false);
      loggers.add(
          new LiveLogger(
              logger,
              w,
              true,
              o.host(),
              o.port(),
              clock,
              counters,
              o.answerTimeoutMillis(),
              0,
              o.seed()));
    }
    if (o.kafkaBootstrap() != null && !o.kafkaBootstrap().isBlank()) {
      this.meters = new MeterSimulation(region, o.seed(), start, horizon);
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafkaBootstrap());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
      this.meterThread = new Thread(this::publishMeters, "meters");
      this.meterThread.setDaemon(true);
    } else {
      this.meters = null;
      this.producer = null;
      this.meterThread = null;
    }
  }

  LiveSimulation start() {
    writeIncidents();
    loggers.forEach(LiveLogger::start);
    if (meterThread != null) {
      meterThread.start();
    }
    LOG.info(
        "simulating {} loggers against {}:{} from {} at {}x",
        loggers.size(),
        options.host(),
        options.port(),
        CstTime.iso(clock.start()),
        options.speed());
    return this;
  }

  private void publishMeters() {
    long next =
        Math.floorDiv(clock.start(), MeterSimulation.STEP) * MeterSimulation.STEP
            + MeterSimulation.STEP;
    try {
      while (running) {
        long wait = clock.realMillisUntil(next);
        if (wait > 0) {
          Thread.sleep(Math.min(wait, 500));
          continue;
        }
        for (MeterRecord r : meters.step(next)) {
          producer.send(
              new ProducerRecord<>(r.topic(), r.key(), r.json().getBytes(StandardCharsets.UTF_8)));
          counters.meterRecords.incrementAndGet();
        }
        next += MeterSimulation.STEP;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("meter feed stopped: {}", e.toString(), e);
    }
  }

  @Override
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  @Override
  public long simulatedTime() {
    return clock.now();
  }

  @Override
  public List<Incident> incidents() {
    List<Incident> all = new ArrayList<>(plan.incidents());
    if (meters != null) {
      all.addAll(meters.incidents());
    }
    return FileSimulation.renumber(all);
  }

  @Override
  public List<String> cleanDevices() {
    return List.copyOf(clean);
  }

  @Override
  public String statusLine() {
    Map<String, Long> c = counters();
    return String.format(
        "simulated %s: %d connects, %d packets, %d answers, %d resends, %d history requests"
            + " (%d packets), %d meter records",
        CstTime.iso(clock.now()),
        c.get("connects"),
        c.get("packets"),
        c.get("answers_received"),
        c.get("resends"),
        c.get("history_requests"),
        c.get("history_packets"),
        c.get("meter_records"));
  }

  @Override
  public void close() {
    running = false;
    loggers.forEach(LiveLogger::stop);
    for (LiveLogger l : loggers) {
      try {
        l.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (meterThread != null) {
      meterThread.interrupt();
    }
    if (producer != null) {
      producer.close();
    }
    writeIncidents();
  }

  private void writeIncidents() {
    if (options.incidentsFile() == null) {
      return;
    }
    try {
      IncidentsFile.write(options.incidentsFile(), incidents());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
