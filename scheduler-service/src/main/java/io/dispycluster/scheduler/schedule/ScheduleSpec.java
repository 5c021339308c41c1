package io.dispycluster.scheduler.schedule;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import io.dispycluster.scheduler.system.WholeNumbers;

/**
 * A validated schedule: the {@code schedule_type} and {@code schedule_config} of a task
 * or workflow, and the Quartz triggers that carry it out.
 */
public sealed interface ScheduleSpec {

	/** Interval bounds: one second to one year. */
	long MAX_INTERVAL_SECONDS = 366L * 24 * 3600;

	/** The schedule type. */
	ScheduleType type();

	/** The configuration as stored and shown: the keys used, with defaults applied. */
	Map<String, Object> config();

	/** A short description for {@code GET /schedule}, e.g. {@code interval[0:05:00]}. */
	String describe();

	/**
	 * Whether another schedule is this one: the same type and the same configuration,
	 * defaults applied.
	 */
	default boolean isSameAs(ScheduleSpec other) {
		return type() == other.type() && config().equals(other.config());
	}

	/**
	 * The Quartz triggers of this schedule for a job, firing first after {@code from}.
	 * Triggers are named {@code <job>#<n>} in the job's group.
	 */
	List<Trigger> triggers(JobKey job, Instant from);

	/**
	 * Validates a schedule and applies its defaults.
	 * @param type the schedule type, {@code once} when null
	 * @param config its configuration; unknown keys are ignored
	 * @param now the current time (a {@code once} without a date is now)
	 * @throws InvalidScheduleException naming the faulty key
	 */
	static ScheduleSpec parse(@Nullable ScheduleType type, @Nullable Map<String, ?> config, Instant now) {
		Map<String, ?> values = (config != null) ? config : Map.of();
		return switch ((type != null) ? type : ScheduleType.ONCE) {
			case ONCE -> Once.parse(values, now);
			case INTERVAL -> Interval.parse(values);
			case CRON -> Cron.parse(values, now);
		};
	}

	private static String triggerName(JobKey job, int index) {
		return job.getName() + "#" + index;
	}

	private static @Nullable ZoneId timeZoneOf(Map<String, ?> config) {
		Object value = config.get("timezone");
		if (value == null) {
			return null;
		}
		if (!(value instanceof String name) || name.isBlank()) {
			throw new InvalidScheduleException("timezone", "must be a time zone name such as Europe/Paris");
		}
		try {
			return ZoneId.of(name.trim());
		}
		catch (DateTimeException ex) {
			// "europe/paris" is Europe/Paris, as the zone's name is unambiguous whatever
			// its case; the stored id takes the proper case
			return ZoneId.getAvailableZoneIds()
				.stream()
				.filter((id) -> id.equalsIgnoreCase(name.trim()))
				.findFirst()
				.map(ZoneId::of)
				.orElseThrow(() -> new InvalidScheduleException("timezone", "unknown time zone '" + name
						+ "': use a name such as Europe/Paris or America/New_York, or an offset such as UTC+2"));
		}
	}

	/**
	 * Runs once, at its date or at once if that date has passed.
	 *
	 * @param at when
	 */
	record Once(Instant at) implements ScheduleSpec {

		/**
		 * The latest date accepted: Quartz keeps times as milliseconds in a {@code Date}.
		 */
		static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

		static Once parse(Map<String, ?> config, Instant now) {
			Object value = config.get("datetime");
			if (value == null || (value instanceof String text && text.isBlank())) {
				return new Once(now);
			}
			if (!(value instanceof String text)) {
				throw new InvalidScheduleException("datetime", "must be an ISO-8601 date-time string");
			}
			ZoneId zone = timeZoneOf(config);
			// to the millisecond, as Quartz fires and as the API shows every time
			Instant at = instant(text.trim(), (zone != null) ? zone : ZoneId.systemDefault())
				.truncatedTo(ChronoUnit.MILLIS);
			if (at.isAfter(LATEST)) {
				throw new InvalidScheduleException("datetime", "must be a date before the year 10000");
			}
			// kept as given, past or not: it fires at once all the same (see triggers),
			// and
			// an update that sends the same date back is then seen to keep the schedule
			return new Once(at);
		}

		private static Instant instant(String text, ZoneId zone) {
			String iso = text.matches("\\d{4}-\\d{2}-\\d{2} \\d.*") ? text.replaceFirst(" ", "T") : text;
			try {
				return OffsetDateTime.parse(iso).toInstant();
			}
			catch (DateTimeParseException withoutOffset) {
				try {
					return LocalDateTime.parse(iso).atZone(zone).toInstant();
				}
				catch (DateTimeParseException withoutTime) {
					try {
						return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
					}
					catch (DateTimeParseException ex) {
						throw new InvalidScheduleException("datetime",
								"'" + text + "' is not an ISO-8601 date-time (e.g. 2030-01-01T10:00:00Z)");
					}
				}
			}
		}

		@Override
		public ScheduleType type() {
			return ScheduleType.ONCE;
		}

		@Override
		public Map<String, Object> config() {
			return Map.of("datetime", this.at.toString());
		}

		@Override
		public String describe() {
			return "date[" + this.at + "]";
		}

		@Override
		public List<Trigger> triggers(JobKey job, Instant from) {
			Instant start = this.at.isBefore(from) ? from : this.at;
			return List.of(TriggerBuilder.newTrigger()
				.withIdentity(triggerName(job, 0), job.getGroup())
				.forJob(job)
				.startAt(Date.from(start))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}

	}

	/**
	 * Runs every {@code seconds} seconds.
	 *
	 * @param seconds the period
	 */
	record Interval(long seconds) implements ScheduleSpec {

		static Interval parse(Map<String, ?> config) {
			Object value = config.get("seconds");
			if (value == null) {
				return new Interval(3600);
			}
			long seconds = wholeNumber(value);
			if (seconds < 1 || seconds > MAX_INTERVAL_SECONDS) {
				throw new InvalidScheduleException("seconds", "must be between 1 and " + MAX_INTERVAL_SECONDS);
			}
			return new Interval(seconds);
		}

		private static long wholeNumber(Object value) {
			Long number = WholeNumbers.of(value);
			if (number == null) {
				throw new InvalidScheduleException("seconds", "must be a whole number of seconds");
			}
			return number;
		}

		@Override
		public ScheduleType type() {
			return ScheduleType.INTERVAL;
		}

		@Override
		public Map<String, Object> config() {
			return Map.of("seconds", this.seconds);
		}

		@Override
		public String describe() {
			return String.format("interval[%d:%02d:%02d]", this.seconds / 3600, (this.seconds / 60) % 60,
					this.seconds % 60);
		}

		@Override
		public List<Trigger> triggers(JobKey job, Instant from) {
			return List.of(TriggerBuilder.newTrigger()
				.withIdentity(triggerName(job, 0), job.getGroup())
				.forJob(job)
				.startAt(Date.from(from.plusSeconds(this.seconds)))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInSeconds(Math.toIntExact(this.seconds))
					.repeatForever()
					.withMisfireHandlingInstructionNowWithExistingCount())
				.build());
		}

	}

	/**
	 * Runs on a Unix cron expression.
	 *
	 * @param cron the expression
	 * @param zone the time zone it is read in; null for the server's
	 */
	record Cron(UnixCron cron, @Nullable ZoneId zone) implements ScheduleSpec {

		/** How many changes of the clocks forward get a trigger for the times skipped. */
		static final int GAPS_AHEAD = 10;

		static Cron parse(Map<String, ?> config, Instant now) {
			Object value = config.containsKey("cron") ? config.get("cron") : "0 * * * *";
			if (!(value instanceof String text) || text.isBlank()) {
				throw new InvalidScheduleException("cron", "must be a 5-field cron expression such as \"0 6 * * *\"");
			}
			UnixCron cron;
			try {
				cron = UnixCron.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidScheduleException("cron",
						"invalid cron expression '" + text + "': " + ex.getMessage());
			}
			Cron spec = new Cron(cron, timeZoneOf(config));
			if (spec.nextAfter(now) == null) {
				throw new InvalidScheduleException("cron", "the cron expression '" + text + "' never fires");
			}
			return spec;
		}

		/** The next fire time after an instant, or null if it never fires again. */
		@Nullable Instant nextAfter(Instant instant) {
			Instant next = null;
			for (String quartz : this.cron.quartzExpressions()) {
				Date candidate = expression(quartz).getNextValidTimeAfter(Date.from(instant));
				if (candidate != null && (next == null || candidate.toInstant().isBefore(next))) {
					next = candidate.toInstant();
				}
			}
			return next;
		}

		private CronExpression expression(String quartz) {
			try {
				CronExpression expression = new CronExpression(quartz);
				expression.setTimeZone(timeZone());
				return expression;
			}
			catch (ParseException ex) {
				throw new InvalidScheduleException("cron", "cannot be scheduled: " + ex.getMessage());
			}
		}

		// Normalised first: TimeZone does not know the ids ZoneId gives offsets written
		// from UTC or UT ("UTC+2" is "UTC+02:00"), and silently reads them as UTC.
		private TimeZone timeZone() {
			return TimeZone.getTimeZone(((this.zone != null) ? this.zone : ZoneId.systemDefault()).normalized());
		}

		@Override
		public ScheduleType type() {
			return ScheduleType.CRON;
		}

		@Override
		public Map<String, Object> config() {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("cron", this.cron.expression());
			if (this.zone != null) {
				config.put("timezone", this.zone.getId());
			}
			return config;
		}

		@Override
		public String describe() {
			return "cron[" + this.cron.expression() + ((this.zone != null) ? ", " + this.zone.getId() : "") + "]";
		}

		@Override
		public List<Trigger> triggers(JobKey job, Instant from) {
			List<Trigger> triggers = new ArrayList<>();
			List<String> expressions = this.cron.quartzExpressions();
			for (int i = 0; i < expressions.size(); i++) {
				triggers.add(TriggerBuilder.newTrigger()
					.withIdentity(triggerName(job, i), job.getGroup())
					.forJob(job)
					.startAt(Date.from(from))
					.withSchedule(CronScheduleBuilder.cronSchedule(expression(expressions.get(i)))
						.inTimeZone(timeZone())
						.withMisfireHandlingInstructionFireAndProceed())
					.build());
			}
			for (Instant gap : gapFires(from)) {
				triggers.add(TriggerBuilder.newTrigger()
					.withIdentity(job.getName() + "#gap-" + gap.toEpochMilli(), job.getGroup())
					.forJob(job)
					.startAt(Date.from(gap))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build());
			}
			return triggers;
		}

		/**
		 * The fires of the times skipped when the clocks go forward. Quartz fires none of
		 * them (a 02:30 of a day without one is simply not there), so a nightly task
		 * would miss a night and a weekly one a week: as cron does, such a time fires
		 * once, when the clocks have moved on (03:00 where 02:00 became 03:00), unless
		 * the expression fires then anyway. Each is a one-off trigger; the next
		 * {@value #GAPS_AHEAD} changes forward are covered, counted from when the
		 * schedule is set.
		 */
		List<Instant> gapFires(Instant from) {
			ZoneRules rules = ((this.zone != null) ? this.zone : ZoneId.systemDefault()).getRules();
			List<Instant> fires = new ArrayList<>();
			Instant cursor = from;
			int gaps = 0;
			for (int i = 0; i < 4 * GAPS_AHEAD && gaps < GAPS_AHEAD; i++) {
				ZoneOffsetTransition change = rules.nextTransition(cursor);
				if (change == null) {
					break;
				}
				cursor = change.getInstant();
				if (change.isGap()) {
					gaps++;
					if (firesIn(change) && !cursor.equals(nextAfter(cursor.minusMillis(1)))) {
						fires.add(cursor);
					}
				}
			}
			return fires;
		}

		// The local times skipped are those the offset before the change reads from its
		// instant on, for as long as the change moves the clocks.
		private boolean firesIn(ZoneOffsetTransition gap) {
			Date before = Date.from(gap.getInstant().minusMillis(1));
			Instant end = gap.getInstant().plus(gap.getDuration());
			for (String quartz : this.cron.quartzExpressions()) {
				CronExpression expression = expression(quartz);
				expression.setTimeZone(TimeZone.getTimeZone(gap.getOffsetBefore()));
				Date next = expression.getNextValidTimeAfter(before);
				if (next != null && next.toInstant().isBefore(end)) {
					return true;
				}
			}
			return false;
		}

	}

}
