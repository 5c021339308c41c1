package io.dispycluster.scheduler.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A standard 5-field Unix cron expression
 * ({@code minute hour day-of-month month day-of-week}) and its translation into Quartz
 * cron expressions.
 * <p>
 * Unix semantics are kept exactly: day-of-week 0 and 7 are both Sunday (names {@code SUN}
 * to {@code SAT} also work), months may be named {@code JAN} to {@code DEC}, and when
 * both day-of-month and day-of-week are restricted a day matches if <em>either</em>
 * matches. Quartz cannot express that "or" in one expression, so such a cron becomes two
 * Quartz expressions, one per day field. The macros {@code @hourly}, {@code @daily} (or
 * {@code @midnight}), {@code @weekly}, {@code @monthly} and {@code @yearly} (or
 * {@code @annually}) are accepted.
 */
public final class UnixCron {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
			"@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly",
			"0 * * * *");

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");

	private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private final String expression;

	private final List<String> quartz;

	private UnixCron(String expression, List<String> quartz) {
		this.expression = expression;
		this.quartz = quartz;
	}

	/**
	 * Parses a Unix cron expression.
	 * @throws IllegalArgumentException if the expression is not valid, with a message
	 * that names the faulty field
	 */
	public static UnixCron parse(String expression) {
		String trimmed = expression.trim();
		String macro = trimmed.toLowerCase(Locale.ROOT);
		String expanded = MACROS.getOrDefault(macro, trimmed);
		if (expanded.startsWith("@")) {
			throw new IllegalArgumentException("unknown macro " + trimmed);
		}
		String[] fields = expanded.split("\\s+");
		if (fields.length != 5) {
			throw new IllegalArgumentException(
					"expected 5 fields (minute hour day-of-month month day-of-week), got " + fields.length);
		}
		// kept in a normal form, so that the same expression typed with other spacing
		// is shown, and compared, as one; the user's fields and macro are kept
		String normal = MACROS.containsKey(macro) ? macro : String.join(" ", fields);
		BitSet minutes = Field.MINUTE.parse(fields[0]);
		BitSet hours = Field.HOUR.parse(fields[1]);
		BitSet daysOfMonth = Field.DAY_OF_MONTH.parse(fields[2]);
		BitSet months = Field.MONTH.parse(fields[3]);
		BitSet daysOfWeek = Field.DAY_OF_WEEK.parse(fields[4]);
		if (daysOfWeek.get(7)) {
			daysOfWeek.clear(7);
			daysOfWeek.set(0);
		}
		String prefix = "0 " + render(minutes, Field.MINUTE, 0) + " " + render(hours, Field.HOUR, 0) + " ";
		String month = " " + render(months, Field.MONTH, 0) + " ";
		return new UnixCron(normal,
				dayExpressions(fields[2], daysOfMonth, fields[4], daysOfWeek).stream()
					.map((days) -> prefix + days[0] + month + days[1])
					.toList());
	}

	/**
	 * The day-of-month and day-of-week parts of the Quartz expressions, one pair per
	 * expression.
	 */
	private static List<String[]> dayExpressions(String domField, BitSet dom, String dowField, BitSet dow) {
		boolean domAll = isFull(dom, Field.DAY_OF_MONTH);
		boolean dowAll = dow.cardinality() == 7;
		String domText = render(dom, Field.DAY_OF_MONTH, 0);
		String dowText = render(dow, Field.DAY_OF_WEEK, 1);
		String[] everyDay = { "*", "?" };
		// Vixie cron: when either day field starts with '*', both must match; otherwise
		// either may.
		if (!domField.startsWith("*") && !dowField.startsWith("*")) {
			return (domAll || dowAll) ? List.<String[]>of(everyDay)
					: List.of(new String[] { domText, "?" }, new String[] { "?", dowText });
		}
		if (domAll && dowAll) {
			return List.<String[]>of(everyDay);
		}
		if (dowAll) {
			return List.<String[]>of(new String[] { domText, "?" });
		}
		if (domAll) {
			return List.<String[]>of(new String[] { "?", dowText });
		}
		throw new IllegalArgumentException("a day-of-month and a day-of-week that must both match are not "
				+ "supported when one of them is a step; restrict only one of them");
	}

	private static boolean isFull(BitSet values, Field field) {
		return values.cardinality() == field.max - field.min + 1;
	}

	private static String render(BitSet values, Field field, int offset) {
		if (field != Field.DAY_OF_WEEK && isFull(values, field)) {
			return "*";
		}
		StringJoiner list = new StringJoiner(",");
		values.stream().forEach((value) -> list.add(Integer.toString(value + offset)));
		return list.toString();
	}

	/**
	 * The expression as the user wrote it, in normal form: trimmed, its fields one space
	 * apart, a macro in lower case ({@code @daily}).
	 */
	public String expression() {
		return this.expression;
	}

	/**
	 * The equivalent Quartz expressions (seconds first): a day matches when any of them
	 * matches.
	 */
	public List<String> quartzExpressions() {
		return this.quartz;
	}

	@Override
	public String toString() {
		return this.expression;
	}

	private enum Field {

		MINUTE("minute", 0, 59, List.of()), HOUR("hour", 0, 23, List.of()),
		DAY_OF_MONTH("day-of-month", 1, 31, List.of()), MONTH("month", 1, 12, MONTHS),
		DAY_OF_WEEK("day-of-week", 0, 7, DAYS);

		private final String label;

		private final int min;

		private final int max;

		private final List<String> names;

		Field(String label, int min, int max, List<String> names) {
			this.label = label;
			this.min = min;
			this.max = max;
			this.names = names;
		}

		BitSet parse(String text) {
			BitSet values = new BitSet();
			for (String part : text.split(",", -1)) {
				parsePart(part, values);
			}
			return values;
		}

		private void parsePart(String part, BitSet values) {
			String range = part;
			int step = 1;
			int slash = part.indexOf('/');
			if (slash >= 0) {
				range = part.substring(0, slash);
				step = number(part.substring(slash + 1), "step");
				if (step < 1) {
					throw invalid("step must be at least 1 in '" + part + "'");
				}
			}
			int from;
			int to;
			if (range.equals("*")) {
				from = this.min;
				to = (this == DAY_OF_WEEK) ? 6 : this.max;
			}
			else if (range.contains("-")) {
				String[] bounds = range.split("-", -1);
				if (bounds.length != 2) {
					throw invalid("bad range '" + range + "'");
				}
				from = value(bounds[0]);
				to = value(bounds[1]);
				if (from > to) {
					throw invalid("range '" + range + "' goes backwards");
				}
			}
			else {
				from = value(range);
				to = (slash >= 0) ? this.max : from;
			}
			for (int v = from; v <= to; v += step) {
				values.set(v);
			}
		}

		private int value(String text) {
			int index = this.names.indexOf(text.toUpperCase(Locale.ROOT));
			int value = (index >= 0) ? index + ((this == MONTH) ? 1 : 0) : number(text, "value");
			if (value < this.min || value > this.max) {
				throw invalid(value + " is out of range " + this.min + "-" + this.max);
			}
			return value;
		}

		private int number(String text, String what) {
			if (text.isEmpty() || !text.chars().allMatch((c) -> c >= '0' && c <= '9') || text.length() > 4) {
				throw invalid("'" + text + "' is not a valid " + what);
			}
			return Integer.parseInt(text);
		}

		private IllegalArgumentException invalid(String message) {
			return new IllegalArgumentException(this.label + ": " + message);
		}

	}

}
