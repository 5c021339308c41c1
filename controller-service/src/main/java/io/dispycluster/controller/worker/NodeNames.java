package io.dispycluster.controller.worker;

/**
 * What a node name may be, for a worker that registers and for a node of the inventory
 * alike: the last segment of {@code /workers/{node}} (and of the monitoring's
 * {@code /nodes/{name}}), and a key of the {@code worker} table.
 */
final class NodeNames {

	/** The longest name, the size of the {@code worker.node} column. */
	static final int MAX_LENGTH = 255;

	/** Why a name that is no path segment is refused. */
	static final String NOT_A_PATH_SEGMENT = "must not hold '/', '\\' or control characters, nor be '.' or '..'";

	private NodeNames() {
	}

	/**
	 * Whether a node name can be the last segment of a path: Tomcat refuses an encoded
	 * slash or backslash, and the dot segments are resolved away, so such a worker could
	 * be neither shown nor pinged. Control characters would also forge the lines that log
	 * the name.
	 */
	static boolean isPathSegment(String node) {
		if (node.equals(".") || node.equals("..")) {
			return false;
		}
		return node.chars().noneMatch((c) -> c == '/' || c == '\\' || Character.isISOControl(c));
	}

}
