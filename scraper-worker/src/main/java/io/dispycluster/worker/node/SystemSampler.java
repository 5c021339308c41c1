package io.dispycluster.worker.node;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dispycluster.model.worker.SystemFigures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Measures the node with OSHI at a fixed interval and keeps the latest figures for
 * {@code GET /health}. CPU use is measured between two samples, so it is the true use
 * over the interval rather than an instant reading; it is null until the second sample.
 */
@Component
public class SystemSampler implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(SystemSampler.class);

	private final HealthProperties properties;

	private final CentralProcessor processor;

	private final GlobalMemory memory;

	private final OperatingSystem os;

	private final HardwareAbstractionLayer hardware;

	private final ThermalZones thermal;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "system-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private long[] ticks;

	private volatile SystemFigures latest;

	public SystemSampler(HealthProperties properties) {
		this.properties = properties;
		SystemInfo system = new SystemInfo();
		this.hardware = system.getHardware();
		this.processor = this.hardware.getProcessor();
		this.memory = this.hardware.getMemory();
		this.os = system.getOperatingSystem();
		this.thermal = new ThermalZones(properties.thermalPath());
		this.ticks = this.processor.getSystemCpuLoadTicks();
		this.latest = measure(null);
		long interval = Math.max(100, properties.sampleInterval().toMillis());
		this.scheduler.scheduleWithFixedDelay(this::sample, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** The latest figures. */
	public SystemFigures latest() {
		return this.latest;
	}

	/** Takes a sample now: CPU use since the previous one, and every other figure. */
	synchronized SystemFigures sample() {
		try {
			long[] now = this.processor.getSystemCpuLoadTicks();
			double cpu = this.processor.getSystemCpuLoadBetweenTicks(this.ticks, now) * 100;
			this.ticks = now;
			this.latest = measure(cpu);
		}
		catch (RuntimeException ex) {
			// A failed sample must not end the schedule.
			LOG.debug("System sample failed", ex);
		}
		return this.latest;
	}

	private SystemFigures measure(@Nullable Double cpu) {
		double[] load = this.processor.getSystemLoadAverage(3);
		return new SystemFigures(percent(cpu), memoryPercent(), diskPercent(), loadOf(load, 0), loadOf(load, 1),
				loadOf(load, 2), temperature(), this.os.getSystemUptime());
	}

	private @Nullable Double memoryPercent() {
		long total = this.memory.getTotal();
		return (total > 0) ? percent(100.0 * (total - this.memory.getAvailable()) / total) : null;
	}

	// Like df: used over (used + available to unprivileged users).
	private @Nullable Double diskPercent() {
		try {
			FileStore store = Files.getFileStore(existing(this.properties.diskPath().toAbsolutePath()));
			long used = store.getTotalSpace() - store.getUnallocatedSpace();
			long size = used + store.getUsableSpace();
			return (size > 0) ? percent(100.0 * used / size) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private @Nullable Double temperature() {
		return this.thermal.cpuTemperature().map(SystemSampler::round).orElseGet(() -> {
			double oshi = this.hardware.getSensors().getCpuTemperature();
			return (oshi > 0 && oshi < 150) ? round(oshi) : null;
		});
	}

	private static Path existing(Path path) {
		Path current = path;
		while (current != null && !Files.exists(current)) {
			current = current.getParent();
		}
		return (current != null) ? current : path.getRoot();
	}

	private static @Nullable Double loadOf(double[] load, int index) {
		return (load.length > index && load[index] >= 0) ? round(load[index]) : null;
	}

	private static @Nullable Double percent(@Nullable Double value) {
		return (value == null || value.isNaN()) ? null : round(Math.max(0, Math.min(100, value)));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
