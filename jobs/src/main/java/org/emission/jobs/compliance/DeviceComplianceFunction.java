package org.emission.jobs.compliance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.emission.domain.Cst;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.aggregate.OutletDay;
import org.emission.domain.aggregate.OutletHour;
import org.emission.domain.alert.AlertThresholds;
import org.emission.domain.pipeline.DeviceOutputs;
import org.emission.domain.pipeline.DevicePipeline;
import org.emission.domain.pipeline.DeviceState;
import org.emission.domain.pipeline.PipelineSettings;
import org.emission.domain.registry.Averaging;
import org.emission.domain.registry.Outlet;
import org.emission.domain.registry.Registry;
import org.emission.records.CemsSample;

/**
 * The compliance chain of one logger (keyed by MN) as a Flink operator: a thin shell around {@link
 * DevicePipeline}, which holds the rules. It keeps the device's {@link DeviceState}, ticks every
 * minute (see {@link TickMode}) and judges emitted hours and days against the limit in force.
 */
final class DeviceComplianceFunction
    extends KeyedProcessFunction<String, CemsSample, ComplianceResult> {
  /** Ticks stop after a logger has been silent this long; its next packet starts them again. */
  private static final long TICK_WHILE_SILENT_MS = 7 * Cst.DAY_MS;

  private final RegistryHolder registryHolder;
  private final AlertThresholds thresholds;
  private final PipelineSettings settings;
  private final TickMode tickMode;
  // null, or when this is the first subtask: where the registry in force is published
  private final RegistryPublisher publisher;

  private transient ValueState<DeviceState> deviceState;
  private transient ValueState<Long> lastSeen;
  private transient ValueState<Long> nextTick;
  private transient Registry registry;
  private transient DevicePipeline pipeline;

  DeviceComplianceFunction(
      Path registryDir,
      AlertThresholds thresholds,
      PipelineSettings settings,
      TickMode tickMode,
      RegistryPublisher publisher) {
    this.registryHolder = new RegistryHolder(registryDir);
    this.thresholds = thresholds;
    this.settings = settings;
    this.tickMode = tickMode;
    this.publisher = publisher;
  }

  @Override
  public void open(OpenContext openContext) {
    deviceState =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("device", TypeInformation.of(DeviceState.class)));
    lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seen", Types.LONG));
    nextTick = getRuntimeContext().getState(new ValueStateDescriptor<>("next-tick", Types.LONG));
    registry = registryHolder.load();
    pipeline = new DevicePipeline(registry, thresholds, settings);
    publish();
  }

  @Override
  public void close() {
    if (publisher != null) {
      publisher.close();
    }
  }

  /** One subtask keeps the dimension tables in step with the registry in force. */
  private void publish() {
    if (publisher != null && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
      publisher.publish(registry);
    }
  }

  @Override
  public void processElement(CemsSample sample, Context ctx, Collector<ComplianceResult> out)
      throws Exception {
    refreshRegistry();
    DeviceState state = state();
    DeviceOutputs outputs = pipeline.onSample(state, sample);
    deviceState.update(state);
    long at = tickMode == TickMode.EVENT ? ctx.timestamp() : System.currentTimeMillis();
    lastSeen.update(at);
    emit(sample.mn(), Instant.ofEpochMilli(at), outputs, out);
    scheduleTick(ctx, at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ComplianceResult> out)
      throws Exception {
    nextTick.clear();
    refreshRegistry();
    String mn = ctx.getCurrentKey();
    DeviceState state = state();
    if (tickMode == TickMode.EVENT && ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      DeviceOutputs outputs = pipeline.onEndOfInput(state, mn);
      deviceState.update(state);
      emit(mn, Instant.ofEpochMilli(timestamp), outputs, out);
      return;
    }
    DeviceOutputs outputs = pipeline.onTick(state, mn, Instant.ofEpochMilli(timestamp));
    deviceState.update(state);
    emit(mn, Instant.ofEpochMilli(timestamp), outputs, out);
    Long seen = lastSeen.value();
    if (seen != null && timestamp - seen < TICK_WHILE_SILENT_MS) {
      scheduleTick(ctx, timestamp);
    }
  }

  private void scheduleTick(Context ctx, long after) throws Exception {
    if (nextTick.value() != null) {
      return;
    }
    long tick = (Math.floorDiv(after, Cst.MINUTE_MS) + 1) * Cst.MINUTE_MS;
    if (tickMode == TickMode.EVENT) {
      ctx.timerService().registerEventTimeTimer(tick);
    } else {
      ctx.timerService().registerProcessingTimeTimer(tick);
    }
    nextTick.update(tick);
  }

  private DeviceState state() throws Exception {
    DeviceState state = deviceState.value();
    return state == null ? pipeline.newState() : state;
  }

  private void refreshRegistry() {
    Registry current = registryHolder.current();
    if (current != registry) {
      registry = current;
      pipeline = new DevicePipeline(registry, thresholds, settings);
      publish();
    }
  }

  private void emit(String mn, Instant at, DeviceOutputs outputs, Collector<ComplianceResult> out) {
    if (outputs.minutes().isEmpty()
        && outputs.hours().isEmpty()
        && outputs.days().isEmpty()
        && outputs.live().isEmpty()
        && outputs.alerts().isEmpty()
        && outputs.loggerValues().isEmpty()) {
      return;
    }
    String enterpriseId = registry.outletByMn(mn).map(Outlet::enterpriseId).orElse("");
    List<HourCompliance> hours = new ArrayList<>(outputs.hours().size());
    for (OutletHour hour : outputs.hours()) {
      hours.add(
          HourCompliance.judge(
              hour.convertedConcentration(),
              hour.isMeasured(),
              registry.limitFor(
                  hour.outletId(), hour.pollutant(), Averaging.HOUR, hour.hourStart())));
    }
    List<HourCompliance> days = new ArrayList<>(outputs.days().size());
    for (OutletDay day : outputs.days()) {
      days.add(
          HourCompliance.judge(
              day.convertedConcentration(),
              day.isMeasured(),
              registry.limitFor(day.outletId(), day.pollutant(), Averaging.DAY, day.dayStart())));
    }
    out.collect(new ComplianceResult(mn, enterpriseId, at, outputs, hours, days));
  }
}
