package io.dispycluster.monitoring.performance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the performance report shows and when it calls something a bottleneck
 * ({@code dispycluster.monitoring.performance}). The node figures are means (or maxima)
 * over the report's window.
 *
 * @param topNodes how many nodes {@code top_performing_nodes} lists
 * @param hotCpuPercent mean CPU use above which a node is called hot
 * @param hotMemoryPercent mean memory use above which a node is called short of memory
 * @param fullDiskPercent highest disk use above which a node's disk is called nearly full
 * @param hotTemperature highest temperature (°C) above which a node is called too hot
 * @param saturatedShare share of the samples (0..1) in which a worker ran as many jobs as
 * it could, from which it is called saturated
 * @param failureRatePercent failure rate above which the cluster (or a node) is called
 * failing
 * @param minJobs finished jobs needed before a failure rate counts
 * @param queueGrowth growth of the queue (jobs) over the window from which it is called
 * growing
 * @param minSamples samples of a node needed in the window before its means (CPU, memory,
 * saturation) count: right after a start, one or two samples of a busy moment would call
 * a node hot or saturated "over the window"
 */
@ConfigurationProperties("dispycluster.monitoring.performance")
@Validated
public record PerformanceProperties(@DefaultValue("3") @Min(1) int topNodes,
		@DefaultValue("80") @DecimalMin("0") double hotCpuPercent,
		@DefaultValue("85") @DecimalMin("0") double hotMemoryPercent,
		@DefaultValue("90") @DecimalMin("0") double fullDiskPercent,
		@DefaultValue("80") @DecimalMin("0") double hotTemperature,
		@DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double saturatedShare,
		@DefaultValue("20") @DecimalMin("0") double failureRatePercent, @DefaultValue("5") @Min(1) int minJobs,
		@DefaultValue("5") @Min(1) long queueGrowth, @DefaultValue("5") @Min(1) long minSamples) {
}
