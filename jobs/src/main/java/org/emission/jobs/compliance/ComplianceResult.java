package org.emission.jobs.compliance;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.emission.domain.aggregate.HourCompliance;
import org.emission.domain.pipeline.DeviceOutputs;

/**
 * What the compliance operator produced for one input or tick of one logger, with what the result
 * tables need beside the domain outputs.
 *
 * @param mn the logger
 * @param enterpriseId the outlet's enterprise, or "" when unknown
 * @param at the time of the input or tick (receive time, or the tick)
 * @param outputs the domain outputs
 * @param hourJudgements the judgement of each of {@code outputs.hours()}, in the same order
 * @param dayJudgements the judgement of each of {@code outputs.days()}, in the same order
 */
public record ComplianceResult(
    String mn,
    String enterpriseId,
    Instant at,
    DeviceOutputs outputs,
    List<HourCompliance> hourJudgements,
    List<HourCompliance> dayJudgements)
    implements Serializable {}
